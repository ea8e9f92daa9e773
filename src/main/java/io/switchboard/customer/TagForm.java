package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.springframework.lang.Nullable;

/**
 * A coloured pill on a customer, shown between its active and deactivate dates (A-TAG): the body of
 * {@code PUT /crm/tag/}. {@code tagHexColor} is six hex digits, with or without '#', stored upper-case without.
 * Dates are UTC wall-clock times ({@code 2025-01-01 00:00:00}, ISO or a bare date also accepted); on create an
 * absent active date means now and an absent deactivate date means {@code 2099-01-01 00:00:00} (the UI default).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TagForm(
        @NotNull Long customerId,
        @NotBlank @Size(max = 100) String tagText,
        @NotBlank @Size(max = 7) String tagHexColor,
        @Nullable @Size(max = 500) String tagLink,
        @Nullable @JsonDeserialize(using = GuideDateTime.Deserializer.class)
        @JsonFormat(pattern = GuideDateTime.PATTERN) LocalDateTime tagActiveDate,
        @Nullable @JsonDeserialize(using = GuideDateTime.Deserializer.class)
        @JsonFormat(pattern = GuideDateTime.PATTERN) LocalDateTime tagDeactivateDate) {

    /** The UI's default end of a tag's window. */
    public static final LocalDateTime DEFAULT_DEACTIVATE_DATE = LocalDateTime.of(2099, 1, 1, 0, 0);

    public static TagForm of(long customerId, String text, String hexColor) {
        return new TagForm(customerId, text, hexColor, null, null, null);
    }

    public TagForm withWindow(@Nullable LocalDateTime active, @Nullable LocalDateTime deactivate) {
        return new TagForm(customerId, tagText, tagHexColor, tagLink, active, deactivate);
    }

    public TagForm withLink(@Nullable String link) {
        return new TagForm(customerId, tagText, tagHexColor, link, tagActiveDate, tagDeactivateDate);
    }
}
