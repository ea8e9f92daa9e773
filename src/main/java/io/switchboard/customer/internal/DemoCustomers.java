package io.switchboard.customer.internal;

import io.switchboard.customer.AccountType;
import io.switchboard.customer.AttributeForm;
import io.switchboard.customer.ContactForm;
import io.switchboard.customer.ContactType;
import io.switchboard.customer.Contacts;
import io.switchboard.customer.CustomerAttributes;
import io.switchboard.customer.CustomerForm;
import io.switchboard.customer.CustomerTags;
import io.switchboard.customer.Customers;
import io.switchboard.customer.PaymentType;
import io.switchboard.customer.SiteForm;
import io.switchboard.customer.Sites;
import io.switchboard.customer.TagForm;
import io.switchboard.identity.Directory;
import io.switchboard.identity.NewUser;
import io.switchboard.identity.UserAdministration;
import io.switchboard.shared.DemoDataSeeding;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo data for the quick start ({@code switchboard.demo-data=true}): three customers with contacts, sites,
 * tags and attributes, and the two portal sign-ins (a customer and a customer admin) linked to their contacts.
 * Created once, through the module APIs and as the automation account, so the activity log shows it; runs after
 * the identity seeding and under an advisory lock, so nodes starting together create it once.
 */
@Component
@Order(10)
class DemoCustomers implements ApplicationRunner {

    static final String DEMO_PASSWORD = "Demo123!";
    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

    private final DemoDataSeeding seeding;
    private final Customers customers;
    private final Contacts contacts;
    private final Sites sites;
    private final CustomerTags tags;
    private final CustomerAttributes attributes;
    private final UserAdministration users;
    private final Directory directory;

    DemoCustomers(DemoDataSeeding seeding, Customers customers, Contacts contacts, Sites sites, CustomerTags tags,
            CustomerAttributes attributes, UserAdministration users, Directory directory) {
        this.seeding = seeding;
        this.customers = customers;
        this.contacts = contacts;
        this.sites = sites;
        this.tags = tags;
        this.attributes = attributes;
        this.users = users;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seeding.once("customers", () -> directory.findUserByUsername("customer").isPresent(), this::create)) {
            log.info("Created the demo customers and their portal sign-ins");
        }
    }

    private void create() {
        var home = customers.create(new CustomerForm("Lucía Fernández", AccountType.INDIVIDUAL, null,
                PaymentType.PREPAID, true, "12345678Z", LocalDate.of(2026, 1, 15), null,
                "Prefers contact by SMS.", null));
        var lucia = contacts.create(new ContactForm(home.customerId(), "Lucía", "Fernández",
                "lucia.fernandez@example.com", "+34 612 345 678", List.of(ContactType.PRIMARY, ContactType.BILLING)));
        sites.create(new SiteForm(home.customerId(), "Home", "Calle de Alcalá 45", "3º B", "Madrid", "Madrid",
                "28014", "ES", 40.4194, -3.6950, null, null, "Buzzer 3B; the lift is at the back of the hall."));
        tags.create(new TagForm(home.customerId(), "Prepaid mobile", "#2563eb", null, null, null));
        attributes.put(new AttributeForm(home.customerId(), "preferred_language", "es"));

        var business = customers.create(new CustomerForm("Northwind Logistics Ltd", AccountType.BUSINESS, null,
                PaymentType.POSTPAID, true, "GB123456789", LocalDate.of(2025, 6, 1), LocalDate.of(2028, 5, 31),
                "Key account: 24/7 support contract.", null));
        var oliver = contacts.create(new ContactForm(business.customerId(), "Oliver", "Bennett",
                "oliver.bennett@northwind.example", "+44 7700 900123", List.of(ContactType.PRIMARY)));
        contacts.create(new ContactForm(business.customerId(), "Priya", "Shah", "accounts@northwind.example",
                "+44 20 7946 0958", List.of(ContactType.BILLING)));
        contacts.create(new ContactForm(business.customerId(), "Network", "Operations", "noc@northwind.example",
                "+44 20 7946 0000", List.of(ContactType.TECHNICAL)));
        sites.create(new SiteForm(business.customerId(), "Head office", "1 Canada Square", "Level 12", "London",
                "England", "E14 5AB", "GB", 51.5049, -0.0195, null, null, "Reception on the ground floor."));
        sites.create(new SiteForm(business.customerId(), "Warehouse", "Trafford Park Road", null, "Manchester",
                "England", "M17 1HH", "GB", 53.4650, -2.3180, null, null, "Loading bay 4; hard hats required."));
        tags.create(new TagForm(business.customerId(), "Key account", "#b45309", null, null, null));
        attributes.put(new AttributeForm(business.customerId(), "account_manager", "care"));

        var cafe = customers.create(new CustomerForm("Café do Porto", AccountType.BUSINESS, null,
                PaymentType.POSTPAID, true, "PT509876543", LocalDate.of(2026, 3, 1), null, null, null));
        contacts.create(new ContactForm(cafe.customerId(), "João", "Silva", "joao@cafedoporto.example",
                "+351 912 345 678", List.of(ContactType.PRIMARY, ContactType.TECHNICAL)));
        sites.create(new SiteForm(cafe.customerId(), "Café", "Rua das Flores 120", null, "Porto", "Porto",
                "4050-265", "PT", 41.1456, -8.6131, null, null, null));

        users.create(new NewUser("customer", "customer@demo.switchboard", DEMO_PASSWORD, "Lucía", null, "Fernández",
                null, List.of("customer"), lucia.contactId(), false));
        users.create(new NewUser("customer-admin", "customer-admin@demo.switchboard", DEMO_PASSWORD, "Oliver", null,
                "Bennett", null, List.of("customer-admin"), oliver.contactId(), false));
    }
}
