package io.switchboard.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * An API key as lists and the detail view show it (A-APIK-04/13): never the key itself, only its masked form.
 *
 * @param maskedKey  the key's prefix and last characters, e.g. {@code sk_live_Ab3d…XyZ0}
 * @param expiryDate {@code null}: never expires
 * @param customerId the customer a bound key acts for; {@code null}: not bound
 * @param createdBy  the creator's username
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyInfo(long apiKeyId, String name, @Nullable String description, String maskedKey,
        ApiKeyStatus status, @JsonProperty("created") Instant created, @Nullable Instant expiryDate,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, List<String> permissions,
        @Nullable Long customerId, String createdBy) {}
