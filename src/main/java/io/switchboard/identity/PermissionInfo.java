package io.switchboard.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** An entry of the permission catalogue; {@code system} entries are seeded with stable ids. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PermissionInfo(long id, String name, String description, boolean system) {}
