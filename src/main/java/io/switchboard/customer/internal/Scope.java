package io.switchboard.customer.internal;

import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * Which customers an actor may touch: all, one (a customer user's own), those assigned to a coordinator, or
 * none. Rendered as a SQL condition on the customer table so the database, not the caller, filters.
 */
record Scope(@Nullable Long customerId, @Nullable Long assignedUserId, boolean nothing) {

    static final Scope ALL = new Scope(null, null, false);
    static final Scope NONE = new Scope(null, null, true);

    static Scope ownCustomer(long customerId) {
        return new Scope(customerId, null, false);
    }

    static Scope assignedTo(long userId) {
        return new Scope(null, userId, false);
    }

    /** {@code " AND ..."} restricting rows of the customer table aliased {@code alias}; binds into {@code params}. */
    String condition(String alias, Map<String, Object> params) {
        if (nothing) {
            return " AND FALSE";
        }
        if (customerId != null) {
            params.put("scope_customer", customerId);
            return " AND " + alias + ".customer_id = :scope_customer";
        }
        if (assignedUserId != null) {
            params.put("scope_user", assignedUserId);
            return " AND " + alias + ".assigned_user_id = :scope_user";
        }
        return "";
    }

    boolean isAssignedOnly() {
        return assignedUserId != null;
    }
}
