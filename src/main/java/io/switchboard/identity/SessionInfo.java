package io.switchboard.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import org.springframework.lang.Nullable;

/**
 * One place a user is signed in: a web session, a remembered browser ("keep me signed in"), or an API token
 * family (a refresh token and its successors). {@code id} is opaque and never a credential.
 *
 * @param current whether this is the session (or remembered browser) the request came from
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SessionInfo(String id, Kind kind, @Nullable Instant created, @Nullable Instant lastUsed,
        @Nullable Instant expires, @Nullable String ipAddress, @Nullable String userAgent, boolean current) {

    public enum Kind { WEB, REMEMBER_ME, API }
}
