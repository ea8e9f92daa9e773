package io.switchboard.inventory.internal;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.inventory.InventoryReservations;
import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.ItemView;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations are single conditional statements: the {@code WHERE item_state IN ('NEW','IN_STOCK')} of the
 * UPDATE is re-checked by PostgreSQL on the latest row version after a concurrent writer commits, so two runs
 * racing for one item get one winner and one "not available"; {@code reserveAny} picks its candidate with
 * {@code FOR UPDATE SKIP LOCKED}, so racing runs take different items instead of queueing on the same one.
 */
@Service
@Transactional
class JdbcInventoryReservations implements InventoryReservations {

    private static final Logger log = LoggerFactory.getLogger(JdbcInventoryReservations.class);
    private static final Duration MAX_TTL = Duration.ofDays(7);
    private static final String RESERVE_SET = "SET item_state = 'RESERVED', state_before_reservation = item_state,"
            + " reserved_by_run = :run, reserved_at = :now, reservation_expires = :expires, last_modified = :now";
    private static final String AVAILABLE = "item_state IN ('NEW', 'IN_STOCK') AND customer_id IS NULL"
            + " AND service_id IS NULL";

    private final JdbcClient jdbc;
    private final ItemRows rows;
    private final CurrentActor actor;
    private final ActivityLog activity;
    private final JdbcInventoryItems items;
    private final Clock clock = Clock.systemUTC();

    JdbcInventoryReservations(JdbcClient jdbc, ItemRows rows, CurrentActor actor, ActivityLog activity,
            JdbcInventoryItems items) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.actor = actor;
        this.activity = activity;
        this.items = items;
    }

    @Override
    public ItemView reserve(String runId, long inventoryId, Duration ttl) {
        String run = checkRun(runId);
        Instant now = clock.instant();
        var taken = jdbc.sql("UPDATE inventory " + RESERVE_SET + " WHERE inventory_id = :id AND " + AVAILABLE
                        + " RETURNING state_before_reservation")
                .param("run", run).param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(checkTtl(ttl))))
                .param("id", inventoryId).query(String.class).optional();
        if (taken.isEmpty()) {
            var current = jdbc.sql("SELECT item_state, reserved_by_run FROM inventory WHERE inventory_id = :id")
                    .param("id", inventoryId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .optional().orElseThrow(() -> new NotFoundException("inventory", inventoryId));
            if (run.equals(current[1])) {
                return rows.load(inventoryId); // the same run asking again (a retried process step)
            }
            throw new ConflictException("inventory_id", "item " + inventoryId + " is not available (it is "
                    + InventoryState.valueOf(current[0]).label() + ")");
        }
        return reserved(inventoryId, InventoryState.valueOf(taken.get()), run, now);
    }

    @Override
    public ItemView reserveAny(String runId, String templateName, Duration ttl) {
        String run = checkRun(runId);
        Instant now = clock.instant();
        record Taken(long id, String before) {}
        var taken = jdbc.sql("UPDATE inventory " + RESERVE_SET + " WHERE inventory_id = ("
                        + "SELECT i.inventory_id FROM inventory i JOIN inventory_templates t"
                        + " ON t.inventory_template_id = i.inventory_template_id"
                        + " WHERE t.item = :name AND t.enabled AND i." + AVAILABLE.replace(" AND ", " AND i.")
                        + " ORDER BY i.item_state, i.inventory_id LIMIT 1 FOR UPDATE OF i SKIP LOCKED)"
                        + " AND " + AVAILABLE + " RETURNING inventory_id, state_before_reservation")
                .param("run", run).param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(checkTtl(ttl))))
                .param("name", templateName).query((rs, n) -> new Taken(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new ConflictException("inventory_type", "No inventory available: " + templateName));
        return reserved(taken.id(), InventoryState.valueOf(taken.before()), run, now);
    }

    private ItemView reserved(long id, InventoryState before, String run, Instant now) {
        rows.history(id, before, InventoryState.RESERVED, actor.get().username(), "Reserved for provisioning run", run, now);
        return rows.load(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ItemView> heldBy(String runId) {
        return jdbc.sql(ItemRows.SELECT + " WHERE i.reserved_by_run = :run ORDER BY i.inventory_id").param("run", runId)
                .query(ItemRows::row).list();
    }

    @Override
    public int release(String runId) {
        return releaseWhere("reserved_by_run = :run", checkRun(runId), null, "Released by provisioning run");
    }

    @Override
    public int releaseExpired(Instant now) {
        return releaseWhere("item_state = 'RESERVED' AND reservation_expires < :now", null, now, "Reservation expired");
    }

    /** Locks the matching reserved rows (skipping rows another node is handling), puts them back, logs history. */
    private int releaseWhere(String condition, @Nullable String run, @Nullable Instant asOf, String reason) {
        Instant now = clock.instant();
        record Released(long id, String to, String run) {}
        var params = new java.util.HashMap<String, Object>();
        params.put("now", Timestamp.from(asOf == null ? now : asOf));
        params.put("stamp", Timestamp.from(now));
        if (run != null) {
            params.put("run", run);
        }
        var released = jdbc.sql("WITH old AS (SELECT inventory_id, reserved_by_run FROM inventory WHERE " + condition
                        + " FOR UPDATE SKIP LOCKED) UPDATE inventory i SET item_state = i.state_before_reservation,"
                        + " state_before_reservation = NULL, reserved_by_run = NULL, reserved_at = NULL,"
                        + " reservation_expires = NULL, last_modified = :stamp FROM old"
                        + " WHERE i.inventory_id = old.inventory_id AND i.item_state = 'RESERVED'"
                        + " RETURNING i.inventory_id, i.item_state, old.reserved_by_run")
                .params(params).query((rs, n) -> new Released(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        String who = actor.get().username();
        for (var r : released) {
            rows.history(r.id(), InventoryState.RESERVED, InventoryState.valueOf(r.to()), who, reason, r.run(), now);
        }
        if (!released.isEmpty() && run == null) {
            log.info("Released {} expired inventory reservations", released.size());
        }
        return released.size();
    }

    @Override
    public List<ItemView> confirm(String runId, long customerId, @Nullable Long serviceId) {
        String run = checkRun(runId);
        items.requireCustomer(customerId);
        Instant now = clock.instant();
        var ids = jdbc.sql("UPDATE inventory SET item_state = 'ASSIGNED', customer_id = :customer, service_id = :service,"
                        + " sold_date = :now, state_before_reservation = NULL, reserved_by_run = NULL, reserved_at = NULL,"
                        + " reservation_expires = NULL, last_modified = :now"
                        + " WHERE reserved_by_run = :run AND item_state = 'RESERVED' RETURNING inventory_id")
                .param("customer", customerId).param("service", serviceId).param("now", Timestamp.from(now))
                .param("run", run).query(Long.class).list();
        String who = actor.get().username();
        for (long id : ids) {
            rows.history(id, InventoryState.RESERVED, InventoryState.ASSIGNED, who, "Provisioning run succeeded", run, now);
            var item = rows.load(id);
            activity.record(ActivityRecord.of(JdbcInventoryItems.ENTITY, id, customerId, "ASSIGNED",
                    "Assigned " + item.item() + " " + item.serial() + " (provisioning run " + run + ")"));
        }
        return ids.stream().sorted().map(rows::load).toList();
    }

    @Scheduled(fixedDelayString = "${switchboard.inventory.reservation-sweep-interval:60s}",
            initialDelayString = "${switchboard.inventory.reservation-sweep-interval:60s}")
    public void sweep() {
        releaseExpired(clock.instant());
    }

    private static String checkRun(String runId) {
        if (runId == null || runId.isBlank()) {
            throw InvalidInputException.of("run_id", "must not be blank");
        }
        if (runId.length() > 100) {
            throw InvalidInputException.of("run_id", "must be at most 100 characters");
        }
        return runId;
    }

    private static Duration checkTtl(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw InvalidInputException.of("ttl", "must be positive and at most " + MAX_TTL.toDays() + " days");
        }
        return ttl;
    }
}
