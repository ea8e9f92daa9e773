package io.switchboard.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A key just generated (A-APIK-24): the only time {@code apiKey} is ever shown. Nothing can show it again.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record IssuedApiKey(long apiKeyId, String name, @Nullable String description, String apiKey,
        String maskedKey, ApiKeyStatus status, @JsonProperty("created") Instant created,
        @Nullable Instant expiryDate, List<String> permissions, @Nullable Long customerId) {

    /** Never the key itself (Spring MVC logs answers at DEBUG). */
    @Override
    public String toString() {
        return "IssuedApiKey[id=" + apiKeyId + ", " + maskedKey + "]";
    }
}
