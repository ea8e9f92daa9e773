package io.switchboard.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.customer.AccountType;
import io.switchboard.customer.ContactForm;
import io.switchboard.customer.ContactType;
import io.switchboard.customer.Contacts;
import io.switchboard.customer.CustomerForm;
import io.switchboard.customer.Customers;
import io.switchboard.customer.SiteForm;
import io.switchboard.customer.Sites;
import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 2's portal scenario in Chromium: a customer user signs in, lands on the portal, sees their account,
 * changes their phone, and can open neither the console nor another customer's data; on a phone too.
 */
class PortalAccountBrowserIntegrationTests extends BrowserTest {

    static final Actor CRM = Api.staff("view_customer", "create_customer", "view_customer_contact",
            "create_customer_contact", "view_customer_site", "create_customer_site");

    @Autowired
    TestLogins logins;

    @Autowired
    Customers customers;

    @Autowired
    Contacts contacts;

    @Autowired
    Sites sites;

    String customerName;
    long otherCustomerId;
    TestLogins.TestUser ana;

    <T> T asStaff(Supplier<T> work) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(CRM, null,
                CRM.permissions().stream().map(SimpleGrantedAuthority::new).toList()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @BeforeEach
    void aCustomerWithAPortalUser() {
        customerName = "Familia Ortega " + UUID.randomUUID().toString().substring(0, 6);
        long customerId = asStaff(() -> customers.create(CustomerForm.of(customerName, AccountType.INDIVIDUAL)).customerId());
        long contactId = asStaff(() -> contacts.create(ContactForm.of(customerId, "Ana", "Ortega", "ana.ortega@example.com")
                .withPhone("+34 600 111 222").withTypes(List.of(ContactType.PRIMARY, ContactType.BILLING))).contactId());
        asStaff(() -> contacts.create(ContactForm.of(customerId, "Luis", "Ortega", null)
                .withTypes(List.of(ContactType.TECHNICAL))));
        asStaff(() -> sites.create(SiteForm.at(customerId, "Casa", 40.416775, -3.70379)
                .withAddress("Calle Mayor 1", "3º B", "Madrid", null, "28013", "ES")));
        otherCustomerId = asStaff(() -> customers.create(CustomerForm.of("Not Theirs", AccountType.BUSINESS)).customerId());
        ana = logins.forCustomer(customerId, contactId, "customer");
        contacts.linkUser(contactId, ana.id());
    }

    @Test
    void aCustomerUserSeesTheirAccountAndChangesTheirPhone() {
        signIn(ana.username(), ana.password());
        assertThat(currentPath()).isEqualTo("/portal");

        driver().findElement(By.cssSelector("[data-testid=nav-account]")).click();
        waiting().until(d -> currentPath().equals("/portal/account"));
        open("/portal/account?lang=en");
        assertThat(waitFor(By.cssSelector(".page-header__lead")).getText()).isEqualTo(customerName);
        assertThat(driver().findElements(By.cssSelector("[data-testid=account-contact]"))).hasSize(2);
        assertThat(driver().findElement(By.cssSelector("[data-testid=account-sites]")).getText())
                .contains("Casa", "Calle Mayor 1", "Spain");
        waitFor(By.cssSelector("[data-testid=account-site] [data-site-map-ready]"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=my-phone]")).getText()).isEqualTo("+34 600 111 222");
        screenshotWholePage("portal-account-desktop");

        driver().findElement(By.cssSelector("[data-testid=edit-phone]")).click();
        type(By.id("contactPhone"), "not a phone");
        driver().findElement(By.cssSelector("[data-testid=save-phone]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=error-contactPhone]")).getText()).contains("must be a phone number");
        type(By.id("contactPhone"), "+34 699 000 111");
        driver().findElement(By.cssSelector("[data-testid=save-phone]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("[data-testid=my-phone]")).stream()
                .anyMatch(e -> e.getText().equals("+34 699 000 111")));
        assertThat(driver().findElement(By.cssSelector("[data-testid=my-contact] [data-testid=notice]")).getText())
                .contains("Your phone number is saved");

        // it is saved: a reload shows it
        driver().navigate().refresh();
        assertThat(waitFor(By.cssSelector("[data-testid=my-phone]")).getText()).isEqualTo("+34 699 000 111");
        assertThat(consoleErrors()).allSatisfy(logged -> assertThat(logged).contains("/portal/account/phone", "422"));
    }

    @Test
    void aCustomerUserCannotOpenTheConsoleOrAnotherCustomer() {
        signIn(ana.username(), ana.password());

        open("/console");
        waiting().until(d -> currentPath().equals("/portal"));
        open("/console/customers/" + otherCustomerId + "?lang=en");
        assertThat(waitFor(By.cssSelector("[data-testid=error-status]")).getText()).contains("403");
        open("/console/customers?lang=en");
        assertThat(waitFor(By.cssSelector("[data-testid=error-status]")).getText()).contains("403");
        // the REST API does not take the web session at all (it wants a token or a key); the MockMvc tests show
        // that a customer user's token gets a 404 for another customer
        open("/crm/customer/customer_id/" + otherCustomerId);
        assertThat(driver().getPageSource()).contains("\"status\":401").doesNotContain("Not Theirs");
    }

    @Test
    void theAccountPageFitsAPhoneInSpanish() {
        signIn(ana.username(), ana.password());
        usePhoneViewport();
        open("/portal/account?lang=es");

        assertThat(waitFor(By.cssSelector("[data-testid=page-title]")).getText()).isEqualTo("Tu cuenta");
        waitFor(By.cssSelector("[data-testid=account-site] [data-site-map-ready]"));
        assertThat(scrollsSideways()).isFalse();
        WebElement nav = driver().findElement(By.cssSelector(".portal-nav"));
        assertThat(nav.getRect().getY() + nav.getRect().getHeight())
                .as("the navigation sits at the bottom of a phone's screen").isEqualTo(PHONE.height - chromeHeight());
        assertThat(driver().findElement(By.cssSelector("[data-testid=nav-account]")).getAttribute("aria-current"))
                .isEqualTo("page");
        screenshotWholePage("portal-account-phone");

        driver().findElement(By.cssSelector("[data-testid=edit-phone]")).click();
        waitFor(By.id("contactPhone"));
        assertThat(scrollsSideways()).isFalse();
        screenshot("portal-account-phone-editing");
        assertThat(consoleErrors()).isEmpty();
    }

    private long chromeHeight() {
        Long outer = script("return window.outerHeight - window.innerHeight;");
        return outer;
    }
}
