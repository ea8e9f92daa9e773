package io.switchboard.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * Changes to a user (C-USR-09): a {@code null} component leaves the field as it is. Blank middle name or phone
 * number clears it. {@code roles} replaces all roles. {@code contactId}: {@code null} = unchanged,
 * {@code Optional.empty()} = unlink, a value = link to that contact. {@code deleted=false} restores.
 */
public record UserChanges(@Nullable String email, @Nullable String firstName, @Nullable String middleName,
        @Nullable String lastName, @Nullable String phoneNumber, @Nullable List<String> roles,
        @Nullable Optional<Long> contactId, @Nullable Boolean enabled, @Nullable Boolean deleted) {

    public static UserChanges none() {
        return new UserChanges(null, null, null, null, null, null, null, null, null);
    }
}
