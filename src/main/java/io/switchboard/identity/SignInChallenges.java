package io.switchboard.identity;

import io.switchboard.identity.internal.Secrets;
import io.switchboard.identity.security.TwoFactorSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second step of a sign-in with 2FA (I-02). The password step yields only a challenge: a random token
 * (stored as its SHA-256) bound to that user and sign-in, valid for {@code switchboard.security.two-factor.
 * challenge-ttl} (5 minutes), used once, and dead after {@code max-attempts} wrong codes. No token and no
 * session exist until {@link #complete} passes.
 *
 * <p>For the API the client holds the token ({@code challenge_token}); for the web it is kept in the
 * (unauthenticated) HTTP session, see {@code identity.security.WebSignInChallenge}.
 */
@Service
public class SignInChallenges {

    private static final Logger log = LoggerFactory.getLogger(SignInChallenges.class);

    /** A passed challenge: whose, and whether the password step asked to be remembered (web). */
    public record Passed(long userId, boolean rememberMe) {}

    private record Row(long id, long userId, Instant expiresAt, Instant usedAt, int failedAttempts, boolean rememberMe) {}

    private final JdbcClient jdbc;
    private final TwoFactor twoFactor;
    private final TwoFactorSettings settings;
    private final Clock clock = Clock.systemUTC();

    SignInChallenges(JdbcClient jdbc, TwoFactor twoFactor, TwoFactorSettings settings) {
        this.jdbc = jdbc;
        this.twoFactor = twoFactor;
        this.settings = settings;
    }

    /** A new challenge for the user, after their password was checked; the token is returned once. */
    @Transactional
    public String create(long userId, boolean rememberMe) {
        String token = Secrets.random(32);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO sign_in_challenges (token_hash, user_id, created_at, expires_at, remember_me, remote_address)
                        VALUES (:hash, :user, :now, :expires, :remember, :address)""")
                .param("hash", Secrets.sha256(token)).param("user", userId).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(settings.challengeTtl()))).param("remember", rememberMe)
                .param("address", TwoFactor.remoteAddress()).update();
        return token;
    }

    /** Seconds a new challenge lives. */
    public long lifetimeSeconds() {
        return settings.challengeTtl().toSeconds();
    }

    /**
     * The user of a pending challenge (unexpired, unused, not dead of wrong codes), without using it up:
     * for the lost-device flow, which starts at the challenge step.
     */
    @Transactional(readOnly = true)
    public Optional<Long> pendingUser(@Nullable String token) {
        return find(token, false).filter(this::pending).map(Row::userId);
    }

    /** Whether the password step of a pending challenge asked to remember the browser. */
    @Transactional(readOnly = true)
    public boolean rememberMe(@Nullable String token) {
        return find(token, false).filter(this::pending).map(Row::rememberMe).orElse(false);
    }

    /**
     * Passes the challenge with a 6-digit TOTP code or an 8-character backup code (consumed) of its user. A wrong
     * code counts; after {@code max-attempts} the challenge dies. {@code expectedUserId}, when given, must be
     * the challenge's user (the API's {@code /2fa/verify/user/{id}}).
     *
     * @throws SecondFactorRefused for an unusable challenge or a wrong code
     * @throws io.switchboard.shared.InvalidInputException for a malformed code (400 on {@code code})
     */
    @Transactional(noRollbackFor = SecondFactorRefused.class)
    public Passed complete(@Nullable String token, @Nullable Long expectedUserId, String code) {
        Row row = requirePendingRow(token, expectedUserId);
        if (!twoFactor.checkCode(row.userId(), code, "code")) {
            fail(row);
            throw new SecondFactorRefused("The code is not valid");
        }
        jdbc.sql("UPDATE sign_in_challenges SET used_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
        return new Passed(row.userId(), row.rememberMe());
    }

    /** Confirms a new device's secret at the challenge step ({@code /2fa/verify-setup} with a challenge token). */
    @Transactional(noRollbackFor = SecondFactorRefused.class)
    public void verifySetup(@Nullable String token, long userId, String code) {
        requirePendingRow(token, userId);
        twoFactor.verifySetupAtSignIn(userId, code);
    }

    /**
     * A new device at the challenge step (C-2FA-08): a backup code (consumed) proves the user; a new secret
     * waits for {@link #verifySetup}, new backup codes replace the old. A wrong backup code counts as a wrong code.
     */
    @Transactional(noRollbackFor = SecondFactorRefused.class)
    public TwoFactorEnrolment resetForNewDevice(@Nullable String token, long userId, String backupCode) {
        Row row = requirePendingRow(token, userId);
        var enrolment = twoFactor.resetForNewDeviceAtSignIn(userId, backupCode);
        if (enrolment.isEmpty()) {
            fail(row);
            throw new SecondFactorRefused("The backup code is not valid");
        }
        return enrolment.get();
    }

    /** Ends a challenge unused (the user cancelled the sign-in). */
    @Transactional
    public void cancel(@Nullable String token) {
        if (token != null && !token.isBlank()) {
            jdbc.sql("UPDATE sign_in_challenges SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL")
                    .param("now", Timestamp.from(clock.instant())).param("hash", Secrets.sha256(token)).update();
        }
    }

    /** Nightly: challenges expired for a day are of no use, not even for the log. */
    @org.springframework.scheduling.annotation.Scheduled(cron = "0 23 3 * * *")
    @Transactional
    public void deleteExpired() {
        int deleted = deleteExpiredBefore(clock.instant().minus(java.time.Duration.ofDays(1)));
        if (deleted > 0) {
            log.info("Deleted {} expired sign-in challenges", deleted);
        }
    }

    /** Deletes challenges that expired before {@code before}; answers how many. */
    @Transactional
    public int deleteExpiredBefore(Instant before) {
        return jdbc.sql("DELETE FROM sign_in_challenges WHERE expires_at < :before")
                .param("before", Timestamp.from(before)).update();
    }

    private Row requirePendingRow(@Nullable String token, @Nullable Long expectedUserId) {
        Row row = find(token, true).filter(this::pending)
                .orElseThrow(() -> new SecondFactorRefused("The sign-in challenge is not valid (unknown, expired, "
                        + "used or too many wrong codes): sign in again with your password"));
        if (expectedUserId != null && expectedUserId != row.userId()) {
            throw new SecondFactorRefused("The sign-in challenge belongs to another user");
        }
        return row;
    }

    private void fail(Row row) {
        int failed = row.failedAttempts() + 1;
        jdbc.sql("UPDATE sign_in_challenges SET failed_attempts = :failed WHERE id = :id")
                .param("failed", failed).param("id", row.id()).update();
        log.info("Wrong second factor for user {} ({} of {} attempts) from {}", row.userId(), failed,
                settings.maxAttempts(), TwoFactor.remoteAddress());
    }

    private boolean pending(Row row) {
        return row.usedAt() == null && clock.instant().isBefore(row.expiresAt())
                && row.failedAttempts() < settings.maxAttempts();
    }

    private Optional<Row> find(@Nullable String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, user_id, expires_at, used_at, failed_attempts, remember_me
                        FROM sign_in_challenges WHERE token_hash = :hash""" + (lock ? " FOR UPDATE" : ""))
                .param("hash", Secrets.sha256(token))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("user_id"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant(),
                        rs.getInt("failed_attempts"), rs.getBoolean("remember_me")))
                .optional();
    }
}
