package io.switchboard.identity.internal;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client of the current request as the servlet container sees it, for security logs and emails. */
public final class ClientInfo {

    private ClientInfo() {}

    /** The client's address, or {@code null} outside a request. */
    public static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    /** The client's {@code User-Agent}, at most 300 characters, or {@code null}. */
    public static String userAgent() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String agent = attributes.getRequest().getHeader("User-Agent");
            if (agent == null) {
                return null;
            }
            agent = agent.replaceAll("\\p{Cntrl}", "?");
            return agent.length() > 300 ? agent.substring(0, 300) : agent;
        }
        return null;
    }
}
