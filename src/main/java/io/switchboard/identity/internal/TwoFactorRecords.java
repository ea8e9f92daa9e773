package io.switchboard.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The 2FA columns of {@code users} and the {@code two_factor_backup_codes} rows, in plain SQL (the columns are
 * deliberately not mapped on {@link UserAccount}: secrets stay out of the entity and its audit fields).
 */
@Component
public class TwoFactorRecords {

    /** A user's 2FA state; secrets still encrypted. */
    public record State(long userId, String email, boolean enabled, @Nullable byte[] secret,
            @Nullable byte[] pendingSecret, @Nullable Long lastStep, @Nullable Instant enrolledAt,
            boolean customerUser, boolean serviceAccount, boolean deleted) {}

    private final JdbcClient jdbc;

    TwoFactorRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The state, with the user row locked until the transaction ends (so codes and steps are checked once). */
    public Optional<State> lock(long userId) {
        return find(userId, true);
    }

    public Optional<State> find(long userId) {
        return find(userId, false);
    }

    private Optional<State> find(long userId, boolean lock) {
        return jdbc.sql("""
                        SELECT u.id, u.email, u.two_factor_enabled, u.totp_secret, u.totp_pending_secret,
                               u.totp_last_step, u.two_factor_enrolled_at, u.service_account, u.deleted,
                               (u.customer_id IS NOT NULL OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r
                                    ON r.id = ur.role_id WHERE ur.user_id = u.id
                                    AND r.group_id IN ('customer', 'customer-admin'))) AS customer_user
                        FROM users u WHERE u.id = :id""" + (lock ? " FOR UPDATE OF u" : ""))
                .param("id", userId)
                .query((rs, n) -> new State(rs.getLong("id"), rs.getString("email"),
                        rs.getBoolean("two_factor_enabled"), rs.getBytes("totp_secret"),
                        rs.getBytes("totp_pending_secret"), (Long) rs.getObject("totp_last_step"),
                        instant(rs.getTimestamp("two_factor_enrolled_at")), rs.getBoolean("customer_user"),
                        rs.getBoolean("service_account"), rs.getBoolean("deleted")))
                .optional();
    }

    public boolean isEnabled(long userId) {
        return jdbc.sql("SELECT two_factor_enabled FROM users WHERE id = :id").param("id", userId)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Whether a role of the user requires 2FA. */
    public boolean requiredByRole(long userId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                       WHERE ur.user_id = :id AND r.two_factor_required)""")
                .param("id", userId).query(Boolean.class).single();
    }

    /**
     * Whether the user must enrol before anything else: 2FA off, a staff user (not a customer user, not a service
     * account), and required by a role or by {@code requiredForStaff}. One query: it runs on every request.
     */
    public boolean enrolmentRequired(long userId, boolean requiredForStaff) {
        return jdbc.sql("""
                        SELECT NOT u.two_factor_enabled AND NOT u.service_account AND u.customer_id IS NULL
                               AND NOT EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                               WHERE ur.user_id = u.id AND r.group_id IN ('customer', 'customer-admin'))
                               AND (:global OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                                       WHERE ur.user_id = u.id AND r.two_factor_required))
                        FROM users u WHERE u.id = :id""")
                .param("id", userId).param("global", requiredForStaff).query(Boolean.class).optional().orElse(false);
    }

    public void setPending(long userId, byte[] encryptedSecret, Instant at) {
        jdbc.sql("UPDATE users SET totp_pending_secret = :secret, totp_pending_since = :at WHERE id = :id")
                .param("secret", encryptedSecret).param("at", Timestamp.from(at)).param("id", userId).update();
    }

    /** The pending secret becomes the secret; 2FA is on; {@code step} was just accepted. */
    public void confirmPending(long userId, long step, Instant at) {
        jdbc.sql("""
                        UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL,
                            totp_pending_since = NULL, two_factor_enabled = true,
                            totp_last_step = GREATEST(COALESCE(totp_last_step, :step), :step),
                            two_factor_enrolled_at = :at, updated_at = :at
                        WHERE id = :id AND totp_pending_secret IS NOT NULL""")
                .param("step", step).param("at", Timestamp.from(at)).param("id", userId).update();
    }

    public void acceptStep(long userId, long step) {
        jdbc.sql("UPDATE users SET totp_last_step = :step WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)")
                .param("step", step).param("id", userId).update();
    }

    /** 2FA off: secret, pending secret and backup codes gone. */
    public void clear(long userId, Instant at) {
        jdbc.sql("""
                        UPDATE users SET two_factor_enabled = false, totp_secret = NULL, totp_pending_secret = NULL,
                            totp_pending_since = NULL, totp_last_step = NULL, two_factor_enrolled_at = NULL,
                            updated_at = :at
                        WHERE id = :id""")
                .param("at", Timestamp.from(at)).param("id", userId).update();
        jdbc.sql("DELETE FROM two_factor_backup_codes WHERE user_id = :id").param("id", userId).update();
    }

    /** Replaces the user's backup codes with these hashes. */
    public void replaceBackupCodes(long userId, List<String> hashes, Instant at) {
        jdbc.sql("DELETE FROM two_factor_backup_codes WHERE user_id = :id").param("id", userId).update();
        for (String hash : hashes) {
            jdbc.sql("INSERT INTO two_factor_backup_codes (user_id, code_hash, created_at) VALUES (:id, :hash, :at)")
                    .param("id", userId).param("hash", hash).param("at", Timestamp.from(at)).update();
        }
    }

    /** Marks an unused backup code with this hash used; false when there is none. */
    public boolean useBackupCode(long userId, String hash, Instant at) {
        return jdbc.sql("""
                        UPDATE two_factor_backup_codes SET used_at = :at
                        WHERE id = (SELECT id FROM two_factor_backup_codes
                                    WHERE user_id = :id AND code_hash = :hash AND used_at IS NULL LIMIT 1)""")
                .param("at", Timestamp.from(at)).param("id", userId).param("hash", hash).update() == 1;
    }

    public int remainingBackupCodes(long userId) {
        return jdbc.sql("SELECT count(*) FROM two_factor_backup_codes WHERE user_id = :id AND used_at IS NULL")
                .param("id", userId).query(Integer.class).single();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
