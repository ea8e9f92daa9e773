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

    /**
     * Records on the contact which user now signs in for it, so the customer's side shows the link too.
     *
     * @param contactId the contact's id
     * @param userId    the linked user, or {@code null} when the user was unlinked
     */
    void linkUser(long contactId, @org.springframework.lang.Nullable Long userId);

    /**
     * Sets the e-mail of the contact linked to {@code userId} once identity has verified the new address
     * (C-SC-04). Identity calls it as the automation account, in the transaction that changes the user's e-mail.
     *
     * @param userId the user whose linked contact changes
     * @param email  the verified address
     */
    default void applyVerifiedEmail(long userId, String email) {}
}
