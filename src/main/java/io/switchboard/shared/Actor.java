package io.switchboard.shared;

import java.util.Set;
import org.springframework.lang.Nullable;

/**
 * Who is acting: a staff user, a customer user (scoped to one customer), an API key, or the automation
 * service account that processes run as (DESIGN.md decision 6). Every write names its actor.
 *
 * @param userId          the acting user's id; {@code null} for the automation account
 * @param username        login name, or {@code api-key:<name>} / {@code system}
 * @param customerId      for customer users and keys bound to a customer: the only customer they may see
 * @param permissions     effective permission names (union over roles); {@code admin} implies all
 * @param roles           role names, also the Camunda group ids
 * @param impersonatorId  the staff user acting as this user, when impersonating
 */
public record Actor(@Nullable Long userId, String username, @Nullable Long customerId, Set<String> permissions,
        Set<String> roles, @Nullable Long impersonatorId) {

    public static final String ADMIN = "admin";

    public static Actor system() {
        return new Actor(null, "system", null, Set.of(ADMIN), Set.of(), null);
    }

    public boolean can(String permission) {
        return permissions.contains(ADMIN) || permissions.contains(permission);
    }

    /** True when the actor is confined to one customer's records ("view own" scope). */
    public boolean isCustomerScoped() {
        return customerId != null;
    }

    /** Implemented by authentication principals that carry an {@link Actor}. */
    public interface Holder {
        Actor actor();
    }
}
