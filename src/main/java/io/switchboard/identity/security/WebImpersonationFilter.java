package io.switchboard.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Web chain, after {@link SessionActorFilter}: in a session where a staff user impersonates someone, checks the
 * impersonation on every request (open, not idle, not over its maximum, both users still allowed) and makes the
 * request's actor name the staff user as impersonator. When the impersonation has ended (timed out, stopped
 * elsewhere, revoked), the session goes back to the staff user, who lands on the customer's console page with a
 * notice.
 */
class WebImpersonationFilter extends OncePerRequestFilter {

    static final String ENDED_NOTICE = "impersonation.ended";

    private static final RequestMatcher STATIC_RESOURCES = SecurityConfiguration.paths("/webjars/**", "/css/**",
            "/js/**", "/images/**", "/favicon.ico");

    private final Impersonations impersonations;
    private final WebImpersonation web;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebImpersonationFilter(Impersonations impersonations, WebImpersonation web) {
        this.impersonations = impersonations;
        this.web = web;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return STATIC_RESOURCES.matches(request);
    }

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
        var state = WebImpersonation.stateOf(request);
        var authentication = contexts.getContext().getAuthentication();
        if (state.isEmpty() || authentication == null
                || !(authentication.getPrincipal() instanceof SignedInUser user)
                || user.userId() != state.get().targetUserId()) {
            chain.doFilter(request, response);
            return;
        }
        var active = impersonations.verify(state.get().impersonationId(), state.get().staffUserId(), user.userId());
        if (active.isPresent()) {
            var principal = SignedInUser.impersonated(active.get().target(), state.get().staffUserId());
            var context = contexts.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
            contexts.setContext(context);
            chain.doFilter(request, response);
            return;
        }
        web.restore(state.get(), request, response);
        String target = state.get().customerId() == null ? LandingPage.CONSOLE
                : "/console/customers/" + state.get().customerId() + "?tab=contacts";
        var flash = new FlashMap();
        flash.put("notice", ENDED_NOTICE);
        flash.setTargetRequestPath(request.getContextPath() + target.replaceFirst("\\?.*", ""));
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        SessionActorFilter.redirect(request, response, target);
    }
}
