package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code customer_account_type}: who the customer is (A-CUS-02). */
public enum AccountType {
    INDIVIDUAL("Individual"),
    BUSINESS("Business");

    private final String label;

    AccountType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The type for a label, case-insensitive; an unknown label is an {@link IllegalArgumentException}. */
    @JsonCreator
    public static AccountType fromLabel(String text) {
        return Labels.parse(AccountType.class, AccountType::label, text);
    }

    /** As {@link #fromLabel} but a 400 problem naming {@code field}. */
    public static AccountType parse(String field, String text) {
        return Labels.parse(field, AccountType.class, AccountType::label, text);
    }
}
