package io.switchboard.identity.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The single-use tokens of account recovery: password-reset tokens and e-mail-verification tokens. A token is 32
 * random bytes handed out once (in an e-mail link); only its SHA-256 is stored. A token works until it expires,
 * is used, or is superseded by a newer token of the same user and kind. Never log a token.
 */
@Component
public class AccountTokens {

    /** Why a reset token was issued. */
    public enum ResetReason { FORGOT_PASSWORD, LOCKOUT }

    /** A pending e-mail change a verification token stands for. */
    public record EmailChange(long tokenId, long userId, String newEmail) {}

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new reset token for the user; every earlier unused one dies. Answers the token itself. */
    public String issueReset(long userId, ResetReason reason, Instant now, Instant expiresAt, String requestedIp) {
        jdbc.sql("""
                UPDATE password_reset_tokens SET superseded_at = :now
                WHERE user_id = :user AND used_at IS NULL AND superseded_at IS NULL""")
                .param("now", java.sql.Timestamp.from(now)).param("user", userId).update();
        String token = Secrets.random(32);
        jdbc.sql("""
                INSERT INTO password_reset_tokens (user_id, token_hash, reason, created_at, expires_at, requested_ip)
                VALUES (:user, :hash, :reason, :now, :expires, :ip)""")
                .param("user", userId).param("hash", Secrets.sha256(token)).param("reason", reason.name())
                .param("now", java.sql.Timestamp.from(now)).param("expires", java.sql.Timestamp.from(expiresAt))
                .param("ip", requestedIp == null ? null : truncate(requestedIp, 64)).update();
        return token;
    }

    /** The user a reset token is valid for now, without using it (the reset page checks before showing the form). */
    public Optional<Long> validResetUser(String token, Instant now) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT user_id FROM password_reset_tokens
                WHERE token_hash = :hash AND used_at IS NULL AND superseded_at IS NULL AND expires_at > :now""")
                .param("hash", Secrets.sha256(token)).param("now", java.sql.Timestamp.from(now))
                .query(Long.class).optional();
    }

    /** Uses a reset token (locked, so two concurrent uses cannot both succeed): its user, or empty when not valid. */
    public Optional<Long> consumeReset(String token, Instant now) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                UPDATE password_reset_tokens SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND superseded_at IS NULL AND expires_at > :now
                RETURNING user_id""")
                .param("hash", Secrets.sha256(token)).param("now", java.sql.Timestamp.from(now))
                .query(Long.class).optional();
    }

    /** Kills every unused reset token of the user (after any password change). */
    public void supersedeResets(long userId, Instant now) {
        jdbc.sql("""
                UPDATE password_reset_tokens SET superseded_at = :now
                WHERE user_id = :user AND used_at IS NULL AND superseded_at IS NULL""")
                .param("now", java.sql.Timestamp.from(now)).param("user", userId).update();
    }

    /** Reset tokens issued to the user at or after {@code since} (rate limiting). */
    public int resetsIssuedSince(long userId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM password_reset_tokens WHERE user_id = :user AND created_at >= :since")
                .param("user", userId).param("since", java.sql.Timestamp.from(since)).query(Integer.class).single();
    }

    /** A new verification token for changing the user's e-mail to {@code newEmail}; earlier ones die. */
    public String issueEmailChange(long userId, String newEmail, Instant now, Instant expiresAt) {
        supersedeEmailChanges(userId, now);
        String token = Secrets.random(32);
        jdbc.sql("""
                INSERT INTO email_verification_tokens (user_id, new_email, token_hash, created_at, expires_at)
                VALUES (:user, :email, :hash, :now, :expires)""")
                .param("user", userId).param("email", newEmail).param("hash", Secrets.sha256(token))
                .param("now", java.sql.Timestamp.from(now)).param("expires", java.sql.Timestamp.from(expiresAt))
                .update();
        return token;
    }

    /** The e-mail change a token stands for, locked for the caller's transaction; empty when not valid now. */
    public Optional<EmailChange> findEmailChangeForUpdate(String token, Instant now) {
        if (!plausible(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, user_id, new_email FROM email_verification_tokens
                WHERE token_hash = :hash AND used_at IS NULL AND superseded_at IS NULL AND expires_at > :now
                FOR UPDATE""")
                .param("hash", Secrets.sha256(token)).param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new EmailChange(rs.getLong("id"), rs.getLong("user_id"), rs.getString("new_email")))
                .optional();
    }

    public void markEmailChangeUsed(long tokenId, Instant now) {
        jdbc.sql("UPDATE email_verification_tokens SET used_at = :now WHERE id = :id")
                .param("now", java.sql.Timestamp.from(now)).param("id", tokenId).update();
    }

    public void supersedeEmailChanges(long userId, Instant now) {
        jdbc.sql("""
                UPDATE email_verification_tokens SET superseded_at = :now
                WHERE user_id = :user AND used_at IS NULL AND superseded_at IS NULL""")
                .param("now", java.sql.Timestamp.from(now)).param("user", userId).update();
    }

    /** The address a user asked to change to and has not confirmed yet, if the link still works. */
    public Optional<String> pendingEmail(long userId, Instant now) {
        return jdbc.sql("""
                SELECT new_email FROM email_verification_tokens
                WHERE user_id = :user AND used_at IS NULL AND superseded_at IS NULL AND expires_at > :now
                ORDER BY id DESC LIMIT 1""")
                .param("user", userId).param("now", java.sql.Timestamp.from(now)).query(String.class).optional();
    }

    /** Tokens are base64url of 32 bytes (43 characters); anything else is not worth a database look-up. */
    private static boolean plausible(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100 && token.matches("[A-Za-z0-9_-]+");
    }

    private static String truncate(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
