package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/** A contact as the API returns it. {@code linkedUserId} is the portal user linked by identity, read-only here. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactView(
        long contactId,
        long customerId,
        String contactFirstname,
        @Nullable String contactLastname,
        @Nullable String contactEmail,
        @Nullable String contactPhone,
        List<ContactType> contactTypes,
        @Nullable Long linkedUserId,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant created,
        @JsonFormat(pattern = GuideDateTime.PATTERN, timezone = "UTC") Instant lastModified) {

    public ContactForm toForm() {
        return new ContactForm(customerId, contactFirstname, contactLastname, contactEmail, contactPhone,
                contactTypes);
    }

    /** First and last name, as shown in lists and emails. */
    public String fullName() {
        return contactLastname == null || contactLastname.isBlank() ? contactFirstname
                : contactFirstname + " " + contactLastname;
    }

    public boolean hasType(ContactType type) {
        return contactTypes.contains(type);
    }
}
