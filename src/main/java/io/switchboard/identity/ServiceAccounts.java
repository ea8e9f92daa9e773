package io.switchboard.identity;

import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.shared.Actor;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The accounts automation acts as (DESIGN.md decision 6): processes and background jobs act as the non-login
 * service account {@code automation}, never as the first admin. It holds no roles; its actor carries
 * {@code admin} because automation does whatever the process it runs was designed to do.
 * <p>
 * Requests let in by the IP allow-list act as the non-login service account {@code ip-allow-list}, with exactly
 * the permissions of its roles (the seeded role {@code ip-allow-list} starts with none) and never {@code admin}.
 */
@Service
public class ServiceAccounts implements io.switchboard.shared.AutomationAccount {

    public static final String AUTOMATION = "automation";
    public static final String IP_ALLOW_LIST = "ip-allow-list";

    private static final Logger log = LoggerFactory.getLogger(ServiceAccounts.class);

    private final UserAccounts users;
    private final JdbcClient jdbc;
    private final AtomicBoolean warnedAboutAdmin = new AtomicBoolean();
    private volatile Actor automation;

    ServiceAccounts(UserAccounts users, JdbcClient jdbc) {
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    public Actor actor() {
        return automation();
    }

    /** The automation account's actor; the account is created at start-up. */
    public Actor automation() {
        Actor actor = automation;
        if (actor == null) {
            long id = users.findByUsername(AUTOMATION)
                    .orElseThrow(() -> new IllegalStateException("The automation account has not been created yet"))
                    .getId();
            actor = new Actor(id, AUTOMATION, null, Set.of(Actor.ADMIN), Set.of(), null);
            automation = actor; // the id never changes, so every node may keep it
        }
        return actor;
    }

    /**
     * The actor of requests let in by the IP allow-list: the {@code ip-allow-list} account with the permissions of
     * its roles, read now (an admin's edit of the role takes effect on the next request). {@code admin} is never
     * honoured: when a role of the account holds it, it is dropped and a warning logged. Empty when the account is
     * missing, disabled or deleted, which closes the allow-list.
     */
    public Optional<Actor> ipAllowList() {
        Optional<Long> account = jdbc.sql("""
                        SELECT id FROM users
                        WHERE lower(username) = :name AND service_account AND enabled AND NOT deleted""")
                .param("name", IP_ALLOW_LIST).query(Long.class).optional();
        if (account.isEmpty()) {
            return Optional.empty();
        }
        long id = account.get();
        var granted = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT p.name FROM user_roles ur
                        JOIN role_permissions rp ON rp.role_id = ur.role_id
                        JOIN permissions p ON p.id = rp.permission_id
                        WHERE ur.user_id = :id""")
                .param("id", id).query(String.class).list());
        if (granted.remove(Actor.ADMIN)) {
            if (warnedAboutAdmin.compareAndSet(false, true)) {
                log.warn("SECURITY: a role of the {} service account holds 'admin'. The IP allow-list never acts as an "
                        + "administrator, so 'admin' is ignored for it: remove it from the role and grant the "
                        + "permissions the allow-listed callers need instead", IP_ALLOW_LIST);
            }
        } else {
            warnedAboutAdmin.set(false);
        }
        var groups = Set.copyOf(jdbc.sql("""
                        SELECT r.group_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = :id""")
                .param("id", id).query(String.class).list());
        return Optional.of(new Actor(id, IP_ALLOW_LIST, null, Set.copyOf(granted), groups, null));
    }
}
