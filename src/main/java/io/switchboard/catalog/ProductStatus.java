package io.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A product's lifecycle: {@code DRAFT} (being defined, never sold) → {@code ACTIVE} (on sale when also enabled and
 * in its availability window) → {@code RETIRED} (stays readable for the services that use it, never sold again).
 * Only these two steps exist; a retired product does not come back (clone it instead).
 */
public enum ProductStatus {
    DRAFT,
    ACTIVE,
    RETIRED;

    @JsonValue
    public String label() {
        return name();
    }

    @JsonCreator
    public static ProductStatus fromLabel(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of DRAFT, ACTIVE, RETIRED");
        }
    }

    /** Whether the lifecycle allows going from this status to {@code next}. */
    public boolean canBecome(ProductStatus next) {
        return (this == DRAFT && next == ACTIVE) || (this == ACTIVE && next == RETIRED);
    }
}
