package io.switchboard.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * One user in full (C-USR-08): personal data, roles (names, as in lists, and with ids and group ids), effective
 * permissions (sorted; {@code admin} expanded), last login, the number of open web sessions and the linked
 * customer contact.
 *
 * @param contact the linked contact as the customer module describes it; {@code null} when not linked or
 *                when the customer module is not available (then only {@code contactId} is known)
 * @param lockedUntil  when the sign-in lockout ends; {@code null} when the account is not locked
 * @param pendingEmail an address the user asked to change to and has not confirmed yet
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserProfile(long id, String username, String email, String firstName, @Nullable String middleName,
        String lastName, @Nullable String phoneNumber, List<String> roles, List<RoleRef> roleDetails,
        List<String> permissions,
        boolean enabled, boolean deleted, @Nullable Instant deletedAt, boolean passwordChangeRequired,
        boolean serviceAccount, @JsonProperty("last_login") @Nullable Instant lastLogin, int loginCount,
        int activeSessions, @Nullable Long contactId, @Nullable Long customerId, @Nullable ContactRef contact,
        @JsonProperty("created") Instant created, @Nullable Instant lockedUntil, boolean emailVerified,
        @Nullable String pendingEmail) {

    /** A role as a user's profile lists it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RoleRef(long id, String name, String groupId) {}
}
