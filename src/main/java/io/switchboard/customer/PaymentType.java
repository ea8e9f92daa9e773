package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code customer_payment_type}: pays in advance (balances) or after the fact (invoices). */
public enum PaymentType {
    PREPAID("prepaid"),
    POSTPAID("postpaid");

    private final String label;

    PaymentType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static PaymentType fromLabel(String text) {
        return Labels.parse(PaymentType.class, PaymentType::label, text);
    }

    public static PaymentType parse(String field, String text) {
        return Labels.parse(field, PaymentType.class, PaymentType::label, text);
    }
}
