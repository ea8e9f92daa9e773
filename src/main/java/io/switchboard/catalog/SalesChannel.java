package io.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who is selling: staff in the console or through the API ({@code staff}), or the customer in the self-care portal
 * ({@code self-care}, where {@code customer_can_purchase} must be true, B-FLT-04).
 */
public enum SalesChannel {
    STAFF("staff"),
    SELF_CARE("self-care");

    private final String label;

    SalesChannel(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
