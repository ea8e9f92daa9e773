package io.switchboard.customer.internal;

import io.switchboard.customer.Contacts;
import io.switchboard.identity.ContactRef;
import io.switchboard.identity.CustomerContacts;
import java.util.Optional;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** Identity's port onto our contacts: which contact a portal user signs in for, and its customer. */
@Component
class ContactsForIdentity implements CustomerContacts {

    private final Contacts contacts;
    private final io.switchboard.customer.AccountSelfService selfService;

    ContactsForIdentity(Contacts contacts, io.switchboard.customer.AccountSelfService selfService) {
        this.contacts = contacts;
        this.selfService = selfService;
    }

    @Override
    public void applyVerifiedEmail(long userId, String email) {
        selfService.applyVerifiedEmail(userId, email);
    }

    @Override
    public Optional<ContactRef> find(long contactId) {
        return contacts.findContact(contactId).map(c -> new ContactRef(c.contactId(), c.customerId(),
                c.email() == null ? "" : c.email(), c.name()));
    }

    @Override
    public void linkUser(long contactId, @Nullable Long userId) {
        if (userId == null && contacts.findContact(contactId).isEmpty()) {
            return; // unlinking from a contact that no longer exists: nothing to mirror
        }
        contacts.linkUser(contactId, userId);
    }
}
