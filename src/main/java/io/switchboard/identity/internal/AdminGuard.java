package io.switchboard.identity.internal;

import io.switchboard.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps at least one active administrator: writes that could remove the last one (deleting or disabling a
 * user, changing roles or the permissions of a role) take a transaction-scoped lock first, so two such writes
 * cannot each remove "the other" admin, and check the outcome before committing.
 */
@Component
public class AdminGuard {

    private static final long LOCK_KEY = 0x5357_4144_4d49_4eL; // "SWADMIN"

    private final JdbcClient jdbc;
    private final UserAccounts users;

    AdminGuard(JdbcClient jdbc, UserAccounts users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /** Call before a write that may demote an admin; holds until the transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
    }

    /** Call after the write (flushes it): refuses with a 409 when no active admin would be left. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireAnAdminLeft(String field) {
        users.flush();
        if (users.countActiveAdmins() == 0) {
            throw new ConflictException(field, "At least one active administrator must remain");
        }
    }
}
