package io.switchboard.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** C-INVR-01 / B-PROD-23: inventory type names match enabled templates exactly. */
@SwitchboardIntegrationTest
class InventoryTypesIntegrationTests {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired InventoryTypes types;
    @Autowired JdbcTemplate jdbc;

    static String unique(String prefix) {
        return prefix + " " + System.nanoTime() % 1_000_000 + "-" + COUNTER.incrementAndGet();
    }

    @Test
    void namesAreExactAndOnlyEnabledTemplatesCount() {
        String enabled = unique("SIM Card");
        String disabled = unique("Old Modem");
        jdbc.update("INSERT INTO inventory_templates (item, enabled, created, last_modified) VALUES (?, true, now(), now())",
                enabled);
        jdbc.update("INSERT INTO inventory_templates (item, enabled, created, last_modified) VALUES (?, false, now(), now())",
                disabled);

        assertThat(types.exists(enabled)).isTrue();
        assertThat(types.exists(enabled.toLowerCase())).isFalse();
        assertThat(types.exists(enabled + " ")).isFalse();
        assertThat(types.exists(disabled)).isFalse();
        assertThat(types.names()).contains(enabled).doesNotContain(disabled);
    }
}
