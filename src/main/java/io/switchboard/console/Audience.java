package io.switchboard.console;

import io.switchboard.shared.Actor;
import java.util.Locale;
import java.util.Set;

/**
 * Which web shell a signed-in person belongs in: customer users (bound to a customer, or holding one of
 * the customer roles) use the self-care portal, everybody else the staff console.
 */
public enum Audience {

    STAFF("/console"),
    CUSTOMER("/portal");

    /** Seeded role names of customer users, compared without case and with {@code _}/{@code -} as spaces. */
    private static final Set<String> CUSTOMER_ROLES = Set.of("customer", "customer admin");

    private final String home;

    Audience(String home) {
        this.home = home;
    }

    /**
     * @param actor the signed-in actor, must not be {@literal null}
     * @return the shell the actor belongs in
     */
    public static Audience of(Actor actor) {
        if (actor.isCustomerScoped()) {
            return CUSTOMER;
        }
        boolean customerRole = actor.roles().stream()
                .map(role -> role.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').trim())
                .anyMatch(CUSTOMER_ROLES::contains);
        return customerRole ? CUSTOMER : STAFF;
    }

    /** The path of this audience's home page. */
    public String home() {
        return home;
    }
}
