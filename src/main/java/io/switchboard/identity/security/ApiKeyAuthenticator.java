package io.switchboard.identity.security;

import io.switchboard.identity.ApiKeyStatus;
import io.switchboard.identity.internal.Secrets;
import io.switchboard.identity.internal.SignInState;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.shared.Actor;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks an {@code X-API-KEY} against the stored hashes. A key acts with its own permissions, capped by what
 * its creator may do today: a key never outlives its creator's rights, and dies with a deleted or disabled
 * creator. {@code last_used_at} is written at most once a minute per key; the condition lives in the UPDATE,
 * so it holds across nodes without any in-memory state.
 */
@Component
class ApiKeyAuthenticator {

    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final SignInStates states;

    ApiKeyAuthenticator(JdbcClient jdbc, SignInStates states) {
        this.jdbc = jdbc;
        this.states = states;
    }

    Optional<ActorAuthentication> authenticate(String presentedKey) {
        Instant now = Instant.now();
        Optional<KeyRow> found = jdbc.sql("""
                        SELECT id, name, customer_id, created_by, expires_at, revoked_at, last_used_at
                        FROM api_keys WHERE key_hash = :hash""")
                .param("hash", Secrets.sha256(presentedKey))
                .query((rs, n) -> new KeyRow(rs.getLong("id"), rs.getString("name"),
                        (Long) rs.getObject("customer_id"), rs.getLong("created_by"),
                        instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at"))))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KeyRow key = found.get();
        if (!ApiKeyStatus.of(key.expiresAt, key.revokedAt, now).authenticates()) {
            return Optional.empty();
        }
        Optional<SignInState> creator = states.find(key.createdBy).filter(SignInState::active);
        if (creator.isEmpty()) {
            return Optional.empty();
        }
        var granted = jdbc.sql("""
                        SELECT p.name FROM api_key_permissions kp JOIN permissions p ON p.id = kp.permission_id
                        WHERE kp.api_key_id = :id""")
                .param("id", key.id).query(String.class).list();
        Set<String> effective = new HashSet<>(states.expand(granted));
        effective.retainAll(creator.get().permissions());
        if (key.lastUsedAt == null || key.lastUsedAt.isBefore(now.minus(LAST_USED_GRANULARITY))) {
            jdbc.sql("""
                            UPDATE api_keys SET last_used_at = :now
                            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :threshold)""")
                    .param("now", Timestamp.from(now))
                    .param("threshold", Timestamp.from(now.minus(LAST_USED_GRANULARITY)))
                    .param("id", key.id).update();
        }
        Long customerId = key.customerId != null ? key.customerId : creator.get().customerId();
        var actor = new Actor(null, "api-key:" + key.name, customerId, Set.copyOf(effective), Set.of(), null);
        return Optional.of(new ActorAuthentication(actor, ActorAuthentication.Method.API_KEY, false));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record KeyRow(long id, String name, Long customerId, long createdBy, Instant expiresAt,
            Instant revokedAt, Instant lastUsedAt) {}
}
