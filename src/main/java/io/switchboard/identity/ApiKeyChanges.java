package io.switchboard.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * Changes to an API key (A-APIK-16/26); a {@code null} component leaves the field as it is.
 * {@code expiresAt}: {@code Optional.empty()} = never expires. The key value itself only changes by regenerating.
 */
public record ApiKeyChanges(@Nullable String name, @Nullable String description,
        @Nullable Optional<Instant> expiresAt, @Nullable List<String> permissions) {}
