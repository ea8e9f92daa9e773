package io.switchboard.identity.web;

import io.switchboard.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.databind.JsonNode;

/** Small parsing helpers shared by the identity controllers. */
final class Requests {

    static final Map<String, String> SUCCESS = Map.of("result", "success");

    private Requests() {}

    /** {@code "Support, Finance"} as {@code [Support, Finance]}. */
    static List<String> commaSeparated(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * An ISO date-time with offset, or a date meaning the end of that day in UTC (A-APIK-24:
     * {@code 2026-01-10} becomes {@code 2026-01-10T23:59:59Z}).
     */
    static Instant endOfDayOrInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be a date (2026-01-10) or an ISO date-time with offset");
        }
    }

    /** An ISO date-time with offset, or a date meaning the start of that day in UTC. */
    static Instant startOfDayOrInstant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be a date (2026-01-10) or an ISO date-time with offset");
        }
    }

    /*
     * Fields that may be cleared with an explicit null arrive as JsonNode: absent = Java null (leave the field),
     * JSON null = NullNode (clear it). Jackson would turn both into Optional.empty() for an Optional component.
     */

    /** {@code null}: absent; {@code Optional.empty()}: JSON null; else the number. */
    static Optional<Long> presentLong(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw InvalidInputException.of(field, "must be a number");
        }
        return Optional.of(node.longValue());
    }

    /** Absent: empty; JSON null: {@code Optional.of(Optional.empty())}; else the text. */
    static Optional<Optional<String>> presentText(String field, JsonNode node, int max) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!node.isTextual()) {
            throw InvalidInputException.of(field, "must be a string");
        }
        if (node.textValue().length() > max) {
            throw InvalidInputException.of(field, "must be at most " + max + " characters");
        }
        return Optional.of(Optional.of(node.textValue()));
    }

    static int perPage(Integer requested, int fallback) {
        return requested == null ? fallback : requested;
    }
}
