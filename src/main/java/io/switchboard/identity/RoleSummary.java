package io.switchboard.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A role as lists show it.
 *
 * @param groupId     immutable slug, also the role's Camunda group id
 * @param system      a seeded role: cannot be renamed or deleted
 * @param permissions permission names granted by the role
 * @param userCount   users (not deleted) holding the role
 * @param twoFactorRequired its (staff) holders must use 2FA
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoleSummary(long id, String name, String description, String groupId, boolean system,
        List<String> permissions, long userCount, @JsonProperty("created") Instant created,
        boolean twoFactorRequired) {}
