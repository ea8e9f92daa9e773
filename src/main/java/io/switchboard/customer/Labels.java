package io.switchboard.customer;

import io.switchboard.shared.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsing of the guide's enum labels ({@code "Open"}, {@code "prepaid"}, ...): case-insensitive, canonical out. */
final class Labels {

    private Labels() {}

    static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> label, String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (E value : type.getEnumConstants()) {
            if (label.apply(value).toLowerCase(Locale.ROOT).equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed(type, label));
    }

    static <E extends Enum<E>> String allowed(Class<E> type, Function<E, String> label) {
        return Arrays.stream(type.getEnumConstants()).map(label).collect(Collectors.joining(", "));
    }

    /** As {@link #parse} but failing with a 400 problem that names {@code field}. */
    static <E extends Enum<E>> E parse(String field, Class<E> type, Function<E, String> label, String text) {
        try {
            return parse(type, label, text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, e.getMessage());
        }
    }
}
