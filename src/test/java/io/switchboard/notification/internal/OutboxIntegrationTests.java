package io.switchboard.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The claim protocol's SQL, on rows this test holds in a state of its choosing (the dispatcher cannot take them). */
@SwitchboardIntegrationTest
class OutboxIntegrationTests {

    @Autowired
    Outbox outbox;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void leavesARowAloneWhileItsLeaseRuns() {
        var key = "lease-runs:" + UUID.randomUUID();
        var token = queueClaimedBy(key, "other-node");

        var claimed = outbox.claimDue(500, Duration.ofMinutes(5), "test-node");
        try {
            assertThat(claimed).extracting(ClaimedEmail::idempotencyKey).doesNotContain(key);
            assertThat(tokenOf(key)).isEqualTo(token);
        } finally {
            claimed.forEach(outbox::release); // other tests' rows this test happened to claim
        }
    }

    @Test
    void ignoresWriteBacksFromANodeThatLostItsClaim() {
        var key = "lost-claim:" + UUID.randomUUID();
        var current = queueClaimedBy(key, "current-node");
        var stale = claimedView(key, UUID.randomUUID());

        assertThat(outbox.markSent(stale, "mailjet", "1")).isFalse();
        assertThat(outbox.markFailed(stale, "x")).isFalse();
        assertThat(outbox.markForRetry(stale, Duration.ofMinutes(1), "x", false)).isFalse();

        assertThat(status(key)).isEqualTo("SENDING");
        assertThat(tokenOf(key)).isEqualTo(current);
    }

    @Test
    void releasesAnUnattemptedClaimAtOnceWithoutCountingIt() {
        var key = "release:" + UUID.randomUUID();
        var token = queueClaimedBy(key, "stopping-node");

        // in one transaction, so the row stays locked (skipped by the dispatcher) until it has been looked at
        var row = transaction.execute(status -> {
            assertThat(outbox.release(claimedView(key, token))).isTrue();
            return jdbc.sql("SELECT status, attempts, claim_token IS NULL AS unclaimed, next_attempt_at <= now() AS due "
                    + "FROM notification_outbox WHERE idempotency_key = :key").param("key", key).query().singleRow();
        });

        assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 0)
                .containsEntry("unclaimed", true).containsEntry("due", true);
    }

    /** Queues an email and, in the same transaction, makes it claimed by {@code node} for an hour. */
    private UUID queueClaimedBy(String key, String node) {
        var token = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            notifications.enqueue(new EmailRequest(EmailTemplate.PASSWORD_CHANGE, "ana@example.com", null,
                    Map.of("user_name", "Ana", "change_date", "today", "changed_by", "Myself", "support_email",
                            "help@example.com"),
                    key));
            jdbc.sql("""
                    UPDATE notification_outbox SET status = 'SENDING', attempts = 1, claim_token = :token,
                           claimed_by = :node, next_attempt_at = now() + interval '1 hour'
                     WHERE idempotency_key = :key
                    """).param("token", token).param("node", node).param("key", key).update();
        });
        return token;
    }

    private ClaimedEmail claimedView(String key, UUID token) {
        long id = jdbc.sql("SELECT id FROM notification_outbox WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single();
        return new ClaimedEmail(id, token, key, "PASSWORD_CHANGE", EmailTemplate.PASSWORD_CHANGE, "ana@example.com",
                null, Map.of(), 1, false);
    }

    private UUID tokenOf(String key) {
        return jdbc.sql("SELECT claim_token FROM notification_outbox WHERE idempotency_key = :key").param("key", key)
                .query(UUID.class).single();
    }

    private String status(String key) {
        return jdbc.sql("SELECT status FROM notification_outbox WHERE idempotency_key = :key").param("key", key)
                .query(String.class).single();
    }
}
