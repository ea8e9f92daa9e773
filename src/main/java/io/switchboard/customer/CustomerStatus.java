package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * {@code customer_status}. The guide spells the second one "Suspension" in its data model and "Suspended" in
 * prose; both are accepted on input and stored and returned as {@code Suspended}. {@code Archived} is reached
 * only by archiving (the guarded delete), never by setting the field.
 */
public enum CustomerStatus {
    OPEN("Open"),
    SUSPENDED("Suspended"),
    CLOSED("Closed"),
    ARCHIVED("Archived");

    private final String label;

    CustomerStatus(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static CustomerStatus fromLabel(String text) {
        if (text != null && text.trim().toLowerCase(Locale.ROOT).equals("suspension")) {
            return SUSPENDED;
        }
        return Labels.parse(CustomerStatus.class, CustomerStatus::label, text);
    }

    public static CustomerStatus parse(String field, String text) {
        try {
            return fromLabel(text);
        } catch (IllegalArgumentException e) {
            throw io.switchboard.shared.InvalidInputException.of(field, e.getMessage());
        }
    }
}
