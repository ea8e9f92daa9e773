package io.switchboard.inventory;

import java.time.Instant;
import org.springframework.lang.Nullable;

/** One entry of an item's state history: who moved it from which state to which, why and when. */
public record StateChange(@Nullable InventoryState fromState, InventoryState toState, String actor,
        @Nullable String reason, @Nullable String runId, Instant changedAt) {}
