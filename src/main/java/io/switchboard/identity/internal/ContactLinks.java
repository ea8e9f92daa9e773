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
    private final ObjectProvider<io.switchboard.shared.AutomationAccount> automation;

    /** Without an automation account: {@link #applyVerifiedEmail} then does nothing (for tests of the rest). */
    public ContactLinks(ObjectProvider<CustomerContacts> contacts) {
        this(contacts, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public ContactLinks(ObjectProvider<CustomerContacts> contacts,
            ObjectProvider<io.switchboard.shared.AutomationAccount> automation) {
        this.contacts = contacts;
        this.automation = automation;
    }

    /**
     * Gives the contact linked to {@code userId} its verified new e-mail, acting as the automation account (the
     * link may be followed by nobody signed in, or in a browser where someone else is signed in).
     */
    public void applyVerifiedEmail(long userId, String email) {
        CustomerContacts port = contacts.getIfAvailable();
        var account = automation == null ? null : automation.getIfAvailable();
        if (port == null || account == null) {
            return;
        }
        var original = org.springframework.security.core.context.SecurityContextHolder.getContext();
        var asAutomation = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        asAutomation.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                account.actor(), null, java.util.List.of()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(asAutomation);
        try {
            port.applyVerifiedEmail(userId, email);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(original);
        }
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

    /** Mirrors a link (or, with a {@code null} user, an unlink) onto the customer's contact. */
    public void mirror(long contactId, Long userId) {
        CustomerContacts port = contacts.getIfAvailable();
        if (port != null) {
            port.linkUser(contactId, userId);
        }
    }

    /** The contact for display, when it can be looked up. */
    public Optional<ContactRef> find(Long contactId) {
        CustomerContacts port = contacts.getIfAvailable();
        return contactId == null || port == null ? Optional.empty() : port.find(contactId);
    }
}
