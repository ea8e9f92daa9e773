package io.switchboard.identity;

import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * A 2FA reset request as its requester may see it: no staff notes.
 *
 * @param id        the request's id
 * @param userId    whose second factor is to be reset
 * @param status    where it stands
 * @param createdAt when it was made
 */
public record TwoFactorResetRequest(long id, long userId, TwoFactorResetStatus status, Instant createdAt,
        @Nullable Instant closedAt) {}
