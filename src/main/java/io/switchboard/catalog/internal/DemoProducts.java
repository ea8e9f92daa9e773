package io.switchboard.catalog.internal;

import io.switchboard.catalog.AutoRenew;
import io.switchboard.catalog.ProductCategory;
import io.switchboard.catalog.ProductForm;
import io.switchboard.inventory.InventoryTypes;
import io.switchboard.shared.Actor;
import io.switchboard.shared.DemoDataSeeding;
import java.math.BigDecimal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo products for the quick start ({@code switchboard.demo-data=true}): a mobile plan, a data add-on, a top-up
 * and a fixed internet plan that needs a modem, all active. Created once (the first slug marks it), under an
 * advisory lock so nodes starting together create them once, after the inventory demo templates; an inventory type
 * that does not exist yet is left out of the product's list rather than failing the start.
 */
@Component
@Order(30)
class DemoProducts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProducts.class);

    private final DemoDataSeeding seeding;
    private final JdbcProducts products;
    private final InventoryTypes inventoryTypes;
    private final JdbcClient jdbc;

    DemoProducts(DemoDataSeeding seeding, JdbcProducts products, InventoryTypes inventoryTypes, JdbcClient jdbc) {
        this.seeding = seeding;
        this.products = products;
        this.inventoryTypes = inventoryTypes;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(Actor.system(), null, List.of()));
        try {
            if (seeding.once("products", () -> jdbc.sql("SELECT count(*) FROM product WHERE product_slug = 'mobile-sim-only'")
                    .query(Long.class).single() > 0, this::create)) {
                log.info("Created the demo products");
            }
        } finally {
            context.setAuthentication(previous);
        }
    }

    private void create() {
        activate(new ProductForm("Mobile SIM Only", "mobile-sim-only", ProductCategory.STANDALONE, "mobile", true,
                "fa-solid fa-sim-card", "Physical SIM card for use with mobile phones", money("15.00"), money("5.00"),
                money("0.00"), money("1.00"), money("10"), 30, true, true, true, null, null, AutoRenew.PROMPT, true,
                existing("SIM Card", "Mobile Number"), List.of(),
                List.of("20GB high-speed data", "Unlimited calls and texts", "Roaming in the EU"),
                "Must be activated within 6 months. All credit is lost if the service is unused for 12 months.",
                "play_local_mobile_sim", "{\"days\": 30, \"data_gb\": 20, \"voice_minutes\": \"unlimited\"}"));
        activate(new ProductForm("5GB Data Boost", "5gb-data-boost", ProductCategory.ADDON, "mobile", true,
                "fa-solid fa-plus", null, money("5.00"), money("1.50"), money("0"), money("0"), money("10"), 0, true,
                true, true, null, null, AutoRenew.FALSE, false, List.of(), List.of("mobile"),
                List.of("5GB high-speed data", "Valid for 7 days"),
                "Data expires after 7 days or when exhausted. Cannot be refunded.", "play_topup_charge_then_action",
                "{\"data_gb\": 5, \"days\": 7}"));
        activate(new ProductForm("PAYG 5 Top-up", "mobile-topup-5", ProductCategory.TOPUP, "mobile", true,
                "fa-solid fa-coins", null, money("5.00"), money("0"), money("0"), money("0"), money("0"), 0, true,
                false, true, null, null, AutoRenew.FALSE, false, List.of(), List.of(),
                List.of("5 credit", "Valid for 180 days"), null, "play_topup_monetary", "{\"service_id\": \"\"}"));
        activate(new ProductForm("Fibre 300", "fibre-300", ProductCategory.STANDALONE, "internet", true,
                "fa-solid fa-wifi", "Needs a modem from stock", money("35.00"), money("12.00"), money("49.00"),
                money("45.00"), money("10"), 30, true, true, false, null, null, AutoRenew.TRUE, true,
                existing("Modem Router"), List.of(), List.of("300 Mbps down, 50 Mbps up", "Wi-Fi 6 modem included"),
                "12-month minimum term. The modem must be returned when the service ends.", "play_fibre_internet",
                "{\"speed_mbps\": 300}"));
    }

    private void activate(ProductForm form) {
        long id = products.create(form).productId();
        products.activate(id);
    }

    private List<String> existing(String... types) {
        var found = java.util.Arrays.stream(types).filter(inventoryTypes::exists).toList();
        if (found.size() < types.length) {
            log.info("Demo products: inventory types {} do not exist yet and are left out", List.of(types));
        }
        return found;
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
