package io.switchboard.inventory;

import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Templates, items and customers for inventory tests, written straight to the tables; unique names. */
public final class InventoryFixtures {

    public static final Actor STOCK_ADMIN = Api.staff("view_inventory", "create_inventory", "update_inventory",
            "delete_inventory", "view_inventory_template", "create_inventory_template", "update_inventory_template",
            "delete_inventory_template");

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final JdbcTemplate jdbc;

    public InventoryFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String unique(String prefix) {
        return prefix + " " + (System.nanoTime() % 1_000_000) + "-" + COUNTER.incrementAndGet();
    }

    /** An enabled template with these labels for itemtext1.. (the rest unused). */
    public long template(String name, String... labels) {
        var sql = new StringBuilder("INSERT INTO inventory_templates (item, created, last_modified");
        var values = new StringBuilder(") VALUES (?, now(), now()");
        for (int i = 0; i < labels.length; i++) {
            sql.append(", itemtext").append(i + 1).append("_label");
            values.append(", ?");
        }
        var args = new Object[labels.length + 1];
        args[0] = name;
        System.arraycopy(labels, 0, args, 1, labels.length);
        return jdbc.queryForObject(sql + values.toString() + ") RETURNING inventory_template_id", Long.class, args);
    }

    public long item(long templateId, String serial, InventoryState state) {
        return jdbc.queryForObject("INSERT INTO inventory (inventory_template_id, serial, item_state, itemtext1, created,"
                + " last_modified) VALUES (?, ?, ?, ?, now(), now()) RETURNING inventory_id", Long.class, templateId,
                serial, state.name(), "text-" + serial);
    }

    public long customer(String name) {
        return jdbc.queryForObject("INSERT INTO customer (customer_name, customer_account_type, customer_status,"
                + " customer_payment_type, created, last_modified) VALUES (?, 'Individual', 'Open', 'prepaid', now(), now())"
                + " RETURNING customer_id", Long.class, name);
    }

    public String state(long inventoryId) {
        return jdbc.queryForObject("SELECT item_state FROM inventory WHERE inventory_id = ?", String.class, inventoryId);
    }

    public long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Runs {@code work} signed in as {@code actor} (service calls outside a request). */
    public static <T> T as(Actor actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                actor.permissions().stream().map(SimpleGrantedAuthority::new).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
