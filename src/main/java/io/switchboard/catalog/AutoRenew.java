package io.switchboard.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * {@code auto_renew} (C-ELG-02, B-PROD-19): the strings {@code "prompt"} (ask at purchase), {@code "true"} (renew
 * without asking) and {@code "false"} (never). JSON booleans {@code true}/{@code false} are accepted too.
 */
public enum AutoRenew {
    PROMPT("prompt"),
    TRUE("true"),
    FALSE("false");

    private final String label;

    AutoRenew(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static AutoRenew fromLabel(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (AutoRenew value : values()) {
            if (value.label.equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("must be one of prompt, true, false");
    }

    public static AutoRenew fromBoolean(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** From JSON: the guide's strings or a boolean. */
    @JsonCreator
    static AutoRenew fromJson(Object value) {
        if (value instanceof Boolean flag) {
            return fromBoolean(flag);
        }
        if (value instanceof String text) {
            return fromLabel(text);
        }
        throw new IllegalArgumentException("must be one of prompt, true, false");
    }
}
