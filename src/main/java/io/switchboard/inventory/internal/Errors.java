package io.switchboard.inventory.internal;

import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.lang.Nullable;

/** Collects field errors of one form and fails once, naming every offending field (snake_case API names). */
final class Errors {

    private final List<FieldError> list = new ArrayList<>();

    void add(String field, String reason) {
        list.add(new FieldError(field, reason));
    }

    boolean has(String field) {
        return list.stream().anyMatch(e -> e.field().equals(field));
    }

    boolean any() {
        return !list.isEmpty();
    }

    List<FieldError> list() {
        return List.copyOf(list);
    }

    void max(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
    }

    void cost(String field, @Nullable BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.precision() - value.scale() > 10 || value.scale() > 2)) {
            add(field, "must be a non-negative amount with at most 2 decimals");
        }
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }

    @Nullable
    static String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
