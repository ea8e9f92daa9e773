package io.switchboard.identity.internal;

import io.switchboard.identity.ContactRef;
import io.switchboard.identity.CustomerContacts;
import io.switchboard.shared.InvalidInputException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Resolves customer contacts through the customer module's {@link CustomerContacts}, when it is there. */
@Component
public class ContactLinks {

    private final ObjectProvider<CustomerContacts> contacts;

    public ContactLinks(ObjectProvider<CustomerContacts> contacts) {
        this.contacts = contacts;
    }

    /** The contact to link; a 422 naming {@code contact_id} when it does not exist or cannot be looked up. */
    public ContactRef require(long contactId) {
        CustomerContacts port = contacts.getIfAvailable();
        if (port == null) {
            throw InvalidInputException.unprocessable("contact_id",
                    "customer contacts are not available in this installation, so no user can be linked to one");
        }
        return port.find(contactId).orElseThrow(() -> InvalidInputException.unprocessable("contact_id",
                "no customer contact has id " + contactId));
    }

    /** The contact for display, when it can be looked up. */
    public Optional<ContactRef> find(Long contactId) {
        CustomerContacts port = contacts.getIfAvailable();
        return contactId == null || port == null ? Optional.empty() : port.find(contactId);
    }
}
