package io.switchboard.identity;

import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * An API key to generate (A-APIK-06/24).
 *
 * @param expiresAt   when the key stops working; {@code null}: never (not recommended)
 * @param permissions permission names, at most the creator's own
 * @param customerId  binds the key to one customer (its requests see only that customer's records);
 *                    customer users' keys are always bound to their own customer
 */
public record NewApiKey(String name, @Nullable String description, @Nullable Instant expiresAt,
        List<String> permissions, @Nullable Long customerId) {}
