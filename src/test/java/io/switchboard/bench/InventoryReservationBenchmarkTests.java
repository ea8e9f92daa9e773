package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.inventory.InventoryReservations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.switchboard.support.SwitchboardIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Concurrent reservation throughput: N threads each reserving any item of one type ({@code reserveAny}: UPDATE with
 * a {@code FOR UPDATE SKIP LOCKED} pick, plus the history row) from a pool of M items, beside a single thread doing
 * the same, and beside a plain SELECT of an available item (no lock, no write) as the floor of one database round
 * trip. Prints figures; asserts only that no item was taken twice. {@code ./mvnw -Pbench verify}
 * ({@code -Dbench.threads=8 -Dbench.items=4000}).
 */
@Tag("bench")
@SwitchboardIntegrationTest
class InventoryReservationBenchmarkTests {

    private static final Duration TTL = Duration.ofMinutes(30);

    @Autowired InventoryReservations reservations;
    @Autowired JdbcTemplate jdbc;

    @Test
    void reserveAnyFromAPool() throws Exception {
        int threads = Integer.getInteger("bench.threads", 8);
        int items = Integer.getInteger("bench.items", 4000);
        String type = "Bench SIM " + System.nanoTime();
        long template = jdbc.queryForObject("INSERT INTO inventory_templates (item, created, last_modified)"
                + " VALUES (?, now(), now()) RETURNING inventory_template_id", Long.class, type);
        jdbc.update("INSERT INTO inventory (inventory_template_id, serial, item_state, created, last_modified)"
                + " SELECT ?, 'B' || g, CASE WHEN g % 2 = 0 THEN 'NEW' ELSE 'IN_STOCK' END, now(), now()"
                + " FROM generate_series(1, ?) g", template, items);

        // warm-up: JIT, pool, plans
        timed("warm-up", 1, items / 4, i -> reservations.reserveAny("warm-" + i, type, TTL).inventoryId());
        reset(template);

        var select = timed("plain SELECT of an available item (1 thread)", 1, items, i -> jdbc.queryForObject(
                "SELECT i.inventory_id FROM inventory i JOIN inventory_templates t USING (inventory_template_id)"
                        + " WHERE t.item = ? AND i.item_state IN ('NEW', 'IN_STOCK') AND i.customer_id IS NULL"
                        + " ORDER BY i.item_state, i.inventory_id LIMIT 1", Long.class, type));
        var single = timed("reserveAny (1 thread)", 1, items, i -> reservations.reserveAny("one-" + i, type, TTL).inventoryId());
        assertThat(new HashSet<>(single.ids())).hasSize(items);
        reset(template);
        var parallel = timed("reserveAny (" + threads + " threads)", threads, items,
                i -> reservations.reserveAny("par-" + i, type, TTL).inventoryId());
        assertThat(parallel.ids()).hasSize(items);
        assertThat(new HashSet<>(parallel.ids())).as("no item reserved twice").hasSize(items);

        System.out.println();
        System.out.println("=== Inventory reservation benchmark: pool of " + items + " items, one JVM + PostgreSQL");
        for (var r : List.of(select, single, parallel)) {
            System.out.printf("%-48s %8.0f ops/s%n", r.name(), r.opsPerSecond());
        }
        System.out.printf("reserveAny 1 thread vs plain SELECT:       %.2fx%n", single.opsPerSecond() / select.opsPerSecond());
        System.out.printf("reserveAny %d threads vs 1 thread:          %.2fx%n", threads,
                parallel.opsPerSecond() / single.opsPerSecond());
        System.out.println();
    }

    private void reset(long template) {
        jdbc.update("UPDATE inventory SET item_state = state_before_reservation, state_before_reservation = NULL,"
                + " reserved_by_run = NULL, reserved_at = NULL, reservation_expires = NULL"
                + " WHERE inventory_template_id = ? AND item_state = 'RESERVED'", template);
    }

    record Result(String name, double opsPerSecond, List<Long> ids) {}

    interface Op {
        long run(int i) throws Exception;
    }

    private static Result timed(String name, int threads, int total, Op op) throws Exception {
        var next = new AtomicInteger();
        var ids = new ConcurrentLinkedQueue<Long>();
        var errors = new ConcurrentLinkedQueue<Throwable>();
        var done = new CountDownLatch(threads);
        var pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        ids.add(op.run(i));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                } finally {
                    done.countDown();
                }
            });
        }
        assertThat(done.await(10, TimeUnit.MINUTES)).isTrue();
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        assertThat(errors).isEmpty();
        return new Result(name, total / (nanos / 1e9), new ArrayList<>(ids));
    }
}
