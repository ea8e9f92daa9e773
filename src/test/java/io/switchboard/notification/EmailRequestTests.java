package io.switchboard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailRequestTests {

    static final Map<String, String> RESET = Map.of("user_name", "Ana", "reset_url", "https://x/reset?token=t0k3n",
            "expiry_time", "1 hour");

    @Test
    void acceptsEveryRequiredVariable() {
        var request = new EmailRequest(EmailTemplate.PASSWORD_RESET, "ana@example.com", "Ana", RESET, "reset:1");

        assertThat(request.variables()).isEqualTo(RESET);
        assertThat(request.customerId()).isNull();
    }

    @Test
    void acceptsLeavingOutAnOptionalVariable() {
        var request = new EmailRequest(EmailTemplate.USER_WELCOME, "bo@example.com", null,
                Map.of("user_name", "Bo", "email", "bo@example.com", "role", "support", "login_url", "https://x",
                        "support_email", "help@x"),
                "user-welcome:7");

        assertThat(request.variables()).doesNotContainKey("temp_password");
    }

    @Test
    void rejectsAMissingRequiredVariable() {
        assertThatThrownBy(() -> new EmailRequest(EmailTemplate.PASSWORD_RESET, "ana@example.com", null,
                Map.of("user_name", "Ana"), "reset:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expiry_time, reset_url");
    }

    @Test
    void rejectsAVariableTheTemplateDoesNotHave() {
        var variables = new HashMap<>(RESET);
        variables.put("userName", "typo");

        assertThatThrownBy(() -> new EmailRequest(EmailTemplate.PASSWORD_RESET, "ana@example.com", null, variables, "k"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userName");
    }

    @Test
    void rejectsSomethingThatIsNotAnEmailAddress() {
        for (String address : new String[] {"", "ana", "ana@", "@example.com", "ana @example.com", "a@b@c"}) {
            assertThatThrownBy(() -> new EmailRequest(EmailTemplate.PASSWORD_RESET, address, null, RESET, "k"))
                    .as(address).hasMessageContaining("recipientEmail");
        }
    }

    @Test
    void rejectsABlankOrOverlongIdempotencyKey() {
        assertThatThrownBy(() -> new EmailRequest(EmailTemplate.PASSWORD_RESET, "a@example.com", null, RESET, " "))
                .hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> new EmailRequest(EmailTemplate.PASSWORD_RESET, "a@example.com", null, RESET,
                "k".repeat(EmailRequest.MAX_IDEMPOTENCY_KEY_LENGTH + 1))).hasMessageContaining("idempotencyKey");
    }

    @Test
    void rejectsARecipientNameThatCouldInjectHeaders() {
        assertThatThrownBy(() -> new EmailRequest(EmailTemplate.PASSWORD_RESET, "a@example.com", "Ana\r\nBcc: x",
                RESET, "k")).hasMessageContaining("recipientName");
    }

    @Test
    void keepsSecretsOutOfItsStringForm() {
        var request = new EmailRequest(EmailTemplate.PASSWORD_RESET, "ana@example.com", "Ana", RESET, "reset:1");

        assertThat(request.toString()).doesNotContain("t0k3n").contains("reset_url=***").contains("user_name=Ana");
    }

    @Test
    void marksTheGuideSecretsOfEachTemplate() {
        assertThat(EmailTemplate.USER_WELCOME.secretVariables()).containsExactly("temp_password");
        assertThat(EmailTemplate.PASSWORD_RESET.secretVariables()).containsExactly("reset_url");
        assertThat(EmailTemplate.EMAIL_VERIFICATION.secretVariables())
                .containsExactlyInAnyOrder("verification_url", "verification_code");
        for (EmailTemplate template : EmailTemplate.values()) {
            assertThat(template.variables()).as(template.name()).containsAll(template.secretVariables());
        }
    }
}
