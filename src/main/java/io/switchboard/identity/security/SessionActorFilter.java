package io.switchboard.identity.security;

import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.internal.SignInState;
import io.switchboard.identity.internal.SignInStates;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.RememberMeServices;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Web chain, every request: rebuilds the signed-in user's {@link io.switchboard.shared.Actor} and authorities
 * from the database (for this request only; the session keeps its copy). A user who has been deleted or
 * disabled meanwhile is signed out on the spot. A user with a temporary password is sent to the
 * change-password page, whatever page they ask for; a staff user whom policy requires to use 2FA and who has
 * not set it up, to the security settings page to enrol.
 */
class SessionActorFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD_PAGE = "/account/password";

    private static final RequestMatcher ALLOWED_WITH_TEMPORARY_PASSWORD = SecurityConfiguration.paths(
            CHANGE_PASSWORD_PAGE, "/logout", "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/images/**",
            "/favicon.ico");

    private final SignInStates states;
    private final RememberMeServices rememberMe;
    private final String rememberMeKey;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final TwoFactor twoFactor;

    SessionActorFilter(SignInStates states, RememberMeServices rememberMe, String rememberMeKey, TwoFactor twoFactor) {
        this.states = states;
        this.rememberMe = rememberMe;
        this.rememberMeKey = rememberMeKey;
        this.twoFactor = twoFactor;
    }

    /** The security settings page, where a user whom policy requires to use 2FA must enrol first. */
    static final String SECURITY_PAGE = "/account/security";

    private static final RequestMatcher ALLOWED_BEFORE_ENROLMENT = SecurityConfiguration.paths(
            SECURITY_PAGE, SECURITY_PAGE + "/**", CHANGE_PASSWORD_PAGE, "/logout", "/login", "/error", "/webjars/**",
            "/css/**", "/js/**", "/images/**", "/favicon.ico", "/favicon.svg");

    private static final RequestMatcher STATIC_RESOURCES = SecurityConfiguration.paths("/webjars/**", "/css/**",
            "/js/**", "/images/**", "/favicon.ico");

    /** Stylesheets, scripts and images need no actor: spare the database. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return STATIC_RESOURCES.matches(request);
    }

    /** Error pages are rendered for the signed-in user too, with the same fresh actor. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof SignedInUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignInState> state = states.find(user.userId()).filter(SignInState::active);
        if (state.isEmpty()) {
            signOut(request, response);
            chain.doFilter(request, response);
            return;
        }
        var fresh = new SignedInUser(state.get(), null);
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication instanceof RememberMeAuthenticationToken
                ? new RememberMeAuthenticationToken(rememberMeKey, fresh, fresh.getAuthorities())
                : UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        contexts.setContext(context);
        // an impersonating staff user is not held on the target's change-password page (they may not change it)
        if (fresh.passwordChangeRequired() && !ALLOWED_WITH_TEMPORARY_PASSWORD.matches(request)
                && WebImpersonation.stateOf(request).isEmpty()) {
            redirect(request, response, CHANGE_PASSWORD_PAGE);
            return;
        }
        if (!fresh.customerUser() && !ALLOWED_BEFORE_ENROLMENT.matches(request)
                && twoFactor.enrolmentRequired(user.userId())) {
            redirect(request, response, SECURITY_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private void signOut(HttpServletRequest request, HttpServletResponse response) {
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        contexts.clearContext();
        rememberMe.loginFail(request, response); // clears the remember-me cookie
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String target = request.getContextPath() + path;
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(target);
        }
    }
}
