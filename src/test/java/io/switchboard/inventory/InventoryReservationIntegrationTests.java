package io.switchboard.inventory;

import static io.switchboard.inventory.InventoryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.shared.ConflictException;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** DESIGN.md decision 3, C-INVR-11: reservations are atomic, owned by a run, released, expired, confirmed. */
@SwitchboardIntegrationTest
class InventoryReservationIntegrationTests {

    static final Duration TTL = Duration.ofMinutes(15);

    @Autowired InventoryReservations reservations;
    @Autowired JdbcTemplate jdbc;

    InventoryFixtures fx;
    String type;
    long template;

    @BeforeEach
    void setUp() {
        fx = new InventoryFixtures(jdbc);
        type = unique("SIM Card");
        template = fx.template(type, "ICCID", "IMSI");
    }

    @Test
    void eightRunsRacingForOneSimGetOneWinner() throws Exception {
        for (int round = 0; round < 5; round++) {
            long sim = fx.item(template, unique("8944"), InventoryState.IN_STOCK);
            var outcomes = race(8, i -> () -> {
                try {
                    reservations.reserve("run-" + i, sim, TTL);
                    return "won";
                } catch (ConflictException e) {
                    return "lost";
                }
            });
            assertThat(outcomes).filteredOn("won"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("lost"::equals).hasSize(7);
            assertThat(fx.state(sim)).isEqualTo("RESERVED");
            assertThat(fx.count("SELECT count(*) FROM inventory_state_history WHERE inventory_id = ? AND to_state = 'RESERVED'",
                    sim)).isEqualTo(1);
        }
    }

    @Test
    void eightRunsTakingFromAPoolNeverShareAnItem() throws Exception {
        int pool = 20;
        for (int i = 0; i < pool; i++) {
            fx.item(template, unique("pool"), i % 2 == 0 ? InventoryState.NEW : InventoryState.IN_STOCK);
        }
        var taken = new ConcurrentLinkedQueue<Long>();
        var outcomes = race(8, i -> () -> {
            int mine = 0;
            while (true) {
                try {
                    taken.add(reservations.reserveAny("pool-run-" + i + "-" + mine, type, TTL).inventoryId());
                    mine++;
                } catch (ConflictException e) {
                    assertThat(e.getMessage()).contains("No inventory available");
                    return String.valueOf(mine);
                }
            }
        });
        assertThat(taken).hasSize(pool);
        assertThat(new HashSet<>(taken)).hasSize(pool);
        assertThat(outcomes.stream().mapToInt(Integer::parseInt).sum()).isEqualTo(pool);
        assertThat(fx.count("SELECT count(*) FROM inventory WHERE inventory_template_id = ? AND item_state = 'RESERVED'",
                template)).isEqualTo(pool);
    }

    @Test
    void releaseGivesBackOnlyTheRunsOwnItemsToTheStateTheyHad() {
        long newOne = fx.item(template, unique("a"), InventoryState.NEW);
        long stocked = fx.item(template, unique("b"), InventoryState.IN_STOCK);
        long others = fx.item(template, unique("c"), InventoryState.IN_STOCK);
        reservations.reserve("mine", newOne, TTL);
        reservations.reserve("mine", stocked, TTL);
        reservations.reserve("theirs", others, TTL);
        assertThat(reservations.heldBy("mine")).extracting(ItemView::inventoryId).containsExactly(newOne, stocked);

        assertThat(reservations.release("mine")).isEqualTo(2);

        assertThat(fx.state(newOne)).isEqualTo("NEW");
        assertThat(fx.state(stocked)).isEqualTo("IN_STOCK");
        assertThat(fx.state(others)).isEqualTo("RESERVED");
        assertThat(reservations.release("mine")).isZero();
        assertThat(fx.count("SELECT count(*) FROM inventory_state_history WHERE inventory_id = ? AND from_state = 'RESERVED'"
                + " AND to_state = 'NEW' AND run_id = 'mine'", newOne)).isEqualTo(1);
    }

    @Test
    void reservingIsIdempotentForTheSameRunAndRefusedForTakenItems() {
        long sim = fx.item(template, unique("idem"), InventoryState.NEW);
        reservations.reserve("run-x", sim, TTL);
        assertThat(reservations.reserve("run-x", sim, TTL).reservedByRun()).isEqualTo("run-x");
        assertThatThrownBy(() -> reservations.reserve("run-y", sim, TTL)).isInstanceOf(ConflictException.class);
        long damaged = fx.item(template, unique("dmg"), InventoryState.DAMAGED);
        assertThatThrownBy(() -> reservations.reserve("run-y", damaged, TTL)).isInstanceOf(ConflictException.class);
    }

    @Test
    void expiredReservationsAreReleasedAndLiveOnesStay() {
        long expiring = fx.item(template, unique("exp"), InventoryState.IN_STOCK);
        long live = fx.item(template, unique("live"), InventoryState.IN_STOCK);
        reservations.reserve("short", expiring, Duration.ofMinutes(1));
        reservations.reserve("long", live, Duration.ofHours(2));

        reservations.releaseExpired(Instant.now().plus(Duration.ofMinutes(30)));

        assertThat(fx.state(expiring)).isEqualTo("IN_STOCK");
        assertThat(fx.state(live)).isEqualTo("RESERVED");
        assertThat(fx.count("SELECT count(*) FROM inventory_state_history WHERE inventory_id = ? AND reason = "
                + "'Reservation expired'", expiring)).isEqualTo(1);
    }

    @Test
    void confirmAssignsTheRunsItemsToTheCustomerAndService() {
        long customer = fx.customer(unique("Buyer"));
        long sim = fx.item(template, unique("conf"), InventoryState.IN_STOCK);
        long other = fx.item(template, unique("other"), InventoryState.IN_STOCK);
        reservations.reserve("ok-run", sim, TTL);
        reservations.reserve("other-run", other, TTL);

        var assigned = reservations.confirm("ok-run", customer, 4242L);

        assertThat(assigned).singleElement().satisfies(item -> {
            assertThat(item.itemState()).isEqualTo(InventoryState.ASSIGNED);
            assertThat(item.customerId()).isEqualTo(customer);
            assertThat(item.serviceId()).isEqualTo(4242L);
            assertThat(item.soldDate()).isNotNull();
            assertThat(item.reservedByRun()).isNull();
        });
        assertThat(fx.state(other)).isEqualTo("RESERVED");
        // released after confirmation: nothing of the run is left to release
        assertThat(reservations.release("ok-run")).isZero();
        assertThat(fx.state(sim)).isEqualTo("ASSIGNED");
    }

    private List<String> race(int threads, java.util.function.IntFunction<Callable<String>> task) throws Exception {
        var barrier = new CyclicBarrier(threads);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<String>>();
            for (int i = 0; i < threads; i++) {
                Callable<String> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            var results = new ArrayList<String>();
            for (var f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
