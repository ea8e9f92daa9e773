package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.lang.Nullable;

/** A tag as the API returns it; {@code active} says whether now falls inside its window. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TagView(
        long tagId,
        long customerId,
        String tagText,
        String tagHexColor,
        @Nullable String tagLink,
        @JsonFormat(pattern = GuideDateTime.PATTERN) LocalDateTime tagActiveDate,
        @JsonFormat(pattern = GuideDateTime.PATTERN) LocalDateTime tagDeactivateDate,
        boolean active,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant created,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant lastModified) {

    public TagForm toForm() {
        return new TagForm(customerId, tagText, tagHexColor, tagLink, tagActiveDate, tagDeactivateDate);
    }
}
