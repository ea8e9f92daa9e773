package io.switchboard.catalog;

import org.springframework.lang.Nullable;

/**
 * Filters of the product lists; {@code null} means any. {@code orderableOnly} keeps active, enabled, in-date
 * products ({@code GET /crm/product/}).
 */
public record ProductSearch(@Nullable ProductStatus status, @Nullable ProductCategory category,
        @Nullable String serviceType, @Nullable Boolean enabled, boolean orderableOnly) {

    public static ProductSearch all() {
        return new ProductSearch(null, null, null, null, false);
    }

    public static ProductSearch orderable() {
        return new ProductSearch(null, null, null, null, true);
    }
}
