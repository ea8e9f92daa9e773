package io.switchboard.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * A user's 2FA at a glance: on or off, since when, unused backup codes, whether policy (a role or the global
 * setting) requires it, and whether an enrolment (or a new device) waits for its confirming code.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TwoFactorStatus(long userId, boolean enabled, @Nullable Instant enrolledAt, int backupCodesRemaining,
        boolean requiredByPolicy, boolean setupPending) {

    /** Required but not on yet: the user may do nothing but enrol. */
    public boolean enrolmentRequired() {
        return requiredByPolicy && !enabled;
    }
}
