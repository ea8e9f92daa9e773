package io.switchboard.customer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The guide writes date-times as {@code 2025-01-04 10:30:00} (UTC here). Reading also takes the ISO form
 * ({@code 2025-01-04T10:30:00}) and a bare date (midnight), so both the guide's scripts and HTML forms work.
 */
public final class GuideDateTime {

    /** The pattern of every date-time the CRM API writes. */
    public static final String PATTERN = "yyyy-MM-dd HH:mm:ss";
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN);

    private GuideDateTime() {}

    /** Parses the accepted forms; {@link DateTimeParseException} when none fits. */
    public static LocalDateTime parse(String text) {
        String value = text.trim();
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay();
        }
        if (value.length() > 10 && value.charAt(10) == 'T') {
            return LocalDateTime.parse(value);
        }
        return LocalDateTime.parse(value, FORMAT);
    }

    static final class Deserializer extends StdScalarDeserializer<LocalDateTime> {

        Deserializer() {
            super(LocalDateTime.class);
        }

        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDateTime) ctxt.handleUnexpectedToken(LocalDateTime.class, p);
            }
            String text = p.getText();
            try {
                return parse(text);
            } catch (DateTimeParseException e) {
                return (LocalDateTime) ctxt.handleWeirdStringValue(LocalDateTime.class, text,
                        "expected " + PATTERN);
            }
        }
    }
}
