package io.switchboard.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where a browser goes after signing in: the change-password page for a temporary password, else the page it
 * asked for before being sent to sign in, else the portal for customer users and the console for staff.
 */
class LandingPage implements AuthenticationSuccessHandler {

    static final String PORTAL = "/portal";
    static final String CONSOLE = "/console";

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        var saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        if (!(authentication.getPrincipal() instanceof SignedInUser user)) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        if (user.passwordChangeRequired()) {
            SessionActorFilter.redirect(request, response, SessionActorFilter.CHANGE_PASSWORD_PAGE);
        } else if (saved != null && "GET".equals(saved.getMethod())) {
            response.sendRedirect(saved.getRedirectUrl());
        } else {
            SessionActorFilter.redirect(request, response, homeOf(user));
        }
    }

    static String homeOf(SignedInUser user) {
        return user.customerUser() ? PORTAL : CONSOLE;
    }
}
