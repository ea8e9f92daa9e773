package io.switchboard.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A user as lists show them (C-USR-05/06). {@code roles} are role names; {@code lockedUntil} is set while a
 * sign-in lockout lasts; {@code two_factor_enabled}: 2FA on.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserSummary(long id, String username, String email, String firstName, @Nullable String middleName,
        String lastName, @Nullable String phoneNumber, List<String> roles, boolean enabled, boolean deleted,
        @Nullable Instant deletedAt, boolean passwordChangeRequired, boolean serviceAccount,
        @JsonProperty("last_login") @Nullable Instant lastLogin, @Nullable Long contactId,
        @Nullable Long customerId, @JsonProperty("created") Instant created, @Nullable Instant lockedUntil,
        boolean twoFactorEnabled) {}
