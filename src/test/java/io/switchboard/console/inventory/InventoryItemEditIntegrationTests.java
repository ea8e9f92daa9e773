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

/** Editing and deleting an inventory item in the console over real HTTP (sessions, CSRF). */
@SwitchboardIntegrationTest
class InventoryItemEditIntegrationTests {

    static final String[] EDITOR = {"view_inventory", "update_inventory", "delete_inventory"};

    @LocalServerPort int port;
    @Autowired TestLogins logins;
    @Autowired JdbcTemplate jdbc;

    InventoryFixtures fx;
    WebBrowser browser;

    @BeforeEach
    void setUp() {
        fx = new InventoryFixtures(jdbc);
        browser = signedIn(logins.withPermissions(EDITOR));
    }

    WebBrowser signedIn(TestLogins.TestUser user) {
        var b = new WebBrowser(port);
        assertThat(b.signIn(user.username(), user.password(), false).status()).isEqualTo(302);
        return b;
    }

    Map<String, String> fields(String serial) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("serial", serial);
        fields.put("itemtext1", "8944100000000000001");
        fields.put("itemtext2", "234100000000001");
        fields.put("item_location", "Shelf B2");
        fields.put("address_line_1", "Calle Mayor 1");
        fields.put("address_line_2", "2º");
        fields.put("city", "Madrid");
        fields.put("state", "Madrid");
        fields.put("zip_code", "28013");
        fields.put("country", "ES");
        fields.put("latitude", "40.4168");
        fields.put("longitude", "-3,7038");
        fields.put("management_url", "LPA:1$smdp.example$CODE");
        fields.put("wholesale_cost", "1.25");
        fields.put("retail_cost", "5");
        fields.put("inventory_notes", "moved to B2");
        return fields;
    }

    @Test
    void theEditFormShowsTheFieldsUnderTheirLabelsAndSavesThroughTheModule() {
        long template = fx.template(unique("SIM Card"), "ICCID", "IMSI");
        long id = fx.item(template, "EDIT-1", InventoryState.IN_STOCK);
        String path = "/console/inventory/" + id;

        var page = browser.get(path + "?lang=en");
        assertThat(page.body()).contains("data-testid=\"edit-item\"", "href=\"" + path + "/edit\"",
                "data-testid=\"delete-form\"", "data-confirm=\"Delete ");
        var form = browser.get(path + "/edit?lang=en");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("ICCID", "IMSI", "name=\"itemtext1\"", "value=\"text-EDIT-1\"",
                        "value=\"EDIT-1\"", "name=\"wholesale_cost\"", "name=\"_csrf\"")
                .doesNotContain("name=\"itemtext3\"", "name=\"item_state\"");

        var saved = browser.submit(path + "/edit", path + "/edit", fields("EDIT-1B"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).hasValueSatisfying(l -> assertThat(l).endsWith(path + "?updated"));
        var row = jdbc.queryForMap("SELECT * FROM inventory WHERE inventory_id = ?", id);
        assertThat(row).containsEntry("serial", "EDIT-1B").containsEntry("itemtext1", "8944100000000000001")
                .containsEntry("item_location", "Shelf B2").containsEntry("address_line_2", "2º")
                .containsEntry("zip_code", "28013").containsEntry("management_url", "LPA:1$smdp.example$CODE")
                .containsEntry("inventory_notes", "moved to B2").containsEntry("item_state", "IN_STOCK");
        assertThat(((Number) row.get("longitude")).doubleValue()).isEqualTo(-3.7038);
        assertThat(row.get("retail_cost").toString()).startsWith("5");
        assertThat(fx.count("SELECT count(*) FROM activity_log WHERE entity_type = 'inventory' AND entity_id = ?"
                + " AND action = 'UPDATED'", String.valueOf(id))).isEqualTo(1);
        assertThat(browser.get(path + "?updated&lang=en").body()).contains("Item saved.", "Shelf B2");
        assertThat(browser.get(path + "?updated&lang=es").body()).contains("Artículo guardado.");
    }

    @Test
    void aRefusedEditShowsEachFieldsErrorAndChangesNothing() {
        long template = fx.template(unique("SIM Card"), "ICCID");
        fx.item(template, "TAKEN-1", InventoryState.NEW);
        long id = fx.item(template, "EDIT-2", InventoryState.NEW);
        String path = "/console/inventory/" + id;
        var before = jdbc.queryForMap("SELECT * FROM inventory WHERE inventory_id = ?", id);

        var input = fields("TAKEN-1");
        input.put("latitude", "95");
        input.put("longitude", "-3.7");
        input.put("retail_cost", "lots");
        input.put("itemtext5", "not a field of this template");
        var refused = browser.submit(path + "/edit", path + "/edit", input);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"error-serial\"", "already has the serial TAKEN-1",
                "data-testid=\"error-retail_cost\"", "must be an amount", "data-testid=\"error-latitude\"",
                "must be between -90 and 90", "itemtext5: the template", "value=\"TAKEN-1\"",
                "value=\"Shelf B2\"", "value=\"lots\"");
        assertThat(jdbc.queryForMap("SELECT * FROM inventory WHERE inventory_id = ?", id)).isEqualTo(before);
        assertThat(fx.count("SELECT count(*) FROM activity_log WHERE entity_type = 'inventory' AND entity_id = ?",
                String.valueOf(id))).isZero();
    }

    @Test
    void anItemIsDeletedAfterConfirmationButNotWhileAssignedOrReserved() {
        long template = fx.template(unique("Modem"), "MAC");
        long retired = fx.item(template, "DEL-1", InventoryState.RETIRED);
        String path = "/console/inventory/" + retired;
        var deleted = browser.submit(path, path + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(deleted.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/console/inventory?deleted"));
        assertThat(fx.count("SELECT count(*) FROM inventory WHERE inventory_id = ?", retired)).isZero();
        assertThat(fx.count("SELECT count(*) FROM activity_log WHERE entity_type = 'inventory' AND entity_id = ?"
                + " AND action = 'DELETED'", String.valueOf(retired))).isEqualTo(1);
        assertThat(browser.get("/console/inventory?deleted&lang=en").body()).contains("Item deleted.");

        long customer = fx.customer(unique("Owner"));
        long assigned = fx.item(template, "DEL-2", InventoryState.ASSIGNED);
        jdbc.update("UPDATE inventory SET customer_id = ? WHERE inventory_id = ?", customer, assigned);
        String assignedPath = "/console/inventory/" + assigned;
        var page = browser.get(assignedPath + "?lang=en");
        assertThat(page.body()).doesNotContain("data-testid=\"delete-form\"")
                .contains("data-testid=\"delete-hint\"", "An item that is Assigned cannot be deleted");
        var refused = browser.submit(assignedPath, assignedPath + "/delete", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("data-testid=\"delete-error\"", "cannot be deleted; release or retire it first");
        assertThat(fx.state(assigned)).isEqualTo("ASSIGNED");

        long reserved = fx.item(template, "DEL-3", InventoryState.NEW);
        jdbc.update("UPDATE inventory SET item_state = 'RESERVED', reserved_by_run = 'run-del-3', reserved_at = now(),"
                + " reservation_expires = now() + interval '1 hour', state_before_reservation = 'NEW'"
                + " WHERE inventory_id = ?", reserved);
        String reservedPath = "/console/inventory/" + reserved;
        assertThat(browser.submit(reservedPath, reservedPath + "/delete", Map.of()).status()).isEqualTo(409);
        assertThat(fx.state(reserved)).isEqualTo("RESERVED");
        assertThat(browser.submit(reservedPath, "/console/inventory/999999999/delete", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void withoutThePermissionsTheButtonsAreHiddenAndThePostsRefused() {
        long template = fx.template(unique("SIM Card"), "ICCID");
        long id = fx.item(template, "PERM-1", InventoryState.NEW);
        String path = "/console/inventory/" + id;
        var reader = signedIn(logins.withPermissions("view_inventory"));
        var page = reader.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("data-testid=\"edit-item\"", "data-testid=\"delete-form\"",
                "data-testid=\"delete-hint\"");
        assertThat(reader.get(path + "/edit").status()).isEqualTo(403);
        assertThat(reader.submit(path, path + "/edit", fields("PERM-X")).status()).isEqualTo(403);
        assertThat(reader.submit(path, path + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(fx.count("SELECT count(*) FROM inventory WHERE inventory_id = ? AND serial = 'PERM-1'", id))
                .isEqualTo(1);

        var editorOnly = signedIn(logins.withPermissions("view_inventory", "update_inventory"));
        assertThat(editorOnly.get(path).body()).contains("data-testid=\"edit-item\"")
                .doesNotContain("data-testid=\"delete-form\"");
        assertThat(editorOnly.submit(path, path + "/delete", Map.of()).status()).isEqualTo(403);
        assertThat(fx.count("SELECT count(*) FROM inventory WHERE inventory_id = ?", id)).isEqualTo(1);

        // without a CSRF token the edit is refused too
        assertThat(browser.post(path + "/edit", fields("PERM-CSRF")).status()).isEqualTo(403);
        assertThat(fx.state(id)).isEqualTo("NEW");
        assertThat(fx.count("SELECT count(*) FROM inventory WHERE serial = 'PERM-CSRF'")).isZero();
    }
}
