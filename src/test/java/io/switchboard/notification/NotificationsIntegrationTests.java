package io.switchboard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.notification.internal.OutboxDispatcher;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox in the running application, which is in sandbox mode: mail is captured, not sent. */
@SwitchboardIntegrationTest
class NotificationsIntegrationTests {

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @PersistenceContext
    EntityManager entityManager;

    OutboxRows rows;

    @BeforeEach
    void rows() {
        rows = new OutboxRows(jdbc);
    }

    @Test
    void storesTheEmailInTheCallersTransaction() {
        var key = key("joins");

        transaction.executeWithoutResult(status -> {
            notifications.enqueue(passwordReset(key));
            // the JPA side of the same transaction sees the row before commit: one connection, one transaction
            Number seen = (Number) entityManager
                    .createNativeQuery("SELECT count(*) FROM notification_outbox WHERE idempotency_key = :key")
                    .setParameter("key", key).getSingleResult();
            assertThat(seen.intValue()).isEqualTo(1);
        });

        assertThat(rows.count(key)).isEqualTo(1);
    }

    @Test
    void discardsTheEmailWhenTheCallersTransactionRollsBack() {
        var key = key("rollback");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            notifications.enqueue(passwordReset(key));
            throw new IllegalStateException("the change that caused the email failed");
        })).hasMessageContaining("caused the email failed");

        assertThat(rows.count(key)).isZero();
        assertThat(capturedCount(key)).isZero();
    }

    @Test
    void refusesToQueueOutsideATransaction() {
        var key = key("no-tx");

        assertThatThrownBy(() -> notifications.enqueue(passwordReset(key)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows.count(key)).isZero();
    }

    @Test
    void ignoresARepeatWithTheSameIdempotencyKey() {
        var key = key("twice");

        boolean first = transaction.execute(status -> notifications.enqueue(passwordReset(key)));
        boolean second = transaction.execute(status -> notifications.enqueue(
                new EmailRequest(EmailTemplate.PASSWORD_RESET, "someone.else@example.com", null,
                        Map.of("user_name", "Other", "reset_url", "https://x.example/r", "expiry_time", "1 hour"), key)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(rows.count(key)).isEqualTo(1);
        rows.awaitStatus(key, "SENT", 1);
        assertThat(capturedCount(key)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT to_email FROM notification_sandbox_mail WHERE custom_id = :key")
                .param("key", key).query(String.class).single()).isEqualTo("ana@example.com");
    }

    @Test
    void sendsAfterCommitAndScrubsSecretsFromTheOutbox() {
        var key = key("sent");
        double sentBefore = meters.counter("switchboard.notification.emails", "outcome", "sent").count();

        transaction.executeWithoutResult(status -> notifications.enqueue(new EmailRequest(EmailTemplate.PASSWORD_RESET,
                "ana@example.com", "Ana", Map.of("user_name", "Ana", "reset_url",
                        "https://switchboard.local/reset?token=s3cret", "expiry_time", "1 hour"), key, 77L)));

        var row = rows.awaitStatus(key, "SENT", 1);
        assertThat(row.provider()).isEqualTo("sandbox");
        assertThat(row.customerId()).isEqualTo(77L);
        assertThat(meters.counter("switchboard.notification.emails", "outcome", "sent").count()).isGreaterThan(sentBefore);
        assertThat(row.variables()).doesNotContain("s3cret").contains("[scrubbed]").contains("\"user_name\": \"Ana\"");
        long capturedId = Long.parseLong(row.providerMessageId().substring("sandbox-".length()));
        var captured = jdbc.sql("""
                SELECT template, template_id, from_email, to_email, to_name, subject, variables ->> 'reset_url'
                  FROM notification_sandbox_mail WHERE id = :id
                """).param("id", capturedId).query().singleRow();
        assertThat(captured.values()).containsExactly("PASSWORD_RESET", 5977511L, "noreply@switchboard.local",
                "ana@example.com", "Ana", "Password Reset Request", "https://switchboard.local/reset?token=s3cret");
    }

    @Test
    void sendsOptionalVariablesTheCallerLeftOutAsEmpty() {
        var key = key("optional");

        transaction.executeWithoutResult(status -> notifications.enqueue(new EmailRequest(
                EmailTemplate.PASSWORD_RESET_SUCCESS, "ana@example.com", null,
                Map.of("user_name", "Ana", "change_date", "2026-11-22", "support_email", "help@example.com"), key)));

        rows.awaitStatus(key, "SENT", 1);
        assertThat(jdbc.sql("SELECT variables ->> 'ip_address' FROM notification_sandbox_mail WHERE custom_id = :key")
                .param("key", key).query(String.class).single()).isEmpty();
    }

    @Test
    void resendsAClaimWhoseNodeDiedOnceItsLeaseEnds() {
        var key = key("crashed-before-send");
        transaction.executeWithoutResult(status -> {
            notifications.enqueue(passwordReset(key));
            rows.claimByDeadNode(key);
        });
        rows.expireLease(key);
        dispatcher.wakeUp();

        var row = rows.awaitStatus(key, "SENT", 2);
        assertThat(row.attempts()).isEqualTo(2);
        assertThat(capturedCount(key)).isEqualTo(1);
    }

    @Test
    void doesNotResendAClaimWhoseNodeDiedAfterSending() {
        var key = key("crashed-after-send");
        transaction.executeWithoutResult(status -> {
            notifications.enqueue(passwordReset(key));
            rows.claimByDeadNode(key);
        });
        // the dead node got as far as handing the email over
        long capturedBefore = jdbc.sql("""
                INSERT INTO notification_sandbox_mail (custom_id, template, template_id, from_email, to_email, subject,
                        variables, captured_at)
                VALUES (:key, 'PASSWORD_RESET', 5977511, 'noreply@switchboard.local', 'ana@example.com',
                        'Password Reset Request', '{}', now())
                RETURNING id
                """).param("key", key).query(Long.class).single();

        rows.expireLease(key);
        dispatcher.wakeUp();

        var row = rows.awaitStatus(key, "SENT", 2);
        assertThat(row.providerMessageId()).isEqualTo("sandbox-" + capturedBefore);
        assertThat(capturedCount(key)).isEqualTo(1);
    }

    private int capturedCount(String key) {
        return jdbc.sql("SELECT count(*) FROM notification_sandbox_mail WHERE custom_id = :key")
                .param("key", key).query(Integer.class).single();
    }

    private static String key(String what) {
        return "test:" + what + ":" + UUID.randomUUID();
    }

    private static EmailRequest passwordReset(String key) {
        return new EmailRequest(EmailTemplate.PASSWORD_RESET, "ana@example.com", "Ana",
                Map.of("user_name", "Ana", "reset_url", "https://switchboard.local/reset?token=t", "expiry_time",
                        "1 hour"),
                key);
    }
}
