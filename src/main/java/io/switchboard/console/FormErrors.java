package io.switchboard.console;

import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import java.util.Locale;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.lang.Nullable;
import org.springframework.validation.BindingResult;

/**
 * Puts the field errors a module API reports ({@link InvalidInputException}, {@link ConflictException}, with the
 * API's snake_case field names) next to the fields of the page's form, whose properties use the same names in
 * camelCase ({@code address_line_1} → {@code addressLine1}). An error about a field the form does not have becomes
 * a form-wide error.
 * <p>
 * Each error's code is {@code reason.<slug of the reason>}, so a message bundle can word it for the page's
 * language ({@code reason.must-not-be-blank=...}); without such a message the API's own reason shows.
 * Console and portal forms share it.
 */
public final class FormErrors {

    private static final int MAX_SLUG = 80;

    private FormErrors() {}

    /** Rejects the form's fields named in {@code e}. */
    public static void reject(BindingResult result, InvalidInputException e) {
        e.errors().forEach(error -> reject(result, error.field(), error.reason()));
    }

    /** Rejects the field {@code e} is about, or the whole form when it names none. */
    public static void reject(BindingResult result, ConflictException e) {
        reject(result, e.field(), e.getMessage());
    }

    /** Rejects {@code apiField} (snake_case) with {@code reason}, or the whole form when the form lacks that field. */
    public static void reject(BindingResult result, @Nullable String apiField, String reason) {
        String property = apiField == null ? null : camel(apiField);
        String code = code(reason);
        if (property != null && result.getTarget() != null
                && PropertyAccessorFactory.forBeanPropertyAccess(result.getTarget()).isReadableProperty(property)) {
            result.rejectValue(property, code, reason);
        } else {
            result.reject(code, reason);
        }
    }

    /** {@code address_line_1} → {@code addressLine1}. */
    static String camel(String snake) {
        var out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** {@code "must not be blank"} → {@code reason.must-not-be-blank}: the message code of an API's reason. */
    public static String code(String reason) {
        String slug = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return "reason." + (slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG) : slug);
    }
}
