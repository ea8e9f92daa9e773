package io.switchboard.inventory.internal;

import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import java.util.Map;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with inventory: staff with the plain permissions see and change everything; a customer user
 * with {@code view_own_inventory} (or {@code view_inventory}) sees only items assigned to their customer and
 * never writes.
 */
@Component
class InventoryAccess {

    static final String VIEW = "view_inventory";
    static final String VIEW_OWN = "view_own_inventory";
    static final String CREATE = "create_inventory";
    static final String UPDATE = "update_inventory";
    static final String DELETE = "delete_inventory";
    static final String VIEW_TEMPLATE = "view_inventory_template";
    static final String VIEW_OWN_TEMPLATE = "view_own_inventory_template";
    static final String CREATE_TEMPLATE = "create_inventory_template";
    static final String UPDATE_TEMPLATE = "update_inventory_template";
    static final String DELETE_TEMPLATE = "delete_inventory_template";

    private final CurrentActor current;

    InventoryAccess(CurrentActor current) {
        this.current = current;
    }

    Actor actor() {
        return current.get();
    }

    /** The customer the reader is confined to, or {@code null} for staff; refuses readers without permission. */
    @Nullable
    Long readItems() {
        Actor actor = actor();
        if (actor.isCustomerScoped()) {
            if (actor.can(VIEW) || actor.can(VIEW_OWN)) {
                return actor.customerId();
            }
            throw denied(VIEW_OWN);
        }
        if (!actor.can(VIEW)) {
            throw denied(VIEW);
        }
        return null;
    }

    /** {@code " AND i.customer_id = :scope"} for a customer user, else empty. */
    String itemCondition(String alias, Map<String, Object> params) {
        Long customer = readItems();
        if (customer == null) {
            return "";
        }
        params.put("scope_customer", customer);
        return " AND " + alias + ".customer_id = :scope_customer";
    }

    void readTemplates() {
        Actor actor = actor();
        if (actor.can(VIEW_TEMPLATE) || actor.can(VIEW) || (actor.isCustomerScoped()
                && (actor.can(VIEW_OWN_TEMPLATE) || actor.can(VIEW_OWN)))) {
            return;
        }
        throw denied(VIEW_TEMPLATE);
    }

    Actor write(String permission) {
        Actor actor = actor();
        if (actor.isCustomerScoped()) {
            throw new AccessDeniedException("Customer users cannot change inventory");
        }
        if (!actor.can(permission)) {
            throw denied(permission);
        }
        return actor;
    }

    private static AccessDeniedException denied(String permission) {
        return new AccessDeniedException("Needs the permission " + permission);
    }
}
