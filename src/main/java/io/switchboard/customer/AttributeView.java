package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** An attribute as the guide's API returns it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AttributeView(
        long attributeId,
        long customerId,
        String attributeName,
        String attributeValue,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant created,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant lastModified) {

    public AttributeForm toForm() {
        return new AttributeForm(customerId, attributeName, attributeValue);
    }
}
