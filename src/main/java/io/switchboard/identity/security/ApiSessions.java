package io.switchboard.identity.security;

import io.switchboard.identity.SecondFactorRefused;
import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.internal.RefreshToken;
import io.switchboard.identity.internal.RefreshTokens;
import io.switchboard.identity.internal.Role;
import io.switchboard.identity.internal.Secrets;
import io.switchboard.identity.internal.SignInState;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.shared.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.springframework.lang.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Token sessions of the API: sign-in with a password, refresh with rotation, sign-out.
 * A refresh token is used once: refreshing marks it used and issues a successor in the same family. A used
 * token presented again has leaked (or been replayed), so its whole family is revoked and the user's access
 * tokens die with a token-version bump.
 */
@Component
public class ApiSessions {

    private final PasswordSignIn signIn;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final UserAccounts users;
    private final SignInStates states;
    private final SecuritySettings settings;
    private final org.springframework.beans.factory.ObjectProvider<Impersonations> impersonations;
    private final TwoFactor twoFactor;

    ApiSessions(PasswordSignIn signIn, AccessTokens accessTokens, RefreshTokens refreshTokens, UserAccounts users,
            SignInStates states, SecuritySettings settings,
            org.springframework.beans.factory.ObjectProvider<Impersonations> impersonations, TwoFactor twoFactor) {
        this.impersonations = impersonations;
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.states = states;
        this.settings = settings;
    }

    /**
     * Signs in; wrong credentials of any kind are the same {@link BadCredentialsException}. A user with 2FA on
     * gets only a {@link TwoFactorChallenge}: no token until {@link #completeSecondFactor}.
     */
    @Transactional(noRollbackFor = BadCredentialsException.class)
    public LoginResult signIn(String identifier, String password) {
        var outcome = signIn.attempt(identifier, password);
        if (outcome instanceof PasswordSignIn.Outcome.SignedIn signedIn) {
            return issue(signedIn.user(), UUID.randomUUID());
        }
        if (outcome instanceof PasswordSignIn.Outcome.SecondFactorRequired challenge) {
            return new TwoFactorChallenge(true, challenge.userId(), challenge.challengeToken(),
                    challenge.expiresInSeconds());
        }
        throw new BadCredentialsException("Invalid email or password");
    }

    /**
     * The second step (A-2FA-15): the challenge of the password step plus a TOTP or backup code of user
     * {@code userId}; the normal token pair on success.
     *
     * @throws SecondFactorRefused for a dead challenge or a wrong code (counted against the challenge)
     */
    @Transactional(noRollbackFor = SecondFactorRefused.class)
    public SignInResponse completeSecondFactor(long userId, String challengeToken, String code) {
        var signedIn = signIn.completeSecondFactor(challengeToken, userId, code);
        return issue(signedIn.user(), UUID.randomUUID());
    }

    /** A new token pair for a refresh token, which dies in the exchange. */
    @Transactional(noRollbackFor = BadCredentialsException.class)
    public SignInResponse refresh(String presentedToken) {
        Instant now = Instant.now();
        RefreshToken token = refreshTokens.findForUpdate(Secrets.sha256(presentedToken))
                .orElseThrow(() -> new BadCredentialsException("The refresh token is not valid"));
        if (token.getUsedAt() != null || token.getRevokedAt() != null) {
            if (token.getUsedAt() != null) {
                // Reuse of a rotated token: whoever holds the family cannot be trusted any more.
                refreshTokens.revokeFamily(token.getFamilyId(), now);
                if (token.getImpersonationId() == null) {
                    users.findForUpdate(token.getUserId()).ifPresent(UserAccount::revokeTokens);
                } else { // the impersonation ends; the target's own tokens are not touched
                    impersonations.getObject().end(token.getImpersonationId(), Impersonations.EndReason.REVOKED);
                }
            }
            throw new BadCredentialsException("The refresh token has been used or revoked");
        }
        if (!now.isBefore(token.getExpiresAt())) {
            throw new BadCredentialsException("The refresh token has expired");
        }
        if (token.getImpersonationId() != null) {
            // an impersonation's refresh token only ever yields impersonation tokens, while the impersonation lasts
            token.markUsed(now);
            return impersonations.getObject().refresh(token.getImpersonationId(), token.getUserId(), token.getFamilyId())
                    .orElseThrow(() -> new BadCredentialsException("The impersonation has ended"));
        }
        SignInState user = states.find(token.getUserId()).filter(SignInState::active)
                .orElseThrow(() -> new BadCredentialsException("The account can no longer sign in"));
        token.markUsed(now);
        return issue(user, token.getFamilyId());
    }

    /**
     * Signs out: every access token of the user dies (token-version bump), and the refresh token's family
     * (or, without one, every refresh token of the user) is revoked.
     */
    @Transactional
    public void signOut(long userId, @Nullable String refreshToken) {
        Instant now = Instant.now();
        UserAccount user = users.findForUpdate(userId).orElseThrow(() -> new BadCredentialsException("Unknown user"));
        user.revokeTokens();
        if (refreshToken == null || refreshToken.isBlank()) {
            refreshTokens.revokeAllOf(userId, now);
            return;
        }
        RefreshToken token = refreshTokens.findForUpdate(Secrets.sha256(refreshToken))
                .filter(t -> t.getUserId().equals(userId))
                .orElseThrow(() -> InvalidInputException.of("refresh_token", "is not a refresh token of yours"));
        refreshTokens.revokeFamily(token.getFamilyId(), now);
    }

    /** A fresh token pair in a new family, e.g. after the user changed their password. */
    @Transactional
    public SignInResponse issueFor(long userId) {
        SignInState user = states.find(userId).filter(SignInState::active)
                .orElseThrow(() -> new BadCredentialsException("The account can no longer sign in"));
        return issue(user, UUID.randomUUID());
    }

    private SignInResponse issue(SignInState state, UUID family) {
        Instant now = Instant.now();
        String refresh = Secrets.random(32);
        refreshTokens.save(new RefreshToken(state.userId(), family, Secrets.sha256(refresh), now,
                now.plus(settings.refreshTokenTtl())));
        String access = accessTokens.issue(state, now);
        UserAccount account = users.findById(state.userId()).orElseThrow();
        var roles = account.getRoles().stream().map(Role::getName).sorted(Comparator.naturalOrder()).toList();
        return new SignInResponse(access, access, refresh, "Bearer", accessTokens.lifetimeSeconds(),
                new SignInResponse.User(account.getId(), account.getUsername(), account.getEmail(),
                        account.getFirstName(), account.getLastName()),
                roles, state.permissions().stream().sorted().toList(), state.mustChangePassword(),
                twoFactor.enrolmentRequired(state.userId()));
    }
}
