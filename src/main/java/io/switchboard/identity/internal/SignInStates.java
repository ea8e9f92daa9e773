package io.switchboard.identity.internal;

import io.switchboard.shared.Actor;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a user's {@link SignInState} with plain SQL: this runs on every authenticated request, so that a
 * role change, a disable or a delete takes effect on the next request.
 */
@Component
public class SignInStates {

    private final JdbcClient jdbc;

    SignInStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SignInState> find(long userId) {
        return jdbc.sql("""
                        SELECT id, username, customer_id, token_version, must_change_password,
                               (enabled AND NOT deleted AND NOT service_account AND password_hash IS NOT NULL) AS active
                        FROM users WHERE id = :id""")
                .param("id", userId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("username"),
                        (Long) rs.getObject("customer_id"), rs.getInt("token_version"),
                        rs.getBoolean("must_change_password"), rs.getBoolean("active")))
                .optional()
                .map(row -> new SignInState(row.id, row.username, row.customerId, row.tokenVersion,
                        row.mustChangePassword, row.active, groupIds(row.id), effectivePermissions(row.id)));
    }

    /** The union of the permissions of the user's roles; {@code admin} expands to the whole catalogue. */
    public Set<String> effectivePermissions(long userId) {
        var granted = jdbc.sql("""
                        SELECT DISTINCT p.name FROM user_roles ur
                        JOIN role_permissions rp ON rp.role_id = ur.role_id
                        JOIN permissions p ON p.id = rp.permission_id
                        WHERE ur.user_id = :id""")
                .param("id", userId).query(String.class).list();
        return expand(granted);
    }

    /** {@code granted} as authorities: with {@code admin}, every permission of the catalogue plus {@code admin}. */
    public Set<String> expand(Collection<String> granted) {
        if (!granted.contains(Actor.ADMIN)) {
            return Set.copyOf(granted);
        }
        var all = new LinkedHashSet<>(jdbc.sql("SELECT name FROM permissions ORDER BY id").query(String.class).list());
        all.add(Actor.ADMIN);
        return Set.copyOf(all);
    }

    private Set<String> groupIds(long userId) {
        return Set.copyOf(jdbc.sql("""
                        SELECT r.group_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = :id""")
                .param("id", userId).query(String.class).list());
    }

    private record Row(long id, String username, Long customerId, int tokenVersion, boolean mustChangePassword,
            boolean active) {}
}
