package io.switchboard.identity;

import java.util.Optional;

/**
 * Port to the customer module, which implements it: identity must not depend on customer, yet a customer user
 * is linked to one customer contact and sees only that contact's customer. Without an implementation bean,
 * linking a user to a contact is refused with a 422.
 */
public interface CustomerContacts {

    /**
     * The contact with this id, or empty when there is none.
     *
     * @param contactId the contact's id
     */
    Optional<ContactRef> find(long contactId);
}
