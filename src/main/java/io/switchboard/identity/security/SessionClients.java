package io.switchboard.identity.security;

import io.switchboard.identity.internal.ClientInfo;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Notes in a web session, when it signs in (form or remember-me), where it signed in from: the client's address
 * and browser, for the user's sessions page.
 */
@Component
public class SessionClients {

    public static final String IP_ADDRESS = "switchboard.client.ip";
    public static final String USER_AGENT = "switchboard.client.agent";

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(true);
            if (session != null) {
                session.setAttribute(IP_ADDRESS, ClientInfo.remoteAddress());
                session.setAttribute(USER_AGENT, ClientInfo.userAgent());
            }
        }
    }
}
