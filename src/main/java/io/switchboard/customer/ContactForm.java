package io.switchboard.customer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A contact of a customer: the body of {@code PUT /crm/contact/} and the console's contact form.
 * {@code contactTypes} takes a list ({@code ["Primary","Billing"]}) or a single label; {@code null} means none.
 * The phone is kept as written; a digits-only copy is stored beside it for search.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactForm(
        @NotNull Long customerId,
        @NotBlank @Size(max = 100) String contactFirstname,
        @Nullable @Size(max = 100) String contactLastname,
        @Nullable @Size(max = 254) @Email(regexp = EMAIL, message = "must be a well-formed email address")
        String contactEmail,
        @Nullable @Size(max = 40) @Pattern(regexp = PHONE, message = "must be a phone number: digits, spaces and + ( ) - . only")
        String contactPhone,
        @Nullable @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<ContactType> contactTypes) {

    /** Something, an at sign, a domain with a dot; the mail server has the last word. */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$";
    /** At least three digits among the usual separators, optionally led by +. */
    static final String PHONE = "^\\+?[ ()./-]*([0-9][ ()./-]*){3,}$";

    public static ContactForm of(long customerId, String firstname, @Nullable String lastname,
            @Nullable String email) {
        return new ContactForm(customerId, firstname, lastname, email, null, null);
    }

    public ContactForm withPhone(@Nullable String phone) {
        return new ContactForm(customerId, contactFirstname, contactLastname, contactEmail, phone, contactTypes);
    }

    public ContactForm withEmail(@Nullable String email) {
        return new ContactForm(customerId, contactFirstname, contactLastname, email, contactPhone, contactTypes);
    }

    public ContactForm withTypes(@Nullable List<ContactType> types) {
        return new ContactForm(customerId, contactFirstname, contactLastname, contactEmail, contactPhone, types);
    }
}
