package io.switchboard.customer.internal;

import static io.switchboard.customer.internal.Permissions.VIEW_ASSIGNED_CUSTOMER;
import static io.switchboard.customer.internal.Permissions.VIEW_CUSTOMER;

import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Decides what the current actor may read and write. Permissions say which kind of record; the {@link Scope}
 * says which customers:
 * <ul>
 * <li>a customer user ({@code customerId != null}) only their own customer, reading with the plain or the
 * {@code view_own_*} permission, and never through the staff writes;</li>
 * <li>a coordinator, i.e. a staff actor with {@code view_assigned_customer} but not {@code view_customer}, only
 * the customers whose {@code assigned_user_id} is theirs, for every kind of record;</li>
 * <li>every other staff actor all customers.</li>
 * </ul>
 */
@Component
class CustomerAccess {

    private final CurrentActor currentActor;

    CustomerAccess(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    Actor actor() {
        return currentActor.get();
    }

    /** The scope for reading records guarded by {@code viewPermission} and its own-scope variant. */
    Scope read(String viewPermission, String ownPermission) {
        Actor actor = actor();
        if (actor.isCustomerScoped()) {
            if (actor.can(viewPermission) || actor.can(ownPermission)) {
                return Scope.ownCustomer(actor.customerId());
            }
            throw denied(viewPermission);
        }
        boolean coordinatorReadingCustomers = viewPermission.equals(VIEW_CUSTOMER) && actor.can(VIEW_ASSIGNED_CUSTOMER);
        if (!actor.can(viewPermission) && !coordinatorReadingCustomers) {
            throw denied(viewPermission);
        }
        return customers(actor);
    }

    /** The scope for a staff write needing {@code permission}; customer users are refused outright. */
    Scope write(String permission) {
        Actor actor = actor();
        if (actor.isCustomerScoped()) {
            throw new AccessDeniedException("Customer users change their account through the self-service pages");
        }
        if (!actor.can(permission)) {
            throw denied(permission);
        }
        return customers(actor);
    }

    /** Whether the actor may read records guarded by these permissions, without failing. */
    boolean mayRead(String viewPermission, String ownPermission) {
        Actor actor = actor();
        return actor.can(viewPermission) || (actor.isCustomerScoped() && actor.can(ownPermission));
    }

    private static Scope customers(Actor actor) {
        if (actor.isCustomerScoped()) {
            return Scope.ownCustomer(actor.customerId());
        }
        if (actor.can(VIEW_CUSTOMER) || !actor.can(VIEW_ASSIGNED_CUSTOMER)) {
            return Scope.ALL;
        }
        return actor.userId() == null ? Scope.NONE : Scope.assignedTo(actor.userId());
    }

    private static AccessDeniedException denied(String permission) {
        return new AccessDeniedException("Needs the permission " + permission);
    }
}
