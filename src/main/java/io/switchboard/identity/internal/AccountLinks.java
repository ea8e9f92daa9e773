package io.switchboard.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Absolute links into Switchboard for e-mails: {@code switchboard.base-url} (blank: {@code http://localhost:<port>}),
 * as the welcome e-mail builds its {@code login_url}.
 */
@Component
public class AccountLinks {

    private final String base;
    private final String supportEmail;

    AccountLinks(@Value("${switchboard.base-url:}") String baseUrl, @Value("${server.port:8080}") int port,
            @Value("${switchboard.support-email:support@switchboard.local}") String supportEmail) {
        String b = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl.trim();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.supportEmail = supportEmail;
    }

    public String resetPassword(String token) {
        return base + "/reset-password/" + token;
    }

    public String verifyEmail(String token) {
        return base + "/verify-email/" + token;
    }

    public String supportEmail() {
        return supportEmail;
    }
}
