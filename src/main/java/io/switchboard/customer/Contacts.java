package io.switchboard.customer;

import io.switchboard.shared.PageQuery;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Page;
import org.springframework.lang.Nullable;

/**
 * Contacts of customers (A-CON). Reads need {@code view_customer_contact}, or {@code view_own_customer_contact}
 * for a customer user (own customer only); the customer-level scope of {@link Customers} applies on top.
 * Writes need {@code create_/update_/delete_customer_contact}, are staff-only and refused on archived customers.
 */
public interface Contacts {

    Optional<ContactView> find(long contactId);

    /**
     * The customer's contacts, oldest first.
     *
     * @throws io.switchboard.shared.NotFoundException when the customer is not visible
     */
    List<ContactView> forCustomer(long customerId);

    Page<ContactView> search(ContactSearch filter, PageQuery page);

    ContactView create(ContactForm form);

    /** Changes a contact; {@code change} gets the current values. Moving it to another customer is refused. */
    ContactView update(long contactId, UnaryOperator<ContactForm> change);

    void delete(long contactId);

    /**
     * For identity: the contact behind a portal user, without any access check (identity calls it while signing
     * a user in or when an admin links a user). Empty when there is no such contact.
     */
    Optional<ContactSummary> findContact(long contactId);

    /**
     * For identity: links the portal user {@code userId} to the contact ({@code null} unlinks). A user is linked
     * to at most one contact. Recorded in the activity log.
     *
     * @throws io.switchboard.shared.NotFoundException when the contact does not exist
     * @throws io.switchboard.shared.ConflictException when the user is linked to another contact
     */
    ContactView linkUser(long contactId, @Nullable Long userId);
}
