package io.switchboard.activity;

import java.time.Instant;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * A recorded write, as read back from the log; {@code ipAddress} is the client address of the request that made it
 * ({@code null} for processes and background jobs).
 */
public record ActivityEntry(long id, Instant occurredAt, @Nullable Long actorUserId, String actorUsername,
        @Nullable Long impersonatorUserId, String channel, String entityType, String entityId,
        @Nullable Long customerId, String action, String summary, Map<String, ActivityRecord.Change> changes,
        @Nullable String ipAddress) {}
