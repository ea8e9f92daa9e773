package io.switchboard.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * Reservations of items for a provisioning run (DESIGN.md decision 3, C-INVR-11): atomic — a conditional
 * UPDATE (a single item) or {@code FOR UPDATE SKIP LOCKED} (any item of a type) — so two runs can never hold the
 * same item; owned by the run; released by the run's rollback or on expiry; confirmed to ASSIGNED on success.
 * Called by the provisioning process (as the automation account): no permission check.
 */
public interface InventoryReservations {

    /**
     * Reserves one item for {@code runId} until now + {@code ttl}. Idempotent for the same run.
     *
     * @throws io.switchboard.shared.NotFoundException  no such item
     * @throws io.switchboard.shared.ConflictException  the item is not NEW/IN_STOCK or has a customer or service
     */
    ItemView reserve(String runId, long inventoryId, Duration ttl);

    /**
     * Reserves any available item of the type (NEW before IN_STOCK, oldest first), skipping items other runs are
     * reserving at the same moment.
     *
     * @throws io.switchboard.shared.ConflictException "No inventory available" (C-INVR-20)
     */
    ItemView reserveAny(String runId, String templateName, Duration ttl);

    /** The items {@code runId} holds. */
    List<ItemView> heldBy(String runId);

    /** Puts the run's reserved items back to the state they had (NEW or IN_STOCK); other runs' items stay. */
    int release(String runId);

    /** RESERVED → ASSIGNED for all the run's items, setting customer, service and sold date. */
    List<ItemView> confirm(String runId, long customerId, @Nullable Long serviceId);

    /** Releases every reservation that expired before {@code now}; safe to run on several nodes at once. */
    int releaseExpired(Instant now);
}
