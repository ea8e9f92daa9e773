package io.switchboard.console.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.openlocationcode.OpenLocationCode;
import io.switchboard.customer.AccountType;
import io.switchboard.customer.ContactForm;
import io.switchboard.customer.Contacts;
import io.switchboard.customer.CustomerForm;
import io.switchboard.customer.Customers;
import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 2's console scenario in Chromium: a staff user signs in, finds a customer with the list's search, opens
 * it, adds a site on the Sites tab by placing and dragging the map's marker and typing the address, saves, sees
 * the plus code the server stored, and finds the site's creation in the Activity tab.
 */
class CustomerSiteBrowserIntegrationTests extends BrowserTest {

    @Autowired
    TestLogins logins;

    @Autowired
    Customers customers;

    @Autowired
    Contacts contacts;

    /** Runs {@code work} as a staff user with the CRM permissions it needs (outside a request nobody acts). */
    <T> T asStaff(Supplier<T> work) {
        var actor = ConsoleCrm.CRM_STAFF;
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                actor.permissions().stream().map(org.springframework.security.core.authority.SimpleGrantedAuthority::new).toList()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void staffFindACustomerAddASiteOnTheMapAndSeeItInTheActivityLog() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String name = "Zephyr Networks " + marker;
        long customerId = asStaff(() -> {
            var customer = customers.create(CustomerForm.of(name, AccountType.BUSINESS));
            contacts.create(ContactForm.of(customer.customerId(), "Marta", "Lozano", "marta@zephyr.example")
                    .withPhone("+34 910 000 000"));
            return customer.customerId();
        });
        var care = logins.withRoles("customer-care");
        signIn(care.username(), care.password());
        assertThat(currentPath()).isEqualTo("/console");

        // find the customer as you type
        open("/console/customers?lang=en");
        type(By.cssSelector("[data-testid=customer-search]"), "zephyr networks " + marker);
        waiting().until(d -> d.findElements(By.cssSelector("[data-testid=customer-row]")).size() == 1
                && d.findElement(By.cssSelector("[data-testid=customer-row]")).getText().contains(name));
        waiting().until(d -> d.getCurrentUrl().contains("search=zephyr"));
        screenshot("console-customers-search");
        driver().findElement(By.cssSelector("[data-testid=customer-link]")).click();
        waiting().until(d -> currentPath().equals("/console/customers/" + customerId));
        assertThat(waitFor(By.cssSelector("[data-testid=page-title]")).getText()).isEqualTo(name);

        // the Sites tab, then the new-site form
        driver().findElement(By.cssSelector("[data-testid=tab-sites]")).click();
        waitFor(By.cssSelector("[data-testid=sites-panel]"));
        waiting().until(d -> d.getCurrentUrl().endsWith("?tab=sites"));
        driver().findElement(By.cssSelector("[data-testid=add-site]")).click();
        WebElement map = waitFor(By.cssSelector("[data-testid=site-form] [data-site-map][data-site-map-ready]"));

        // place the marker with a click, then drag it
        script("arguments[0].scrollIntoView({block: 'center'});", map);
        new Actions(driver()).moveToElement(map, 30, 20).click().perform();
        WebElement pin = waitFor(By.cssSelector("[data-testid=site-form] .leaflet-marker-icon"));
        String clicked = value("latitude");
        new Actions(driver()).clickAndHold(pin).moveByOffset(5, 5).moveByOffset(40, 25).release().perform();
        waiting().until(d -> !value("latitude").equals(clicked));
        double latitude = Double.parseDouble(value("latitude"));
        double longitude = Double.parseDouble(value("longitude"));
        String expected = OpenLocationCode.encode(latitude, longitude, 11);
        assertThat(value("plusCode")).isEqualTo(expected);
        // the server checks the location as it changes and shows the code it will keep
        waiting().until(d -> d.findElements(By.cssSelector("[data-testid=checked-plus-code]")).stream()
                .anyMatch(e -> e.getText().equals(expected)));

        // the address is typed by hand
        type(By.id("siteName"), "Sede " + marker);
        type(By.id("addressLine1"), "Calle de Alcalá 45");
        type(By.id("city"), "Madrid");
        type(By.id("zipCode"), "28014");
        new Select(driver().findElement(By.id("country"))).selectByValue("ES");
        screenshotWholePage("console-site-form");
        driver().findElement(By.cssSelector("[data-testid=site-form] [data-testid=save]")).click();

        WebElement notice = waitFor(By.cssSelector("[data-testid=sites-panel] [data-testid=notice]"));
        assertThat(notice.getText()).contains(expected);
        WebElement card = driver().findElement(By.cssSelector("[data-testid=site-card].is-highlighted"));
        assertThat(card.findElement(By.cssSelector("[data-testid=site-plus-code]")).getText()).isEqualTo(expected);
        assertThat(card.getText()).contains("Calle de Alcalá 45", "Spain");
        screenshotWholePage("console-sites-tab");

        // the Activity tab has the site's creation, by this user, from the web
        driver().findElement(By.cssSelector("[data-testid=tab-activity]")).click();
        WebElement entry = waitFor(By.cssSelector(
                "[data-testid=activity-entry][data-entity-type=customer_site][data-action=CREATED]"));
        assertThat(entry.getText()).contains("Sede " + marker, care.username(), "Web", expected);
        waiting().until(d -> d.getCurrentUrl().endsWith("?tab=activity"));
        screenshotWholePage("console-activity-tab");

        // a reload of the pushed URL shows the same tab
        driver().navigate().refresh();
        waitFor(By.cssSelector("[data-testid=activity-panel]"));

        // customer care holds view_inventory: the Inventory tab, empty for a new customer
        driver().findElement(By.cssSelector("[data-testid=tab-inventory]")).click();
        waitFor(By.cssSelector("[data-testid=no-customer-inventory]"));
        waiting().until(d -> d.getCurrentUrl().endsWith("?tab=inventory"));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void theCustomerPagesWorkOnAPhone() {
        String name = "Pocket Telecom " + UUID.randomUUID().toString().substring(0, 6);
        long customerId = asStaff(() -> customers.create(CustomerForm.of(name, AccountType.INDIVIDUAL)).customerId());
        var care = logins.withRoles("customer-care");
        signIn(care.username(), care.password());
        usePhoneViewport();

        open("/console/customers?lang=en&search=" + name.replace(' ', '+'));
        waitFor(By.cssSelector("[data-testid=customer-row]"));
        assertThat(scrollsSideways()).isFalse();
        screenshotWholePage("console-customers-phone");
        open("/console/customers/" + customerId + "?tab=sites&lang=en");
        waitFor(By.cssSelector("[data-testid=add-site]")).click();
        waitFor(By.cssSelector("[data-testid=site-form] [data-site-map-ready]"));
        assertThat(scrollsSideways()).isFalse();
        screenshotWholePage("console-site-form-phone");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void aMistakeInTheFormIsShownNextToItsField() {
        String name = "Typo Telecom " + UUID.randomUUID().toString().substring(0, 6);
        long customerId = asStaff(() -> customers.create(CustomerForm.of(name, AccountType.BUSINESS)).customerId());
        var care = logins.withRoles("customer-care");
        signIn(care.username(), care.password());

        open("/console/customers/" + customerId + "?tab=contacts&lang=en");
        waitFor(By.cssSelector("[data-testid=add-contact]")).click();
        type(By.id("contactFirstname"), "Iris");
        type(By.id("contactEmail"), "iris-at-example");
        driver().findElement(By.id("contactEmail")).sendKeys(Keys.ENTER);
        WebElement error = waitFor(By.cssSelector("[data-testid=error-contactEmail]"));
        assertThat(error.getText()).contains("must be an email address");
        assertThat(driver().findElement(By.id("contactEmail")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver().findElement(By.id("contactFirstname")).getAttribute("value")).isEqualTo("Iris");
        screenshot("console-contact-form-error");
        // the browser logs the 422 that carries the form back; nothing else may appear
        assertThat(consoleErrors()).allSatisfy(logged -> assertThat(logged).contains("/contacts/new", "status of 422"));
    }

    private String value(String id) {
        return driver().findElement(By.id(id)).getAttribute("value");
    }
}
