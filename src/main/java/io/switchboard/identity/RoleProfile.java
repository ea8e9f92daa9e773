package io.switchboard.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** One role in full (C-ROL-02): {@code {id, name, description, permissions: [...], users: [...]}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoleProfile(long id, String name, String description, String groupId, boolean system,
        List<PermissionInfo> permissions, List<Member> users, @JsonProperty("created") Instant created,
        boolean twoFactorRequired) {

    /** A user holding the role. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Member(long id, String username, String email) {}
}
