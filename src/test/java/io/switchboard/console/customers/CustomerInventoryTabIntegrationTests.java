package io.switchboard.console.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.customer.AccountType;
import io.switchboard.customer.CustomerForm;
import io.switchboard.customer.Customers;
import io.switchboard.inventory.InventoryFixtures;
import io.switchboard.inventory.InventoryItems;
import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.InventoryTemplates;
import io.switchboard.inventory.ItemForm;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer page's Inventory tab over real HTTP (A-INV-19): shown to staff with {@code view_inventory} and
 * listing exactly the items assigned to that customer, with their links; hidden and 403 without the permission.
 * The data is made through the customer and inventory modules' APIs.
 */
@SwitchboardIntegrationTest
class CustomerInventoryTabIntegrationTests {

    static final Actor STAFF = Api.staff("view_customer", "create_customer", "view_inventory", "create_inventory",
            "update_inventory", "view_inventory_template", "create_inventory_template");
    static final Pattern ROW = Pattern.compile("data-testid=\"customer-inventory-row\" data-inventory-id=\"(\\d+)\"");

    @LocalServerPort int port;
    @Autowired TestLogins logins;
    @Autowired Customers customers;
    @Autowired InventoryTemplates templates;
    @Autowired InventoryItems items;

    long templateId;
    String templateName;

    @BeforeEach
    void aTemplate() {
        templateName = InventoryFixtures.unique("Tab SIM");
        templateId = InventoryFixtures.as(STAFF, () -> templates.create(TemplateForm.named(templateName, "ICCID")))
                .inventoryTemplateId();
    }

    long customer(String name) {
        return InventoryFixtures.as(STAFF,
                () -> customers.create(CustomerForm.of(InventoryFixtures.unique(name), AccountType.BUSINESS)).customerId());
    }

    long item(ItemForm form) {
        return InventoryFixtures.as(STAFF, () -> items.create(form)).inventoryId();
    }

    long item(String serial) {
        return item(ItemForm.of(templateId, InventoryFixtures.unique(serial), "8934" + serial));
    }

    long assigned(long itemId, long customerId) {
        InventoryFixtures.as(STAFF, () -> items.changeState(itemId, InventoryState.ASSIGNED, "test", customerId, null));
        return itemId;
    }

    WebBrowser signedIn(TestLogins.TestUser user) {
        var browser = new WebBrowser(port);
        assertThat(browser.signIn(user.username(), user.password(), false).status()).isEqualTo(302);
        return browser;
    }

    static List<Long> rows(String body) {
        return ROW.matcher(body).results().map(m -> Long.parseLong(m.group(1))).toList();
    }

    @Test
    void staffWithViewInventorySeeOnlyTheItemsAssignedToThisCustomer() {
        long acme = customer("Acme Inventory");
        long other = customer("Other Inventory");
        long router = assigned(item(new ItemForm(templateId, InventoryFixtures.unique("CPE"), null, List.of("ICCID-R"),
                "Head office rack", "1 High Street", null, "London", null, "EC1A 1AA", "GB", null, null,
                "https://cpe.example.test/admin", null, null, null)), acme);
        long sim = assigned(item("SIM-A"), acme);
        long othersSim = assigned(item("SIM-B"), other);
        long inStock = item("SIM-STOCK");
        long returned = assigned(item("SIM-RET"), acme);
        InventoryFixtures.as(STAFF, () -> items.changeState(returned, InventoryState.RETURNED, "came back", null, null));

        var browser = signedIn(logins.withPermissions("view_customer", "view_inventory"));
        var page = browser.get("/console/customers/" + acme + "?tab=inventory&lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"tab-inventory\"", "data-testid=\"inventory-panel\"",
                "aria-current=\"page\"");
        assertThat(rows(page.body())).containsExactly(sim, router) // newest first
                .doesNotContain(othersSim, inStock, returned);
        assertThat(page.body()).contains("href=\"/console/inventory/" + router + "\"",
                "href=\"/console/inventory/" + sim + "\"", templateName, "Head office rack",
                "1 High Street, London, GB", "href=\"https://cpe.example.test/admin\"", ">Assigned<", "ICCID-R");

        // the other customer's tab lists only theirs
        assertThat(rows(browser.get("/console/customers/" + other + "/inventory?lang=en").body()))
                .containsExactly(othersSim);

        // an htmx tab switch returns the strip with the panel; Spanish labels
        var switched = browser.get("/console/customers/" + acme + "/inventory?lang=es",
                Map.of("HX-Request", "true", "HX-Target", "customer-tabs"));
        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.body()).contains("id=\"customer-tabs\"", "Inventario", "Asignado")
                .doesNotContain("<html");
        assertThat(rows(switched.body())).containsExactly(sim, router);
    }

    @Test
    void aCustomerWithoutItemsSeesTheEmptyState() {
        long empty = customer("Empty Inventory");
        var page = signedIn(logins.withPermissions("view_customer", "view_inventory"))
                .get("/console/customers/" + empty + "/inventory?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"no-customer-inventory\"", "No items assigned");
        assertThat(rows(page.body())).isEmpty();
    }

    @Test
    void theTabIsHiddenAndForbiddenWithoutViewInventory() {
        long acme = customer("Hidden Inventory");
        assigned(item("SIM-H"), acme);
        var browser = signedIn(logins.withPermissions("view_customer", "view_customer_contact"));

        var page = browser.get("/console/customers/" + acme + "?tab=inventory&lang=en");
        assertThat(page.status()).isEqualTo(200); // falls back to the details
        assertThat(page.body()).contains("data-testid=\"tab-contacts\"")
                .doesNotContain("data-testid=\"tab-inventory\"", "data-testid=\"inventory-panel\"");
        assertThat(browser.get("/console/customers/" + acme + "/inventory?lang=en").status()).isEqualTo(403);
    }

    @Test
    void longListsArePaged() {
        long busy = customer("Busy Inventory");
        var ids = IntStream.range(0, InventoryTabController.PAGE_SIZE + 1)
                .mapToObj(n -> assigned(item("SIM-P" + n), busy)).toList();
        var browser = signedIn(logins.withPermissions("view_customer", "view_inventory"));

        var first = browser.get("/console/customers/" + busy + "/inventory?lang=en");
        assertThat(rows(first.body())).hasSize(InventoryTabController.PAGE_SIZE).doesNotContain(ids.get(0));
        assertThat(first.body()).contains("1–20 of 21", "/console/customers/" + busy + "/inventory?page=2");
        var second = browser.get("/console/customers/" + busy + "/inventory?page=2&lang=en");
        assertThat(rows(second.body())).containsExactly(ids.get(0));
        // past the end: the last page
        assertThat(rows(browser.get("/console/customers/" + busy + "/inventory?page=9&lang=en").body()))
                .containsExactly(ids.get(0));
    }
}
