package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.lang.Nullable;

/**
 * A service location: the body of {@code PUT /crm/site/} and the console's site form (A-SITE-02).
 * <ul>
 * <li>{@code country}: an ISO 3166-1 alpha-2 code or an English or Spanish country name, stored as the code;
 * when absent, {@code switchboard.customer.default-country}.</li>
 * <li>{@code plusCode}: optional. The server always computes the plus code from the coordinates; a code sent
 * by the client must be a full plus code whose area contains them, or the request is refused.</li>
 * </ul>
 * {@link Sites#check} applies all of A-SITE-06 without saving, for live form feedback.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SiteForm(
        @NotNull Long customerId,
        @NotBlank @Size(max = 200) String siteName,
        @Nullable @Size(max = 200) @JsonProperty("address_line_1") String addressLine1,
        @Nullable @Size(max = 200) @JsonProperty("address_line_2") String addressLine2,
        @Nullable @Size(max = 100) String city,
        @Nullable @Size(max = 100) String state,
        @Nullable @Size(max = 20) String zipCode,
        @Nullable @Size(max = 60) String country,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Nullable @Size(max = 300) String googleMapsPlaceId,
        @Nullable @Size(max = 20) String plusCode,
        @Nullable @Size(max = 2000) String addressNote) {

    /** A form with the required fields; the country then comes from the default. */
    public static SiteForm at(long customerId, String siteName, double latitude, double longitude) {
        return new SiteForm(customerId, siteName, null, null, null, null, null, null, latitude, longitude, null,
                null, null);
    }

    public SiteForm withAddress(@Nullable String line1, @Nullable String line2, @Nullable String city,
            @Nullable String state, @Nullable String zipCode, @Nullable String country) {
        return new SiteForm(customerId, siteName, line1, line2, city, state, zipCode, country, latitude, longitude,
                googleMapsPlaceId, plusCode, addressNote);
    }

    public SiteForm withCountry(@Nullable String country) {
        return new SiteForm(customerId, siteName, addressLine1, addressLine2, city, state, zipCode, country,
                latitude, longitude, googleMapsPlaceId, plusCode, addressNote);
    }

    public SiteForm withPlusCode(@Nullable String code) {
        return new SiteForm(customerId, siteName, addressLine1, addressLine2, city, state, zipCode, country,
                latitude, longitude, googleMapsPlaceId, code, addressNote);
    }

    public SiteForm withAddressNote(@Nullable String note) {
        return new SiteForm(customerId, siteName, addressLine1, addressLine2, city, state, zipCode, country,
                latitude, longitude, googleMapsPlaceId, plusCode, note);
    }
}
