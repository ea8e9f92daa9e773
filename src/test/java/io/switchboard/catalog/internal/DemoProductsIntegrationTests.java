package io.switchboard.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryTypes;
import io.switchboard.support.SwitchboardIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SwitchboardIntegrationTest
class DemoProductsIntegrationTests {

    @Autowired JdbcProducts products;
    @Autowired InventoryTypes inventoryTypes;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void demoProductsAreCreatedActiveOnceAndTheFibrePlanNeedsAModem() {
        jdbc.sql("INSERT INTO inventory_templates (item, enabled, created, last_modified) VALUES ('Modem Router', true,"
                + " now(), now()) ON CONFLICT DO NOTHING").update();
        var demo = new DemoProducts(new io.switchboard.shared.DemoDataSeeding(true, transactions, jdbc), products,
                inventoryTypes, jdbc);
        demo.run(null);
        demo.run(null);

        assertThat(jdbc.sql("SELECT product_slug FROM product WHERE product_slug IN ('mobile-sim-only', '5gb-data-boost',"
                + " 'mobile-topup-5', 'fibre-300') AND status = 'ACTIVE' ORDER BY product_slug").query(String.class)
                .list()).containsExactly("5gb-data-boost", "fibre-300", "mobile-sim-only", "mobile-topup-5");
        assertThat(jdbc.sql("SELECT inventory_items_list FROM product WHERE product_slug = 'fibre-300'")
                .query(String.class).single()).isEqualTo("[\"Modem Router\"]");
    }
}
