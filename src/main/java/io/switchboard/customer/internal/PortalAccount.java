package io.switchboard.customer.internal;

import io.switchboard.customer.AccountSelfService;
import io.switchboard.customer.AccountView;
import io.switchboard.customer.ContactView;
import io.switchboard.customer.CustomerView;
import io.switchboard.identity.ServiceAccounts;
import io.switchboard.shared.Actor;
import io.switchboard.shared.NotFoundException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-service rules of C-SC-03..05: a customer user reads their whole account and changes only their own
 * contact's phone (and email, once identity verified it). These paths need no staff permission: being the
 * signed-in user linked to the contact is the authorisation.
 */
@Service
@Transactional
class PortalAccount implements AccountSelfService {

    private final JdbcClient jdbc;
    private final CustomerAccess access;
    private final JdbcContacts contacts;

    PortalAccount(JdbcClient jdbc, CustomerAccess access, JdbcContacts contacts) {
        this.jdbc = jdbc;
        this.access = access;
        this.contacts = contacts;
    }

    @Override
    @Transactional(readOnly = true)
    public AccountView myAccount() {
        Actor actor = customerUser();
        long customerId = actor.customerId();
        CustomerView stored = jdbc.sql("SELECT * FROM customer WHERE customer_id = :id").param("id", customerId)
                .query(JdbcCustomers::row)
                .optional().orElseThrow(() -> new NotFoundException("customer", customerId));
        // staff notes and the account manager are internal: not shown to the customer
        CustomerView customer = new CustomerView(stored.customerId(), stored.customerName(),
                stored.customerAccountType(), stored.customerStatus(), stored.customerPaymentType(),
                stored.customerEnabled(), stored.taxIdentifier(), stored.contractStartDate(), stored.contractEndDate(),
                null, null, stored.archivedAt(), stored.created(), stored.lastModified(), List.of());
        List<ContactView> all = jdbc.sql(JdbcContacts.SELECT + " WHERE k.customer_id = :id ORDER BY k.contact_id")
                .param("id", customerId).query(JdbcContacts::row).list();
        ContactView mine = actor.userId() == null ? null
                : all.stream().filter(c -> actor.userId().equals(c.linkedUserId())).findFirst().orElse(null);
        var sites = jdbc.sql(JdbcSites.SELECT + " WHERE s.customer_id = :id ORDER BY s.site_id").param("id", customerId)
                .query(JdbcSites::row).list();
        return new AccountView(customer, mine, all, sites);
    }

    @Override
    public ContactView changeMyPhone(@Nullable String phone) {
        Actor actor = customerUser();
        ContactView mine = actor.userId() == null ? null : contacts.linkedTo(actor.userId())
                .filter(c -> c.customerId() == actor.customerId()).orElse(null);
        if (mine == null) {
            throw new NotFoundException("contact", "of user " + actor.userId());
        }
        var form = contacts.validate(JdbcContacts.normalise(mine.toForm().withPhone(phone)));
        return contacts.write(mine, form, "Changed own phone number: ");
    }

    @Override
    public ContactView applyVerifiedEmail(long userId, String email) {
        Actor actor = access.actor();
        boolean self = userId == (actor.userId() == null ? -1 : actor.userId());
        // the automation service account (identity's verification runs as it), or the bare system actor
        boolean automation = actor.can(Actor.ADMIN)
                && (actor.userId() == null || ServiceAccounts.AUTOMATION.equals(actor.username()));
        if (!self && !automation) {
            throw new AccessDeniedException("Only the user themselves (or identity's verification) sets this email");
        }
        ContactView mine = contacts.linkedTo(userId).orElseThrow(() -> new NotFoundException("contact", "of user " + userId));
        var form = contacts.validate(JdbcContacts.normalise(mine.toForm().withEmail(email)));
        return contacts.write(mine, form, "Verified new email of contact ");
    }

    private Actor customerUser() {
        Actor actor = access.actor();
        if (!actor.isCustomerScoped()) {
            throw new AccessDeniedException("The self-service account is for customer users");
        }
        return actor;
    }
}
