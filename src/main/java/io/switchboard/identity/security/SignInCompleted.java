package io.switchboard.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A user has signed in: every step of the sign-in passed (today the password; with a second factor, after it).
 * Published inside the sign-in's transaction; listeners that act after the commit see only real sign-ins.
 *
 * @param userId        who signed in
 * @param remoteAddress the client address, as resolved through the trusted proxies ({@code unknown} outside a
 *                      request)
 * @param userAgent     the {@code User-Agent} header, cut to 500 characters; empty when absent
 * @param channel       the web form or the REST API
 * @param at            when
 */
public record SignInCompleted(long userId, String remoteAddress, String userAgent, Channel channel, Instant at) {

    /** Where the sign-in happened. */
    public enum Channel { WEB, API }

    /** The sign-in of {@code userId} in the current request. */
    static SignInCompleted inCurrentRequest(long userId, Instant at) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest() : null;
        if (request == null) {
            return new SignInCompleted(userId, "unknown", "", Channel.API, at);
        }
        String path = request.getRequestURI();
        boolean api = path != null && (path.startsWith("/crm/") || path.startsWith("/auth/") || path.startsWith("/2fa/"));
        return new SignInCompleted(userId, orUnknown(request.getRemoteAddr()), cut(request.getHeader(HttpHeaders.USER_AGENT)),
                api ? Channel.API : Channel.WEB, at);
    }

    private static String orUnknown(@Nullable String address) {
        return address == null || address.isBlank() ? "unknown" : address;
    }

    private static String cut(@Nullable String userAgent) {
        return userAgent == null ? "" : userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent;
    }
}
