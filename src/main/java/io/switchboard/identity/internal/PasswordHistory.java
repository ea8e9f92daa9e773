package io.switchboard.identity.internal;

import io.switchboard.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password history (C-PWD-08): a new password may not be any of the user's last {@code N} passwords (the current
 * one included). The hashes of the passwords a user had are kept in {@code password_history}, the newest N only.
 */
@Component
public class PasswordHistory {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    PasswordHistory(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /**
     * Refuses {@code newPassword} with a 400 naming {@code field} when it repeats one of the last {@code depth}
     * passwords of the user; {@code depth} 0 checks nothing.
     */
    public void requireNotRecent(String field, UserAccount user, String newPassword, int depth) {
        if (depth <= 0 || newPassword == null) {
            return;
        }
        var recent = new ArrayList<String>();
        if (user.getPasswordHash() != null) {
            recent.add(user.getPasswordHash());
        }
        recent.addAll(jdbc.sql("SELECT password_hash FROM password_history WHERE user_id = :user ORDER BY id DESC LIMIT :n")
                .param("user", user.getId()).param("n", depth).query(String.class).list());
        boolean reused = recent.stream().distinct().limit(depth).anyMatch(hash -> matches(newPassword, hash));
        if (reused) {
            throw InvalidInputException.of(field, depth == 1 ? "must differ from the current password"
                    : "must differ from your last " + depth + " passwords");
        }
    }

    /** Remembers the user's new password hash and forgets all but the newest {@code depth}. */
    public void record(long userId, String passwordHash, Instant at, int depth) {
        if (depth <= 0) {
            jdbc.sql("DELETE FROM password_history WHERE user_id = :user").param("user", userId).update();
            return;
        }
        jdbc.sql("INSERT INTO password_history (user_id, password_hash, created_at) VALUES (:user, :hash, :at)")
                .param("user", userId).param("hash", passwordHash).param("at", java.sql.Timestamp.from(at)).update();
        jdbc.sql("""
                DELETE FROM password_history WHERE user_id = :user AND id NOT IN
                    (SELECT id FROM password_history WHERE user_id = :user ORDER BY id DESC LIMIT :n)""")
                .param("user", userId).param("n", depth).update();
    }

    private boolean matches(String password, String hash) {
        try {
            return passwords.matches(password, hash);
        } catch (IllegalArgumentException e) {
            return false; // a hash in a format no encoder knows any more
        }
    }
}
