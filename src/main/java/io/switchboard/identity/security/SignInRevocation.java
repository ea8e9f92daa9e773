package io.switchboard.identity.security;

import io.switchboard.identity.internal.RefreshTokens;
import io.switchboard.identity.internal.UserAccount;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signs a user out everywhere: every access token (by bumping the token version), every refresh token, every
 * remember-me token, and every web session. Sessions are deleted once the transaction commits, so a write
 * that rolls back signs nobody out.
 */
@Component
public class SignInRevocation {

    private final RefreshTokens refreshTokens;
    private final PersistentTokenRepository rememberMeTokens;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignInRevocation(RefreshTokens refreshTokens, PersistentTokenRepository rememberMeTokens,
            FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.refreshTokens = refreshTokens;
        this.rememberMeTokens = rememberMeTokens;
        this.sessions = sessions;
    }

    /**
     * @param keepCurrentSession keep the web session of the current request (a user changing their own password
     *                           stays signed in where they did it)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void revokeEverywhere(UserAccount user, boolean keepCurrentSession) {
        user.revokeTokens();
        refreshTokens.revokeAllOf(user.getId(), Instant.now());
        rememberMeTokens.removeUserTokens(user.getUsername());
        String keep = keepCurrentSession ? currentSessionId() : null;
        String username = user.getUsername();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.findByPrincipalName(username).keySet().stream()
                        .filter(id -> !id.equals(keep))
                        .forEach(sessions::deleteById);
            }
        });
    }

    /** The number of open web sessions of a user. */
    public int countSessions(String username) {
        return sessions.findByPrincipalName(username).size();
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
