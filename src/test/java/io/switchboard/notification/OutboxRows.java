package io.switchboard.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and nudges {@code notification_outbox} rows from tests, by idempotency key. */
final class OutboxRows {

    record Row(String status, int attempts, String provider, String providerMessageId, String lastError,
            String variables, Instant nextAttemptAt, Instant lastAttemptAt, String claimedBy, boolean outcomeUnknown,
            Long customerId) {}

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(String key) {
        return jdbc.sql("""
                SELECT status, attempts, provider, provider_message_id, last_error, variables::text AS variables,
                       next_attempt_at, last_attempt_at, claimed_by, outcome_unknown, customer_id
                  FROM notification_outbox WHERE idempotency_key = :key
                """)
                .param("key", key)
                .query((rs, n) -> new Row(rs.getString("status"), rs.getInt("attempts"), rs.getString("provider"),
                        rs.getString("provider_message_id"), rs.getString("last_error"), rs.getString("variables"),
                        rs.getTimestamp("next_attempt_at").toInstant(),
                        rs.getTimestamp("last_attempt_at") == null ? null : rs.getTimestamp("last_attempt_at").toInstant(),
                        rs.getString("claimed_by"), rs.getBoolean("outcome_unknown"),
                        (Long) rs.getObject("customer_id")))
                .optional();
    }

    Row get(String key) {
        return find(key).orElseThrow(() -> new AssertionError("no outbox row " + key));
    }

    int count(String key) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE idempotency_key = :key")
                .param("key", key).query(Integer.class).single();
    }

    /** Waits until the row reaches {@code status} with at least {@code attempts} attempts. */
    Row awaitStatus(String key, String status, int attempts) {
        return Eventually.await(Duration.ofSeconds(60), key + " " + status + " after " + attempts + " attempts",
                () -> find(key).orElse(null),
                row -> row != null && row.status().equals(status) && row.attempts() >= attempts);
    }

    /** Time travel for one row: its next attempt is due now (what waiting out the back-off would do). */
    void makeDue(String key) {
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = now() WHERE idempotency_key = :key AND status = 'PENDING'")
                .param("key", key).update();
    }

    /**
     * Makes the row look claimed by a node that then died: SENDING, one attempt made, lease running for an hour.
     * {@link #expireLease} ends the lease.
     */
    void claimByDeadNode(String key) {
        jdbc.sql("""
                UPDATE notification_outbox
                   SET status = 'SENDING', attempts = attempts + 1, claim_token = gen_random_uuid(),
                       claimed_by = 'node-that-died', last_attempt_at = now(),
                       next_attempt_at = now() + interval '1 hour'
                 WHERE idempotency_key = :key
                """).param("key", key).update();
    }

    void expireLease(String key) {
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = now() - interval '1 second' "
                + "WHERE idempotency_key = :key AND status = 'SENDING'").param("key", key).update();
    }

    static Duration between(Instant from, Instant to) {
        return Duration.between(from, to);
    }
}
