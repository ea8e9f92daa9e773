package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.springframework.lang.Nullable;

/** A site as the API returns it; {@code plusCode} is always the server's own, 12 characters ("8FVC9G8F+6XQ"). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SiteView(
        long siteId,
        long customerId,
        String siteName,
        @Nullable @JsonProperty("address_line_1") String addressLine1,
        @Nullable @JsonProperty("address_line_2") String addressLine2,
        @Nullable String city,
        @Nullable String state,
        @Nullable String zipCode,
        String country,
        double latitude,
        double longitude,
        @Nullable String googleMapsPlaceId,
        String plusCode,
        @Nullable String addressNote,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant created,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant lastModified) {

    /** The editable fields; the plus code is left out because the server computes it. */
    public SiteForm toForm() {
        return new SiteForm(customerId, siteName, addressLine1, addressLine2, city, state, zipCode, country, latitude,
                longitude, googleMapsPlaceId, null, addressNote);
    }
}
