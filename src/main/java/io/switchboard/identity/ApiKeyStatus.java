package io.switchboard.identity;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.lang.Nullable;

/**
 * The status of an API key (A-APIK-17), derived at the moment of asking from its expiry and revocation, never
 * stored: a key becomes Expired the second its expiry passes, without any job running.
 */
public enum ApiKeyStatus {
    ACTIVE, EXPIRING_SOON, EXPIRED, REVOKED;

    /** Keys expiring within this period are "expiring soon" (A-APIK-05). */
    public static final Duration EXPIRING_SOON_WITHIN = Duration.ofDays(30);

    public static ApiKeyStatus of(@Nullable Instant expiresAt, @Nullable Instant revokedAt, Instant now) {
        if (revokedAt != null) {
            return REVOKED;
        }
        if (expiresAt == null) {
            return ACTIVE;
        }
        if (!now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return now.plus(EXPIRING_SOON_WITHIN).isBefore(expiresAt) ? ACTIVE : EXPIRING_SOON;
    }

    /** Whether a request may authenticate with a key in this status. */
    public boolean authenticates() {
        return this == ACTIVE || this == EXPIRING_SOON;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code active}, {@code expiring_soon}, {@code expired} or {@code revoked} (any case). */
    public static ApiKeyStatus parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
