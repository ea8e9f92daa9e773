package io.switchboard.customer;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A key/value pair on a customer (A-ATTR): the body of {@code PUT /crm/attribute/}. A name is unique per
 * customer; {@code PUT} with an existing name updates its value. Names have no spaces (the guide's convention
 * is lower-case snake_case); values are strings of at most 150 characters, refused rather than truncated.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AttributeForm(
        @NotNull Long customerId,
        @NotBlank @Size(max = 100) @Pattern(regexp = NAME, message = "must be letters, digits, '_', '-' or '.', without spaces")
        String attributeName,
        @NotNull @Size(max = 150) String attributeValue) {

    static final String NAME = "^[A-Za-z0-9_.-]+$";
}
