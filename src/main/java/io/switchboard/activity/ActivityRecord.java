package io.switchboard.activity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.lang.Nullable;

/**
 * One write to record: what changed ({@code entityType} + {@code entityId}), for which customer (when the
 * record belongs to one), the action and a human summary, and the field changes as before/after pairs.
 * The actor, impersonator and channel are taken from the current request or process, not from the caller.
 */
public record ActivityRecord(String entityType, String entityId, @Nullable Long customerId, String action,
        String summary, Map<String, Change> changes) {

    public ActivityRecord {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(summary, "summary");
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    public static ActivityRecord of(String entityType, Object entityId, @Nullable Long customerId, String action,
            String summary) {
        return new ActivityRecord(entityType, String.valueOf(entityId), customerId, action, summary, Map.of());
    }

    /** This record with the fields whose values differ between {@code before} and {@code after}. */
    public ActivityRecord withChanges(Map<String, ?> before, Map<String, ?> after) {
        var diff = new LinkedHashMap<String, Change>();
        var keys = new java.util.LinkedHashSet<String>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object was = before.get(key);
            Object now = after.get(key);
            if (!Objects.equals(was, now)) {
                diff.put(key, new Change(was == null ? null : String.valueOf(was), now == null ? null : String.valueOf(now)));
            }
        }
        return new ActivityRecord(entityType, entityId, customerId, action, summary, diff);
    }

    /** A field's value before and after the write; {@code null} when absent. */
    public record Change(@Nullable String before, @Nullable String after) {}
}
