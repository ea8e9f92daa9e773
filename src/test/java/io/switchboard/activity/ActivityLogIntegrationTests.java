package io.switchboard.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.shared.PageQuery;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SwitchboardIntegrationTest
class ActivityLogIntegrationTests {

    @Autowired ActivityLog log;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcTemplate jdbc;

    final long customerId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

    @Test
    void recordsAWriteWithTheChangedFieldsOnly() {
        var before = new LinkedHashMap<String, Object>(Map.of("customer_name", "Acme", "customer_status", "Open"));
        var after = new LinkedHashMap<String, Object>(Map.of("customer_name", "Acme Ltd", "customer_status", "Open"));
        tx.executeWithoutResult(s -> log.record(ActivityRecord.of("customer", customerId, customerId, "UPDATED",
                "Renamed customer").withChanges(before, after)));

        var page = log.forCustomer(customerId, PageQuery.of(1, 10, null, null, null));
        assertThat(page.getTotalElements()).isEqualTo(1);
        var entry = page.getContent().get(0);
        assertThat(entry.actorUsername()).as("outside a request: the automation account").isEqualTo("automation");
        assertThat(entry.actorUserId()).isNotNull();
        assertThat(entry.channel()).isEqualTo("PROCESS");
        assertThat(entry.changes()).containsOnlyKeys("customer_name");
        assertThat(entry.changes().get("customer_name"))
                .isEqualTo(new ActivityRecord.Change("Acme", "Acme Ltd"));
    }

    @Test
    void refusesToRecordOutsideTheWritesTransaction() {
        assertThatThrownBy(() -> log.record(ActivityRecord.of("customer", 1, 1L, "UPDATED", "x")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        tx.executeWithoutResult(s -> log.record(ActivityRecord.of("customer", customerId, customerId, "CREATED", "x")));
        assertThatThrownBy(() -> jdbc.update("UPDATE activity_log SET summary = 'forged' WHERE customer_id = ?", customerId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM activity_log WHERE customer_id = ?", customerId))
                .hasMessageContaining("append-only");
        assertThat(log.forCustomer(customerId, PageQuery.of(1, 10, null, null, null)).getContent())
                .extracting(ActivityEntry::summary).containsExactly("x");
    }
}
