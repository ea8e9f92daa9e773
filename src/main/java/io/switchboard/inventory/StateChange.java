package io.switchboard.inventory;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.springframework.lang.Nullable;

/** One entry of an item's state history: who moved it from which state to which, why and when. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StateChange(@Nullable InventoryState fromState, InventoryState toState, String actor,
        @Nullable String reason, @Nullable String runId,
        @JsonFormat(pattern = "yyyy-MM-dd HH:mm:ss", timezone = "UTC") Instant changedAt) {}
