package io.switchboard.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the current request visible through {@link RequestContextHolder} inside the web security chain, where the
 * form sign-in and remember-me run before Spring MVC sets it: the sign-in pipeline logs the client's address, the
 * lockout e-mails it, and the sessions page shows where a session signed in from. Only fills an empty holder,
 * and empties only what it filled.
 */
class CurrentRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestContextHolder.getRequestAttributes() != null) {
            chain.doFilter(request, response);
            return;
        }
        var attributes = new ServletRequestAttributes(request, response);
        RequestContextHolder.setRequestAttributes(attributes);
        try {
            chain.doFilter(request, response);
        } finally {
            if (RequestContextHolder.getRequestAttributes() == attributes) {
                RequestContextHolder.resetRequestAttributes();
            }
        }
    }
}
