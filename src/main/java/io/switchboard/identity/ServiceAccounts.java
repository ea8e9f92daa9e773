package io.switchboard.identity;

import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.shared.Actor;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The accounts automation acts as (DESIGN.md decision 6): processes and background jobs act as the non-login
 * service account {@code automation}, never as the first admin. It holds no roles; its actor carries
 * {@code admin} because automation does whatever the process it runs was designed to do.
 */
@Service
public class ServiceAccounts {

    public static final String AUTOMATION = "automation";

    private final UserAccounts users;
    private volatile Actor automation;

    ServiceAccounts(UserAccounts users) {
        this.users = users;
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
}
