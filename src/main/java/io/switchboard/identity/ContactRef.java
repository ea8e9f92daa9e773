package io.switchboard.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A customer contact a user can be linked to, as the customer module describes it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ContactRef(long contactId, long customerId, String email, String name) {}
