package io.switchboard.customer;

import io.switchboard.shared.PageQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;

/**
 * Customers, as the signed-in {@link io.switchboard.shared.Actor} may see and change them.
 * <p>
 * Reads need {@code view_customer}; a customer user ({@code customerId != null}) with {@code view_own_customer}
 * sees only their own customer, and a coordinator whose only customer permission is {@code view_assigned_customer}
 * only the customers assigned to them. Anything outside the reader's scope is reported as absent, never as
 * forbidden, so ids do not leak. Writes need {@code create_customer} / {@code update_customer} /
 * {@code delete_customer} and are staff-only (customer users change their account through
 * {@link AccountSelfService}). Every write is recorded in the activity log in the same transaction.
 */
public interface Customers {

    /** The customer with its contacts, or empty when it does not exist or is not the actor's to see. */
    Optional<CustomerView> find(long customerId);

    /** A page of visible customers, contacts embedded. Sort by customer_id, customer_name, customer_status, ... */
    Page<CustomerView> search(CustomerSearch filter, PageQuery page);

    /**
     * Creates a customer. A coordinator's new customer is assigned to them.
     *
     * @throws io.switchboard.shared.InvalidInputException naming each invalid field
     */
    CustomerView create(CustomerForm form);

    /**
     * Changes a customer: {@code change} receives the current values (under a row lock) and returns the new ones.
     *
     * @throws io.switchboard.shared.NotFoundException when the customer is not visible
     * @throws io.switchboard.shared.ConflictException when it is archived
     */
    CustomerView update(long customerId, UnaryOperator<CustomerForm> change);

    /** Replaces a customer's editable fields with {@code form}. */
    default CustomerView update(long customerId, CustomerForm form) {
        return update(customerId, current -> form);
    }

    /** Why the customer cannot be archived now; empty when it can (A-CUS-06). */
    List<String> archiveBlockers(long customerId);

    /**
     * Archives the customer (the guide's delete, A-CUS-07): status {@code Archived}, the previous status kept.
     *
     * @throws io.switchboard.shared.ConflictException listing the blockers when a {@link CustomerArchiveCheck}
     *         objects, or when the customer is already archived
     */
    CustomerView archive(long customerId);

    /**
     * Restores an archived customer to the status it had before.
     *
     * @throws io.switchboard.shared.ConflictException when the customer is not archived
     */
    CustomerView restore(long customerId);
}
