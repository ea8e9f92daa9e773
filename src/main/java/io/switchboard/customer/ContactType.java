package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A role a contact plays for the customer; a contact may have several (A-CON-01). */
public enum ContactType {
    PRIMARY("Primary"),
    BILLING("Billing"),
    TECHNICAL("Technical");

    private final String label;

    ContactType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ContactType fromLabel(String text) {
        return Labels.parse(ContactType.class, ContactType::label, text);
    }

    public static ContactType parse(String field, String text) {
        return Labels.parse(field, ContactType.class, ContactType::label, text);
    }
}
