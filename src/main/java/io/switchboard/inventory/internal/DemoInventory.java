package io.switchboard.inventory.internal;

import io.switchboard.inventory.InventoryItems;
import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.InventoryTemplates;
import io.switchboard.inventory.ItemForm;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.shared.DemoDataSeeding;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo inventory for the quick start ({@code switchboard.demo-data=true}): the guide's example templates (SIM Card,
 * Mobile Number, Modem Router, GPON ONT) and a few items in several states, some with coordinates and one modem
 * assigned to the demo business customer. Created once (when no "SIM Card" template exists), through the module
 * API as the automation account, after the demo customers and under an advisory lock so nodes starting together
 * create it once.
 */
@Component
@Order(20)
class DemoInventory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInventory.class);

    private final DemoDataSeeding seeding;
    private final InventoryTemplates templates;
    private final InventoryItems items;
    private final JdbcClient jdbc;

    DemoInventory(DemoDataSeeding seeding, InventoryTemplates templates, InventoryItems items, JdbcClient jdbc) {
        this.seeding = seeding;
        this.templates = templates;
        this.items = items;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seeding.once("inventory", () -> jdbc.sql("SELECT count(*) FROM inventory_templates WHERE item = 'SIM Card'")
                .query(Long.class).single() > 0, this::create)) {
            log.info("Created the demo inventory");
        }
    }

    private void create() {
        long sim = templates.create(template("SIM Card", "2.50", "10.00", "ICCID", "IMSI", "SIM Type")).inventoryTemplateId();
        long number = templates.create(template("Mobile Number", "1.00", "0.00", "Phone Number", "Geographic Region",
                "Number Type")).inventoryTemplateId();
        long modem = templates.create(template("Modem Router", "60.00", "120.00", "MAC Address", "Serial Number",
                "Model")).inventoryTemplateId();
        long ont = templates.create(template("GPON ONT", "45.00", "0.00", "Serial Number", "MAC Address", "PON Location",
                "Model")).inventoryTemplateId();

        for (int i = 1; i <= 6; i++) {
            String iccid = "894400000000000000" + i;
            items.create(new ItemForm(sim, iccid, i <= 3 ? InventoryState.NEW : InventoryState.IN_STOCK,
                    List.of(iccid, "23415000000000" + i, i == 6 ? "eSIM" : "Physical"),
                    i <= 3 ? "Warehouse A, Shelf 3" : "Madrid store", null, null, null, null, null, null, null, null,
                    i == 6 ? "LPA:1$smdp.example.com$DEMO-ACTIVATION-" + i : null, null, null, null));
        }
        for (int i = 1; i <= 4; i++) {
            String msisdn = "+4477009001" + (20 + i);
            items.create(new ItemForm(number, msisdn, InventoryState.IN_STOCK, List.of(msisdn, "London", "Mobile"),
                    "Number range 07700 900", null, null, null, null, null, null, null, null, null, null, null, null));
        }
        items.create(new ItemForm(modem, "MR-0001", InventoryState.IN_STOCK, List.of("00:1A:2B:3C:4D:01", "MR-0001",
                "Switchboard HG-300"), "Madrid warehouse", "Calle de Alcalá 45", null, "Madrid", null, null, "ES", 40.4194,
                -3.6950, "https://192.168.1.1", null, null, null));
        var assigned = items.create(new ItemForm(modem, "MR-0002", InventoryState.IN_STOCK, List.of("00:1A:2B:3C:4D:02",
                "MR-0002", "Switchboard HG-300"), "Northwind head office", "1 Canada Square", null, "London", null, null,
                "GB", 51.5049, -0.0195, "https://10.0.0.1", null, null, "Rented router, level 12 comms room"));
        jdbc.sql("SELECT customer_id FROM customer WHERE customer_name = 'Northwind Logistics Ltd' ORDER BY customer_id LIMIT 1")
                .query(Long.class).optional()
                .ifPresent(customer -> items.changeState(assigned.inventoryId(), InventoryState.ASSIGNED,
                        "Demo: rented router", customer, null));
        items.create(new ItemForm(ont, "ONT-0001", InventoryState.IN_STOCK, List.of("ONT-0001", "00:1A:2B:3C:5E:01",
                "OLT-1, PON 3, ONT 42", "GPON-X1"), "Porto street cabinet", "Rua das Flores 120", null, "Porto", null,
                null, "PT", 41.1456, -8.6131, null, null, null, null));
        items.create(new ItemForm(ont, "ONT-0002", InventoryState.DAMAGED, java.util.Arrays.asList("ONT-0002", "00:1A:2B:3C:5E:02", null,
                "GPON-X1"), "RMA shelf", null, null, null, null, null, null, null, null, null, null, null,
                "Optical port fails; awaiting RMA"));
    }

    private static TemplateForm template(String name, String wholesale, String retail, String... labels) {
        return new TemplateForm(name, null, null, new BigDecimal(wholesale), new BigDecimal(retail), List.of(labels),
                true, false, true);
    }
}
