package io.switchboard.notification.mailjet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.internal.EmailGatewayException;
import io.switchboard.notification.internal.NotificationProperties;
import io.switchboard.notification.internal.OutgoingEmail;
import io.switchboard.notification.internal.SendOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailjetEmailGatewayTests {

    FakeMailjet mailjet;
    MailjetEmailGateway gateway;

    @BeforeEach
    void start() {
        mailjet = FakeMailjet.start();
        gateway = new MailjetEmailGateway(settings(mailjet.baseUrl(), FakeMailjet.API_SECRET, Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        gateway.destroy();
        mailjet.close();
    }

    @Test
    void sendsOneTemplateMessageWithVariablesAndCustomId() {
        var email = passwordReset("reset:" + UUID.randomUUID());

        var outcome = gateway.send(email);

        assertThat(mailjet.accepted()).singleElement().satisfies(message -> {
            assertThat(message.customId()).isEqualTo(email.customId());
            assertThat(message.fromEmail()).isEqualTo("noreply@switchboard.local");
            assertThat(message.fromName()).isEqualTo("Switchboard");
            assertThat(message.toEmail()).isEqualTo("ana@example.com");
            assertThat(message.toName()).isEqualTo("Ana Pérez");
            assertThat(message.templateId()).isEqualTo(5977511L);
            assertThat(message.subject()).isEqualTo("Password Reset Request");
            assertThat(message.variables()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "user_name", "Ana", "reset_url", "https://switchboard.local/reset?token=abc", "expiry_time", "1 hour"));
        });
        assertThat(outcome).isEqualTo(new SendOutcome.Sent(String.valueOf(mailjet.accepted().get(0).messageId())));
    }

    @Test
    void sendsWithoutANameWhenTheRecipientHasNone() {
        var email = new OutgoingEmail(EmailTemplate.PASSWORD_RESET, 5977511, "noreply@switchboard.local", null,
                "nameless@example.com", null, "Password Reset Request", Map.of("user_name", "x"), "nameless:1");

        assertThat(gateway.send(email)).isInstanceOf(SendOutcome.Sent.class);
        assertThat(mailjet.accepted("nameless:1")).singleElement()
                .satisfies(message -> assertThat(message.toName()).isNull());
    }

    @Test
    void mapsAPerMessageErrorToAPermanentRejection() {
        mailjet.onlyTemplates(1L, 2L);

        var outcome = gateway.send(passwordReset("reset:" + UUID.randomUUID()));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("send-0010").contains("TemplateID"));
        assertThat(mailjet.accepted()).isEmpty();
    }

    @Test
    void mapsAnInvalidRecipientAddressToAPermanentRejection() {
        var email = new OutgoingEmail(EmailTemplate.PASSWORD_RESET, 5977511, "noreply@switchboard.local", null,
                "someone@localhost", null, "Password Reset Request", Map.of("user_name", "x"), "bad-address:1");

        assertThat(gateway.send(email)).isInstanceOfSatisfying(SendOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("mj-0013").contains("To[0].Email"));
    }

    @Test
    void treatsServerErrorsAsRetryable() {
        mailjet.failNextSendWith(500).failNextSendWith(503);

        assertThat(gateway.send(passwordReset("a:" + UUID.randomUUID()))).isInstanceOfSatisfying(
                SendOutcome.NotSent.class, notSent -> assertThat(notSent.reason())
                        .contains("Mailjet server error: Internal Server Error").contains("ErrorIdentifier"));
        assertThat(gateway.send(passwordReset("b:" + UUID.randomUUID()))).isInstanceOfSatisfying(
                SendOutcome.NotSent.class, notSent -> assertThat(notSent.reason()).contains("Service Unavailable"));
        assertThat(mailjet.accepted()).isEmpty();
    }

    @Test
    void treatsRateLimitingAsRetryable() {
        mailjet.failNextSendWith(429);

        assertThat(gateway.send(passwordReset("c:" + UUID.randomUUID()))).isInstanceOfSatisfying(
                SendOutcome.NotSent.class, notSent -> assertThat(notSent.reason()).contains("429"));
    }

    @Test
    void treatsRefusedCredentialsAsRetryableAccountProblem() {
        var wrongSecret = new MailjetEmailGateway(settings(mailjet.baseUrl(), "not-the-secret", Duration.ofSeconds(2)));
        try {
            assertThat(wrongSecret.send(passwordReset("d:" + UUID.randomUUID()))).isInstanceOfSatisfying(
                    SendOutcome.NotSent.class, notSent -> assertThat(notSent.reason()).contains("401"));
        } finally {
            wrongSecret.destroy();
        }
        assertThat(mailjet.accepted()).isEmpty();
    }

    @Test
    void treatsAnUnreachableMailjetAsNotSent() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var nowhere = new MailjetEmailGateway(settings("http://127.0.0.1:" + closedPort, FakeMailjet.API_SECRET,
                Duration.ofSeconds(2)));
        try {
            assertThat(nowhere.send(passwordReset("e:" + UUID.randomUUID()))).isInstanceOfSatisfying(
                    SendOutcome.NotSent.class, notSent -> assertThat(notSent.reason()).contains("unreachable"));
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void treatsADroppedConnectionAsOutcomeUnknownAndNeverResendsByItself() {
        gateway.send(passwordReset("warm-up:" + UUID.randomUUID())); // leaves a pooled keep-alive connection
        mailjet.acceptNextSendButDropAnswer();
        var email = passwordReset("dropped:" + UUID.randomUUID());

        assertThat(gateway.send(email)).isInstanceOf(SendOutcome.Unknown.class);
        // the HTTP client must not quietly repeat the POST on a fresh connection: Mailjet has no idempotency key
        assertThat(mailjet.sendRequests()).isEqualTo(2);
        assertThat(mailjet.accepted(email.customId())).hasSize(1);
    }

    @Test
    void treatsAReadTimeoutAsOutcomeUnknown() {
        var impatient = new MailjetEmailGateway(settings(mailjet.baseUrl(), FakeMailjet.API_SECRET,
                Duration.ofMillis(300)));
        mailjet.delayNextSend(Duration.ofSeconds(2));
        try {
            assertThat(impatient.send(passwordReset("slow:" + UUID.randomUUID()))).isInstanceOf(SendOutcome.Unknown.class);
        } finally {
            impatient.destroy();
        }
    }

    @Test
    void findsAMessageMailjetAlreadyHoldsByCustomId() {
        mailjet.acceptNextSendButDropAnswer();
        var email = passwordReset("lost-answer:" + UUID.randomUUID());
        gateway.send(email);

        assertThat(gateway.findSent(email.customId()))
                .contains(String.valueOf(mailjet.accepted(email.customId()).get(0).messageId()));
        assertThat(gateway.findSent("never-sent:" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void reportsAFailedLookupAsGatewayUnavailable() {
        mailjet.failNextLookupWith(500);

        assertThatThrownBy(() -> gateway.findSent("whatever")).isInstanceOf(EmailGatewayException.class);
    }

    @Test
    void refusesToStartWithoutCredentials() {
        assertThatThrownBy(() -> new MailjetEmailGateway(settings(mailjet.baseUrl(), " ", Duration.ofSeconds(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SWITCHBOARD_MAILJET_API_SECRET");
    }

    private static OutgoingEmail passwordReset(String customId) {
        return new OutgoingEmail(EmailTemplate.PASSWORD_RESET, 5977511, "noreply@switchboard.local", "Switchboard",
                "ana@example.com", "Ana Pérez", "Password Reset Request",
                Map.of("user_name", "Ana", "reset_url", "https://switchboard.local/reset?token=abc", "expiry_time",
                        "1 hour"),
                customId);
    }

    static NotificationProperties.Mailjet settings(String baseUrl, String secret, Duration readTimeout) {
        var templates = new EnumMap<EmailTemplate, NotificationProperties.Template>(EmailTemplate.class);
        for (EmailTemplate template : EmailTemplate.values()) {
            templates.put(template, new NotificationProperties.Template("noreply@switchboard.local", "Switchboard",
                    5977500 + template.ordinal(), template.name()));
        }
        return new NotificationProperties.Mailjet(FakeMailjet.API_KEY, secret, baseUrl, Duration.ofSeconds(2),
                readTimeout, templates);
    }
}
