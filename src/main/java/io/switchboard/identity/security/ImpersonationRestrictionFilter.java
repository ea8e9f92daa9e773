package io.switchboard.identity.security;

import io.switchboard.shared.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Both chains, just before authorisation: an impersonated actor may not touch the target's credentials or
 * sessions, nor impersonate again (B-IMP-10, C-IMP-05). Listed by path so that endpoints added later under these
 * paths are covered too. The API answers a 403 problem document, the web chain the 403 error page.
 */
class ImpersonationRestrictionFilter extends OncePerRequestFilter {

    /** What an impersonation may not reach. */
    static final RequestMatcher FORBIDDEN = SecurityConfiguration.paths(
            "/auth/change_password", "/crm/auth/change_password", "/auth/change_email", "/crm/auth/change_email",
            "/auth/forgot_password", "/crm/auth/forgot_password", "/auth/reset_password", "/crm/auth/reset_password",
            "/auth/impersonate", "/crm/auth/impersonate", "/auth/users/**", "/crm/auth/users/**",
            "/auth/sessions/**", "/crm/auth/sessions/**", "/auth/api-keys/**", "/crm/api-keys/**",
            "/2fa/**", "/crm/2fa/**", "/account/password", "/account/security/**", "/account/sessions/**",
            "/console/impersonate", "/engine-rest/**", "/camunda/**",
            // the rest of the target's credentials, wherever they are reached: verifying an e-mail change, the web
            // pages of a password reset, the lost-device (2FA reset) pages of a sign-in, the portal's e-mail change
            "/auth/verify_email", "/crm/auth/verify_email", "/verify-email/**", "/reset-password/**",
            "/login/forgot-password", "/login/2fa", "/login/2fa/**", "/portal/account/email", "/portal/account/email/**");

    @Nullable
    private final ProblemResponses problems;

    /** @param problems the API chain's problem writer; {@code null} in the web chain (error page instead) */
    ImpersonationRestrictionFilter(@Nullable ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (impersonating() && FORBIDDEN.matches(request)) {
            String detail = "Not allowed while impersonating: passwords, two-factor settings, sessions, API keys and "
                    + "impersonation stay with the user themselves";
            if (problems == null) {
                throw new AccessDeniedException(detail);
            }
            problems.write(request, response, HttpStatus.FORBIDDEN, "impersonation-restricted",
                    "Not allowed while impersonating", detail);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean impersonating() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        Object principal = authentication.getPrincipal();
        Actor actor = principal instanceof Actor a ? a : principal instanceof Actor.Holder h ? h.actor() : null;
        return actor != null && actor.impersonatorId() != null;
    }
}
