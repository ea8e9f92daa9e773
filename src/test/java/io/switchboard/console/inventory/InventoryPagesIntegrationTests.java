package io.switchboard.console.inventory;

import static io.switchboard.inventory.InventoryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryFixtures;
import io.switchboard.inventory.InventoryState;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The console's inventory screens over real HTTP (sessions, CSRF): list, item page, state change, forms, map, import. */
@SwitchboardIntegrationTest
class InventoryPagesIntegrationTests {

    static final String[] STOCK = {"view_inventory", "create_inventory", "update_inventory", "view_inventory_template",
            "create_inventory_template", "update_inventory_template", "view_customer"};

    @LocalServerPort int port;
    @Autowired TestLogins logins;
    @Autowired JdbcTemplate jdbc;

    InventoryFixtures fx;
    WebBrowser browser;

    @BeforeEach
    void setUp() {
        fx = new InventoryFixtures(jdbc);
        browser = signedIn(logins.withPermissions(STOCK));
    }

    WebBrowser signedIn(TestLogins.TestUser user) {
        var b = new WebBrowser(port);
        assertThat(b.signIn(user.username(), user.password(), false).status()).isEqualTo(302);
        return b;
    }

    @Test
    void theListFiltersAndTheNavigationShowsInventory() {
        String type = unique("Modem");
        long template = fx.template(type, "MAC", "Serial");
        fx.item(template, "LIST-A", InventoryState.NEW);
        fx.item(template, "LIST-B", InventoryState.DAMAGED);
        var page = browser.get("/console/inventory?template=" + template + "&lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/console/inventory\"", "LIST-A", "LIST-B", "data-testid=\"inventory-table\"");
        var damaged = browser.get("/console/inventory?template=" + template + "&state=DAMAGED");
        assertThat(damaged.body()).contains("LIST-B").doesNotContain("LIST-A");
        var fragment = browser.get("/console/inventory?search=LIST-A&template=" + template, Map.of("HX-Request", "true"));
        assertThat(fragment.body()).startsWith("<div id=\"inventory-results\"").contains("LIST-A").doesNotContain("LIST-B");
        var spanish = browser.get("/console/inventory?template=" + template + "&lang=es");
        assertThat(spanish.body()).contains("Dañado", "Inventario");
    }

    @Test
    void theItemPageShowsLabelsQrCodeAndChangesStateWithHistory() {
        String type = unique("SIM Card");
        long template = fx.template(type, "ICCID", "IMSI");
        long id = fx.item(template, "PAGE-1", InventoryState.NEW);
        jdbc.update("UPDATE inventory SET management_url = 'https://192.168.1.1', latitude = 40.4, longitude = -3.7"
                + " WHERE inventory_id = ?", id);
        String path = "/console/inventory/" + id;
        var page = browser.get(path + "?lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("ICCID", "text-PAGE-1", "data-testid=\"qr-code\"", "<svg",
                "https://192.168.1.1", "data-site-map", "data-testid=\"state-form\"", "value=\"IN_STOCK\"")
                .doesNotContain("value=\"RESERVED\"");

        var changed = browser.submit(path, path + "/state", Map.of("target", "IN_STOCK", "reason", "received in shop"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(fx.state(id)).isEqualTo("IN_STOCK");
        var after = browser.get(path + "?lang=en");
        assertThat(after.body()).contains("received in shop", "data-testid=\"history-row\"").doesNotContain("value=\"NEW\"");

        var refused = browser.submit(path, path + "/state", Map.of("target", "ASSIGNED"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"state-error\"", "customer_id");
        assertThat(fx.state(id)).isEqualTo("IN_STOCK");

        long customer = fx.customer(unique("Owner"));
        browser.submit(path, path + "/state", Map.of("target", "ASSIGNED", "customerId", String.valueOf(customer)));
        assertThat(fx.state(id)).isEqualTo("ASSIGNED");
    }

    @Test
    void templatesAreCreatedAndItemsAddedThroughTheForms() {
        String type = unique("ONT");
        var fields = new LinkedHashMap<String, String>(Map.of("item", type, "wholesale_cost", "45", "retail_cost", "0",
                "itemtext1_label", "Serial", "itemtext2_label", "MAC", "itemtext3_label", "PON Location", "enabled", "true"));
        var saved = browser.submit("/console/inventory/templates/new", "/console/inventory/templates/new", fields);
        assertThat(saved.status()).isEqualTo(302);
        long template = jdbc.queryForObject("SELECT inventory_template_id FROM inventory_templates WHERE item = ?",
                Long.class, type);
        assertThat(jdbc.queryForObject("SELECT itemtext3_label FROM inventory_templates WHERE inventory_template_id = ?",
                String.class, template)).isEqualTo("PON Location");
        var duplicate = browser.submit("/console/inventory/templates/new", "/console/inventory/templates/new", fields);
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body()).contains("data-testid=\"error-item\"");

        var form = browser.get("/console/inventory/new?template=" + template);
        assertThat(form.body()).contains("PON Location", "name=\"itemtext3\"").doesNotContain("name=\"itemtext4\"");
        var created = browser.submit("/console/inventory/new", "/console/inventory/new", Map.of(
                "inventory_template_id", String.valueOf(template), "serial", "ONT-1", "itemtext3", "OLT-1, PON 3",
                "item_state", "IN_STOCK", "latitude", "41.1", "longitude", "-8.6"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.redirectPath()).startsWith("/console/inventory/");
        var invalid = browser.submit("/console/inventory/new", "/console/inventory/new", Map.of(
                "inventory_template_id", String.valueOf(template), "serial", "ONT-1"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("data-testid=\"error-serial\"");

        var map = browser.get("/console/inventory/map?template=" + template);
        assertThat(map.status()).isEqualTo(200);
        assertThat(map.body()).contains("data-inventory-map", "ONT-1", "41.1");
    }

    @Test
    void importShowsItsReportAndExportDownloads() {
        String type = unique("SIM Card");
        fx.template(type, "ICCID");
        var page = browser.get("/console/inventory/import");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(type, "data-testid=\"import-form\"");
        var export = browser.get("/console/inventory/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).startsWith("inventory_id,item,serial");
        assertThat(browser.get("/console/inventory/templates").body()).contains(type);
    }

    @Test
    void staffWithoutInventoryPermissionsAreRefused() {
        var other = signedIn(logins.withPermissions("view_customer"));
        assertThat(other.get("/console/inventory").status()).isEqualTo(403);
        assertThat(other.get("/console").body()).doesNotContain("href=\"/console/inventory\"");
    }
}
