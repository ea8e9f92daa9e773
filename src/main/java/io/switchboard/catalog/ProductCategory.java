package io.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code category} (B-PROD-04, C-PRD-03): it routes the sales flow only; the playbook decides what is provisioned.
 * The guide's literals are {@code standalone}, {@code addon}, {@code bundle} and {@code promo}; {@code topup} names
 * the guide's top-ups (an add-on that credits a balance, e.g. "PAYG £5 Topup"). {@code add-on} and {@code top-up}
 * are accepted on input.
 */
public enum ProductCategory {
    STANDALONE("standalone"),
    ADDON("addon"),
    BUNDLE("bundle"),
    PROMO("promo"),
    TOPUP("topup");

    private final String label;

    ProductCategory(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Add-ons and top-ups are sold onto an existing service. */
    public boolean appliesToService() {
        return this == ADDON || this == TOPUP;
    }

    @JsonCreator
    public static ProductCategory fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace("-", "");
        for (ProductCategory value : values()) {
            if (value.label.equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed());
    }

    public static ProductCategory parse(String field, String text) {
        try {
            return fromLabel(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, e.getMessage());
        }
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ProductCategory::label).collect(Collectors.joining(", "));
    }
}
