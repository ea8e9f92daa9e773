package io.switchboard.notification;

import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.notification.mailjet.FakeMailjet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two Switchboard nodes on one database (DESIGN.md "Scale-out"), sandbox off, both sending through the real
 * Mailjet adapter to one {@link FakeMailjet}: each email leaves exactly once whichever node claims it, failures
 * are retried with exponential back-off and finally given up, and a node's death mid-send neither loses nor
 * doubles an email. A web session started on one node is served by the other, and the models are deployed once.
 * <p>
 * The nodes are started once for the class ({@link #nodes}), so further cluster tests can be added as methods.
 * Back-offs are not waited out: {@link OutboxRows#makeDue} moves a row's next attempt to now, as time would.
 */
class TwoNodeClusterIntegrationTests {

    static FakeMailjet mailjet;
    static AppNodes nodes;
    static OutboxRows rows;

    @BeforeAll
    static void startTwoNodes() {
        mailjet = FakeMailjet.start();
        nodes = AppNodes.start(2, Map.of(
                "switchboard.demo-data", "true",
                "switchboard.sandbox", "false",
                "switchboard.notification.mailjet.base-url", mailjet.baseUrl(),
                "switchboard.notification.mailjet.api-key", FakeMailjet.API_KEY,
                "switchboard.notification.mailjet.api-secret", FakeMailjet.API_SECRET,
                "switchboard.notification.mailjet.read-timeout", "5s",
                "switchboard.notification.outbox.poll-interval", "300ms",
                "switchboard.notification.outbox.batch-size", "5"));
        rows = new OutboxRows(nodes.jdbc());
    }

    @AfterAll
    static void stopTwoNodes() {
        if (nodes != null) {
            nodes.close();
        }
        if (mailjet != null) {
            mailjet.close();
        }
    }

    @BeforeEach
    void resetMailjet() {
        mailjet.reset();
    }

    @Test
    void sendsEachEmailExactlyOnceAcrossTwoNodes() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var keys = new ArrayList<String>();
        for (int batch = 0; batch < 20; batch++) {
            var batchKeys = new ArrayList<String>();
            for (int i = 0; i < 10; i++) {
                batchKeys.add("exactly-once:" + run + ":" + (batch * 10 + i));
            }
            enqueue(nodes.node(batch % 2), batchKeys);
            keys.addAll(batchKeys);
        }

        Eventually.await(Duration.ofSeconds(120), "200 emails SENT", () -> sentCount("exactly-once:" + run + ":%"),
                sent -> sent == 200);

        for (String key : keys) {
            var accepted = mailjet.accepted(key);
            assertThat(accepted).as(key).hasSize(1);
            assertThat(rows.get(key).providerMessageId()).isEqualTo(String.valueOf(accepted.get(0).messageId()));
        }
        assertThat(mailjet.accepted().stream().filter(m -> m.customId().startsWith("exactly-once:" + run))).hasSize(200);
        System.out.println("Emails sent per node: " + nodes.jdbc().sql("""
                SELECT claimed_by, count(*) FROM notification_outbox WHERE idempotency_key LIKE :pattern
                 GROUP BY claimed_by""").param("pattern", "exactly-once:" + run + ":%").query().listOfRows());
    }

    @Test
    void retriesWithExponentialBackOffUntilMailjetTakesTheEmail() {
        mailjet.failNextSendWith(500).failNextSendWith(503);
        String key = "retry:" + UUID.randomUUID();
        enqueue(nodes.node(0), List.of(key));

        var first = rows.awaitStatus(key, "PENDING", 1);
        assertThat(first.lastError()).contains("Mailjet server error").contains("ErrorIdentifier");
        assertThat(waitBefore(first)).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(1).plusSeconds(30));

        rows.makeDue(key);
        var second = rows.awaitStatus(key, "PENDING", 2);
        assertThat(second.lastError()).contains("Service Unavailable");
        assertThat(waitBefore(second)).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(2).plusSeconds(30));

        rows.makeDue(key);
        var sent = rows.awaitStatus(key, "SENT", 3);
        assertThat(mailjet.accepted(key)).singleElement()
                .satisfies(m -> assertThat(sent.providerMessageId()).isEqualTo(String.valueOf(m.messageId())));
        assertThat(sent.provider()).isEqualTo("mailjet");
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        mailjet.failAllSendsWith(503);
        String key = "give-up:" + UUID.randomUUID();
        enqueue(nodes.node(1), List.of(key));

        for (int attempt = 1; attempt < 8; attempt++) {
            var row = rows.awaitStatus(key, "PENDING", attempt);
            var expected = Duration.ofMinutes(1L << (attempt - 1)).compareTo(Duration.ofHours(1)) > 0
                    ? Duration.ofHours(1) : Duration.ofMinutes(1L << (attempt - 1));
            assertThat(waitBefore(row)).as("wait after attempt " + attempt)
                    .isBetween(expected, expected.plusSeconds(30));
            rows.makeDue(key);
        }

        var failed = rows.awaitStatus(key, "FAILED", 8);
        assertThat(failed.attempts()).isEqualTo(8);
        assertThat(failed.lastError()).contains("gave up after 8 attempts").contains("Service Unavailable");
        assertThat(failed.variables()).contains("[scrubbed]").doesNotContain("token=");
        assertThat(mailjet.accepted(key)).isEmpty();
    }

    @Test
    void givesUpAtOnceWhenMailjetRejectsTheEmail() {
        mailjet.onlyTemplates(1L);
        String key = "rejected:" + UUID.randomUUID();
        enqueue(nodes.node(0), List.of(key));

        var failed = rows.awaitStatus(key, "FAILED", 1);

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("rejected by mailjet").contains("send-0010");
        assertThat(mailjet.sendRequests()).isEqualTo(1);
    }

    @Test
    void asksMailjetBeforeRetryingAnEmailWhoseAnswerWasLost() {
        mailjet.acceptNextSendButDropAnswer();
        String key = "lost-answer:" + UUID.randomUUID();
        enqueue(nodes.node(1), List.of(key));

        var unknown = rows.awaitStatus(key, "PENDING", 1);
        assertThat(unknown.outcomeUnknown()).isTrue();
        rows.makeDue(key);

        var sent = rows.awaitStatus(key, "SENT", 2);
        assertThat(mailjet.accepted(key)).singleElement()
                .satisfies(m -> assertThat(sent.providerMessageId()).isEqualTo(String.valueOf(m.messageId())));
        assertThat(mailjet.sendRequests()).isEqualTo(1);
        assertThat(mailjet.lookupRequests()).isEqualTo(1);
    }

    @Test
    void resendsOnceAnEmailWhoseNodeDiedBeforeMailjetGotIt() {
        String key = "died-before:" + UUID.randomUUID();
        enqueueClaimedByADeadNode(key);

        rows.expireLease(key);

        var sent = rows.awaitStatus(key, "SENT", 2);
        assertThat(mailjet.accepted(key)).singleElement()
                .satisfies(m -> assertThat(sent.providerMessageId()).isEqualTo(String.valueOf(m.messageId())));
        assertThat(mailjet.lookupRequests()).isEqualTo(1);
    }

    @Test
    void doesNotResendAnEmailWhoseNodeDiedAfterMailjetGotIt() {
        String key = "died-after:" + UUID.randomUUID();
        enqueueClaimedByADeadNode(key);
        long alreadyThere = mailjet.alreadyHolds(key, "ana@example.com");

        rows.expireLease(key);

        var sent = rows.awaitStatus(key, "SENT", 2);
        assertThat(sent.providerMessageId()).isEqualTo(String.valueOf(alreadyThere));
        assertThat(mailjet.accepted(key)).hasSize(1);
        assertThat(mailjet.sendRequests()).isZero();
    }

    private long sentCount(String keyPattern) {
        return nodes.jdbc().sql("SELECT count(*) FROM notification_outbox WHERE idempotency_key LIKE :pattern "
                + "AND status = 'SENT'").param("pattern", keyPattern).query(Long.class).single();
    }

    private static Duration waitBefore(OutboxRows.Row row) {
        return Duration.between(row.lastAttemptAt(), row.nextAttemptAt());
    }

    private static void enqueue(ConfigurableApplicationContext node, List<String> keys) {
        var notifications = node.getBean(Notifications.class);
        node.getBean(TransactionTemplate.class).executeWithoutResult(status -> keys.forEach(key ->
                notifications.enqueue(passwordReset(key))));
    }

    private static void enqueueClaimedByADeadNode(String key) {
        var node = nodes.node(0);
        node.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            node.getBean(Notifications.class).enqueue(passwordReset(key));
            rows.claimByDeadNode(key);
        });
    }

    private static EmailRequest passwordReset(String key) {
        return new EmailRequest(EmailTemplate.PASSWORD_RESET, "ana@example.com", "Ana",
                Map.of("user_name", "Ana", "reset_url", "https://switchboard.local/reset?token=" + UUID.randomUUID(),
                        "expiry_time", "1 hour"),
                key);
    }

    @Test
    void aWebSessionSurvivesASwitchOfNode() {
        var user = nodes.node(0).getBean(TestLogins.class).withRoles("support");
        var onFirstNode = new WebBrowser(nodes.port(0));
        var signedIn = onFirstNode.signIn(user.username(), user.password(), false);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(onFirstNode.cookie("SESSION")).as("session cookie").isPresent();
        assertThat(onFirstNode.cookie("remember-me")).as("no remember-me: the session alone must carry over").isEmpty();

        var onSecondNode = onFirstNode.switchTo(nodes.port(1));
        var console = onSecondNode.get("/console");

        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).contains(user.username());
    }

    @Test
    void demoDataIsCreatedOnceAndItsPortalUserSeesOnlyTheirCustomer() {
        var jdbc = nodes.jdbc();
        assertThat(jdbc.sql("SELECT count(*) FROM customer WHERE customer_name = 'Northwind Logistics Ltd'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username IN ('customer', 'customer-admin', 'care')")
                .query(Long.class).single()).isEqualTo(3);

        var portal = new WebBrowser(nodes.port(1));
        assertThat(portal.signIn("customer", "Demo123!", false).redirectPath()).isEqualTo("/portal");
        assertThat(portal.get("/console").redirectPath()).isEqualTo("/portal");
    }

    @Test
    void theModelsAreDeployedOnceWhateverTheNumberOfNodes() {
        var repository = nodes.node(1).getBean(org.camunda.bpm.engine.RepositoryService.class);
        assertThat(repository.createDeploymentQuery().deploymentName("switchboard").count()).isEqualTo(1);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("DeploymentSmokeProcess").count())
                .isEqualTo(1);
    }
}
