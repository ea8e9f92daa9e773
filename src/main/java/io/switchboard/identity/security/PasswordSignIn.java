package io.switchboard.identity.security;

import io.switchboard.identity.SecondFactorRefused;
import io.switchboard.identity.SignInChallenges;
import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.internal.SignInState;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one sign-in pipeline, used by the web form and by {@code POST /crm/auth/login}: find the account by
 * e-mail or username, check the password, check the account may sign in, record the sign-in. Later steps
 * (lockout before the password check, a second factor after it) belong here, returning new outcomes.
 */
@Component
public class PasswordSignIn {

    /** What became of an attempt. */
    public sealed interface Outcome {
        /** Signed in; {@code passwordHash} is what the password was checked against (for remember-me). */
        record SignedIn(SignInState user, String passwordHash) implements Outcome {}

        /** Unknown account, wrong password, or an account that may not sign in: the caller cannot tell which. */
        record Refused() implements Outcome {}

        /**
         * The password is right but the user has 2FA on: only a challenge exists, no session and no token, until
         * {@link #completeSecondFactor} passes with a code.
         */
        record SecondFactorRequired(long userId, String challengeToken, long expiresInSeconds) implements Outcome {
            @Override
            public String toString() {
                return "SecondFactorRequired[userId=" + userId + "]";
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

    private final UserAccounts users;
    private final SignInStates states;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final ApplicationEventPublisher events;
    private final TwoFactor twoFactor;
    private final SignInChallenges challenges;
    private volatile String decoyHash;

    PasswordSignIn(UserAccounts users, SignInStates states, PasswordEncoder passwords, SignInThrottle throttle,
            ApplicationEventPublisher events, TwoFactor twoFactor, SignInChallenges challenges) {
        this.users = users;
        this.states = states;
        this.passwords = passwords;
        this.throttle = throttle;
        this.events = events;
        this.twoFactor = twoFactor;
        this.challenges = challenges;
    }

    @Transactional
    public Outcome attempt(String identifier, String password) {
        return attempt(identifier, password, false);
    }

    /** {@code rememberMe}: the web form's "remember me", kept with a 2FA challenge for after the second step. */
    @Transactional
    public Outcome attempt(String identifier, String password, boolean rememberMe) {
        if (identifier == null || password == null || identifier.isBlank() || identifier.length() > 254) {
            return new Outcome.Refused();
        }
        Optional<UserAccount> found = users.findByEmail(identifier.trim())
                .or(() -> users.findByUsername(identifier.trim()));
        if (found.isEmpty() || found.get().getPasswordHash() == null) {
            // Spend the time a real check takes, so response times do not reveal which accounts exist.
            passwords.matches(password, decoyHash());
            log.info("Sign-in refused for unknown account {} from {}", printable(identifier), remoteAddress());
            return new Outcome.Refused();
        }
        UserAccount user = found.get();
        Instant now = Instant.now();
        if (throttle.isLocked(user, now)) {
            // Lockout (C-PWD-07): refused like a wrong password, after the same time, whatever the password.
            passwords.matches(password, decoyHash());
            log.info("Sign-in refused for user {} (locked) from {}", user.getId(), remoteAddress());
            return new Outcome.Refused();
        }
        boolean correct = passwords.matches(password, user.getPasswordHash());
        if (!correct && user.canSignIn()) {
            throttle.recordFailure(user, now);
        }
        if (!correct || !user.canSignIn()) {
            log.info("Sign-in refused for user {} ({}) from {}", user.getId(), user.canSignIn() ? "wrong password"
                    : "deleted or disabled", remoteAddress());
            return new Outcome.Refused();
        }
        if (passwords.upgradeEncoding(user.getPasswordHash())) {
            user.setPasswordHash(passwords.encode(password));
        }
        if (twoFactor.isEnabled(user.getId())) {
            // The failure count is not reset here: wrong codes count too, across challenges (see below).
            users.flush();
            String token = challenges.create(user.getId(), rememberMe);
            log.info("User {} passed the password step from {}; second factor required", user.getId(), remoteAddress());
            return new Outcome.SecondFactorRequired(user.getId(), token, challenges.lifetimeSeconds());
        }
        return signedIn(user);
    }

    /**
     * The second step (A-AUTH-03..05, A-2FA-15): a TOTP or backup code against the challenge of the password
     * step. {@code expectedUserId}, when given, must be the challenge's user. A wrong code counts towards the
     * lockout like a wrong password, so fresh challenges (each needing the password) do not give an attacker who
     * knows the password unlimited guesses at the code; a locked account's challenge is refused.
     *
     * @throws SecondFactorRefused for a dead challenge or a wrong code (counted)
     */
    @Transactional(noRollbackFor = SecondFactorRefused.class)
    public Outcome.SignedIn completeSecondFactor(String challengeToken, Long expectedUserId, String code) {
        Instant now = Instant.now();
        Optional<UserAccount> challenged = challenges.pendingUser(challengeToken).flatMap(users::findById);
        if (challenged.isPresent() && throttle.isLocked(challenged.get(), now)) {
            challenges.cancel(challengeToken);
            log.info("Second factor refused for user {} (locked) from {}", challenged.get().getId(), remoteAddress());
            throw new SecondFactorRefused("The code is not valid or the sign-in has expired");
        }
        SignInChallenges.Passed passed;
        try {
            passed = challenges.complete(challengeToken, expectedUserId, code);
        } catch (SecondFactorRefused refused) {
            challenged.filter(UserAccount::canSignIn).ifPresent(user -> throttle.recordFailure(user, now));
            throw refused;
        }
        UserAccount user = users.findForUpdate(passed.userId())
                .filter(UserAccount::canSignIn)
                .orElseThrow(() -> new SecondFactorRefused("The account can no longer sign in"));
        return signedIn(user);
    }

    /** The sign-in is complete (password and, with 2FA, the second factor): record it. */
    private Outcome.SignedIn signedIn(UserAccount user) {
        Instant now = Instant.now();
        throttle.recordSuccess(user);
        user.recordSignIn(now);
        users.flush();
        log.info("User {} signed in from {}", user.getId(), remoteAddress());
        events.publishEvent(SignInCompleted.inCurrentRequest(user.getId(), now));
        return new Outcome.SignedIn(states.find(user.getId()).orElseThrow(), user.getPasswordHash());
    }

    /** The client's address for the security log (A-UADM-13), as the servlet container sees it. */
    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return "(no request)";
    }

    /** What someone typed as their identifier, safe for a log line. */
    private static String printable(String identifier) {
        String trimmed = identifier.trim();
        return (trimmed.length() > 80 ? trimmed.substring(0, 80) : trimmed).replaceAll("[^\\p{Graph}]", "?");
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.encode("decoy password for unknown accounts");
        }
        return decoyHash;
    }
}
