package io.switchboard.identity.internal;

import io.switchboard.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * Checks of the identity API's commands, in the service layer so that every caller (REST, web pages, other
 * modules) is held to them; each failure names the API field.
 */
public final class Inputs {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@+-]*$");

    private Inputs() {}

    public static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "must not be blank");
        }
        return optional(field, value, max);
    }

    /** Trimmed, blank as {@code null}. */
    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw InvalidInputException.of(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }

    public static String email(String field, String value) {
        String email = required(field, value, 254);
        if (!EMAIL.matcher(email).matches()) {
            throw InvalidInputException.of(field, "must be an e-mail address");
        }
        return email;
    }

    public static String username(String field, String value) {
        String username = required(field, value, 100);
        if (username.length() < 2 || !USERNAME.matcher(username).matches()) {
            throw InvalidInputException.of(field,
                    "must be 2 or more letters, digits or . _ @ + - and start with a letter or digit");
        }
        return username;
    }
}
