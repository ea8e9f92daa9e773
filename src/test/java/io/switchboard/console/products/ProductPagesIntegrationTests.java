package io.switchboard.console.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The product pages over HTTP with a real sign-in: list, form with per-field errors, lifecycle, eligibility check. */
@SwitchboardIntegrationTest
class ProductPagesIntegrationTests {

    @Autowired TestLogins logins;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    WebBrowser browser;

    @BeforeEach
    void signIn() {
        jdbc.update("INSERT INTO inventory_templates (item, enabled, created, last_modified) VALUES ('SIM Card', true,"
                + " now(), now()) ON CONFLICT DO NOTHING");
        var manager = logins.withPermissions("view_product", "create_product", "update_product", "delete_product",
                "view_customer", "create_customer");
        browser = new WebBrowser(port);
        browser.signIn(manager.username(), manager.password(), false);
    }

    static Map<String, String> form(String slug) {
        var form = new LinkedHashMap<String, String>();
        form.put("productName", "Console Plan " + slug);
        form.put("productSlug", slug);
        form.put("category", "standalone");
        form.put("serviceType", "mobile");
        form.put("enabled", "true");
        form.put("retailCost", "15.00");
        form.put("wholesaleCost", "5");
        form.put("retailSetupCost", "0");
        form.put("wholesaleSetupCost", "1");
        form.put("taxPercentage", "10");
        form.put("contractDays", "30");
        form.put("residential", "true");
        form.put("business", "true");
        form.put("autoRenew", "prompt");
        form.put("availableFrom", "");
        form.put("availableUntil", "");
        form.put("reliesOnList", "");
        form.put("provisioningPlay", "play_local_mobile_sim");
        form.put("inventoryItemsList", "['SIM Card']");
        form.put("provisioningJsonVars", "{\"days\": 30}");
        form.put("featuresList", "20GB data. Unlimited calls");
        form.put("terms", "Fair use applies.");
        form.put("icon", "fa-solid fa-sim-card");
        form.put("comment", "");
        return form;
    }

    @Test
    void createsAProductShowsErrorsPerFieldRunsTheLifecycleAndChecksEligibility() {
        String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
        var list = browser.get("/console/products?lang=en");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Products").contains("data-testid=\"new-product\"");

        var bad = form(slug);
        bad.put("retailCost", "fifteen");
        bad.put("inventoryItemsList", "['Unicorn']");
        var refused = browser.submit("/console/products/new", "/console/products/new", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("data-testid=\"error-retailCost\"");
        var refusedAgain = browser.submit("/console/products/new", "/console/products/new",
                withCost(bad, "15.00"));
        assertThat(refusedAgain.status()).isEqualTo(422);
        assertThat(refusedAgain.body()).contains("data-testid=\"error-inventoryItemsList\"").contains("Unicorn");

        var created = browser.submit("/console/products/new", "/console/products/new", form(slug));
        assertThat(created.status()).isEqualTo(302);
        String page = created.redirectPath();
        assertThat(page).matches("/console/products/\\d+");
        var shown = browser.get(page + "?lang=en");
        assertThat(shown.body()).contains("Console Plan " + slug).contains("Draft").contains("data-testid=\"activate\"")
                .contains("panel-pricing").contains("panel-provisioning").contains("[&#39;SIM Card&#39;]");

        assertThat(browser.submit(page, page + "/activate", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get(page + "?lang=en").body()).contains("data-testid=\"retire\"").contains("Active");

        long customerId = jdbc.queryForObject("INSERT INTO customer (customer_name, customer_account_type, customer_status,"
                + " customer_payment_type, customer_enabled, created, last_modified) VALUES (?, 'Individual', 'Open',"
                + " 'prepaid', true, now(), now()) RETURNING customer_id", Long.class, "Check " + slug);
        var checked = browser.get(page + "?lang=en&customer_id=" + customerId);
        assertThat(checked.body()).contains("data-testid=\"check-result\"").contains("data-eligible=\"true\"");
        jdbc.update("UPDATE customer SET customer_status = 'Suspended' WHERE customer_id = ?", customerId);
        assertThat(browser.get(page + "?lang=es&customer_id=" + customerId).body())
                .contains("No elegible").contains("The customer is suspended");

        assertThat(browser.submit(page, page + "/retire", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get(page + "?lang=en").body()).contains("Retired").doesNotContain("data-testid=\"save\"");

        var search = browser.get("/console/products?lang=en&status=RETIRED&search=" + slug);
        assertThat(search.body()).contains("Console Plan " + slug);
        assertThat(browser.get("/console/products?lang=en&status=DRAFT&search=" + slug).body())
                .contains("data-testid=\"no-products\"");
    }

    @Test
    void staffWithoutTheProductPermissionCannotOpenThePages() {
        var care = logins.withPermissions("view_customer");
        var other = new WebBrowser(port);
        other.signIn(care.username(), care.password(), false);
        assertThat(other.get("/console/products").status()).isEqualTo(403);
    }

    private static Map<String, String> withCost(Map<String, String> form, String cost) {
        var copy = new LinkedHashMap<>(form);
        copy.put("retailCost", cost);
        return copy;
    }
}
