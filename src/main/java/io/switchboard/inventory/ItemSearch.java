package io.switchboard.inventory;

import org.springframework.lang.Nullable;

/**
 * Filters of the item list besides paging and {@code search} (serial, item text fields, location, notes):
 * template (id or name), state, customer, serial (exact), and {@code withCoordinates} for the map.
 */
public record ItemSearch(@Nullable Long templateId, @Nullable String templateName, @Nullable InventoryState state,
        @Nullable Long customerId, @Nullable String serial, boolean withCoordinates) {

    public static ItemSearch all() {
        return new ItemSearch(null, null, null, null, null, false);
    }
}
