package io.switchboard.identity.security;

import io.switchboard.identity.internal.SignInStates;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Impersonation in a browser session (C-IMP-03), like Spring's {@code SwitchUserFilter}: the session's principal
 * becomes the target user, and the staff user's own authentication is kept in the session to come back to.
 * The session stays indexed under the staff user's name, so "sign out everywhere" of the staff user ends it,
 * while the target's own sessions are untouched.
 */
@Component
public class WebImpersonation {

    static final String ATTRIBUTE = WebImpersonation.class.getName() + ".STATE";

    /** What the session remembers of its impersonation. */
    record State(long impersonationId, long staffUserId, String staffUsername, long targetUserId,
            @Nullable Long customerId, Authentication original) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final Impersonations impersonations;
    private final SignInStates states;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    WebImpersonation(Impersonations impersonations, SignInStates states) {
        this.impersonations = impersonations;
        this.states = states;
    }

    /**
     * Starts impersonating {@code targetUserId} in the current browser session (the rules of
     * {@link Impersonations#start} apply) and makes the target the session's principal.
     */
    public Impersonations.Started begin(long targetUserId, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = contexts.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof SignedInUser staff)) {
            throw new AccessDeniedException("Only a signed-in staff user can impersonate");
        }
        HttpSession existing = request.getSession(false);
        if (staff.impersonatorId() != null || (existing != null && existing.getAttribute(ATTRIBUTE) != null)) {
            throw new ImpersonationRefusedException(null,
                    "You are impersonating a user: stop that impersonation before starting another");
        }
        var started = impersonations.start(targetUserId, Impersonations.Channel.WEB, request.getRemoteAddr(),
                request.getHeader(HttpHeaders.USER_AGENT));
        var target = states.find(targetUserId).orElseThrow();
        var principal = SignedInUser.impersonated(target, staff.userId());
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(ATTRIBUTE, new State(started.impersonationId(), staff.userId(), staff.getUsername(),
                targetUserId, started.targetCustomerId(), current));
        session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, staff.getUsername());
        switchTo(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()),
                request, response);
        return started;
    }

    /**
     * Ends the session's impersonation (if it has one) and gives the session back to the staff user.
     *
     * @return the customer whose user was impersonated, to return to; empty when the session had no impersonation
     */
    public Optional<Ended> end(Impersonations.EndReason reason, HttpServletRequest request,
            HttpServletResponse response) {
        var state = stateOf(request);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        impersonations.end(state.get().impersonationId(), reason);
        restore(state.get(), request, response);
        return Optional.of(new Ended(state.get().customerId()));
    }

    /** An ended browser impersonation: the customer to go back to. */
    public record Ended(@Nullable Long customerId) {}

    /** The session's impersonation, if any. */
    static Optional<State> stateOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ATTRIBUTE) instanceof State state
                ? Optional.of(state) : Optional.empty();
    }

    /** Gives the session back to the staff user (the impersonation has already been closed). */
    void restore(State state, HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
            session.removeAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME);
            request.changeSessionId();
        }
        switchTo(state.original(), request, response);
    }

    private void switchTo(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        var context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        contextRepository.saveContext(context, request, response);
    }
}
