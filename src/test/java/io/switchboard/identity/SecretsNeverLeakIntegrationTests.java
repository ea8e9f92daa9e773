package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Authenticator;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quality bar of issue 3: TOTP secrets, backup codes, challenge tokens, reset and verification tokens and
 * impersonation tokens never appear in the logs (even at DEBUG for Switchboard's own code), in the activity log, in
 * the 2FA-reset process's variables, or in API answers after enrolment.
 */
@SwitchboardIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("unchecked")
class SecretsNeverLeakIntegrationTests {

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired UserAdministration users;
    @Autowired JdbcClient jdbc;
    @Autowired LoggingSystem logging;

    @Test
    void noSecretOfAnyFlowReachesTheLogsTheActivityLogTheProcessOrLaterAnswers(CapturedOutput output) {
        withDebugLogs(logging, () -> run(output));
    }

    private void run(CapturedOutput output) {
        var fixtures = new ImpersonationFixtures(http, logins, users);
        var secrets = new ArrayList<String>();
        var admin = logins.withRoles("admin");
        String adminToken = logins.token(admin);

        // enrolment: the secret and the backup codes
        var user = logins.withRoles("support");
        String userToken = logins.token(user);
        var enabled = fixtures.call(HttpMethod.POST, "/2fa/enable/user/" + user.id(), Map.of("password", user.password()),
                userToken);
        assertThat(enabled.getStatusCode().value()).isEqualTo(200);
        String secret = (String) enabled.getBody().get("totp_secret");
        List<String> backupCodes = (List<String>) enabled.getBody().get("backup_codes");
        secrets.add(secret);
        secrets.addAll(backupCodes);
        var authenticator = new Authenticator(secret);
        assertThat(fixtures.call(HttpMethod.POST, "/2fa/verify-setup/user/" + user.id(),
                Map.of("code", authenticator.now()), userToken).getStatusCode().value()).isEqualTo(200);

        // a sign-in with a backup code
        String challenge = challenge(fixtures, user);
        secrets.add(challenge);
        var signedIn = fixtures.call(HttpMethod.POST, "/2fa/verify/user/" + user.id(),
                Map.of("code", backupCodes.get(0), "challenge_token", challenge), (String) null);
        assertThat(signedIn.getStatusCode().value()).as("%s", signedIn.getBody()).isEqualTo(200);
        String signedInToken = (String) signedIn.getBody().get("token");
        secrets.add(signedInToken);
        secrets.add((String) signedIn.getBody().get("refresh_token"));
        // the same backup code, and the same challenge, are refused the second time
        assertThat(fixtures.call(HttpMethod.POST, "/2fa/verify/user/" + user.id(),
                Map.of("code", backupCodes.get(0), "challenge_token", challenge(fixtures, user)), (String) null)
                .getStatusCode().value()).isEqualTo(401);

        // a password reset: the token travels only in the e-mail
        var resetter = logins.withRoles("support");
        assertThat(fixtures.call(HttpMethod.POST, "/auth/forgot_password", Map.of("email", resetter.email()), (String) null)
                .getStatusCode().value()).isEqualTo(202);
        String resetToken = AccountMail.token(jdbc, "PASSWORD_RESET", resetter.email());
        secrets.add(resetToken);
        var reset = fixtures.call(HttpMethod.POST, "/auth/reset_password",
                Map.of("token", resetToken, "new_password", "Reset-Passw0rd-" + UUID.randomUUID()), (String) null);
        assertThat(reset.getStatusCode().value()).as("%s", reset.getBody()).isEqualTo(200);
        assertThat(fixtures.call(HttpMethod.POST, "/auth/reset_password",
                Map.of("token", resetToken, "new_password", "Other-Passw0rd-" + UUID.randomUUID()), (String) null)
                .getStatusCode().value()).isEqualTo(400);

        // an e-mail change and its verification
        var mover = logins.withRoles("support");
        String newEmail = "moved-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(fixtures.call(HttpMethod.POST, "/auth/change_email", Map.of("new_email", newEmail,
                "password", mover.password()), logins.token(mover)).getStatusCode().value()).isEqualTo(202);
        String verifyToken = AccountMail.token(jdbc, "EMAIL_VERIFICATION", newEmail);
        secrets.add(verifyToken);
        assertThat(fixtures.call(HttpMethod.POST, "/auth/verify_email", Map.of("token", verifyToken), (String) null)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(fixtures.call(HttpMethod.POST, "/auth/verify_email", Map.of("token", verifyToken), (String) null)
                .getStatusCode().value()).isEqualTo(400);

        // an impersonation: its tokens
        var target = fixtures.customerUser("customer");
        var agent = logins.withPermissions("can_impersonate", "view_customer", "view_customer_contact");
        var started = fixtures.call(HttpMethod.POST, "/auth/impersonate", Map.of("user_id", target.user().id()),
                logins.token(agent));
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        String impersonationToken = (String) started.getBody().get("access_token");
        secrets.add(impersonationToken);
        secrets.add((String) started.getBody().get("refresh_token"));
        fixtures.call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, impersonationToken);
        var stopped = fixtures.call(HttpMethod.POST, "/auth/stop_impersonation", null, impersonationToken);
        assertThat(stopped.getStatusCode().value()).isEqualTo(200);
        secrets.add((String) stopped.getBody().get("access_token"));
        secrets.add((String) stopped.getBody().get("refresh_token"));

        // a lost-device 2FA reset request with the challenge token
        String resetChallenge = challenge(fixtures, user);
        secrets.add(resetChallenge);
        var requested = fixtures.call(HttpMethod.POST, "/2fa/reset-request/user/" + user.id(),
                Map.of("challenge_token", resetChallenge, "reason", "Phone fell in the sea, codes with it"), (String) null);
        assertThat(requested.getStatusCode().value()).as("%s", requested.getBody()).isEqualTo(202);
        String processInstance = jdbc.sql("SELECT process_instance_id FROM two_factor_reset_requests WHERE id = :id")
                .param("id", ((Number) requested.getBody().get("request_id")).longValue()).query(String.class).single();
        assertThat(processInstance).isNotNull();

        // answers after enrolment
        var answers = new ArrayList<ResponseEntity<String>>();
        answers.add(text("/2fa/status/user/" + user.id(), signedInToken));
        answers.add(text("/2fa/status/user/" + user.id(), adminToken));
        answers.add(text("/auth/users/" + user.id(), adminToken));
        answers.add(text("/auth/users?search=" + user.username(), adminToken));
        answers.add(text("/crm/auth/sessions", signedInToken));
        answers.add(text("/auth/impersonation_logs?target_user_id=" + target.user().id(), adminToken));
        for (var answer : answers) {
            assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        }
        String answered = answers.stream().map(ResponseEntity::getBody).reduce("", String::concat);

        var ids = List.of(user.id(), resetter.id(), mover.id(), target.user().id(), agent.id());
        String activity = String.join("\n", jdbc.sql("""
                SELECT concat_ws('|', actor_username, entity_id, action, summary, changes::text) FROM activity_log
                WHERE actor_user_id IN (:ids) OR impersonator_user_id IN (:ids)
                    OR (entity_type = 'user' AND entity_id IN (:texts))""")
                .param("ids", ids).param("texts", ids.stream().map(String::valueOf).toList())
                .query(String.class).list());
        String variables = String.join("\n", jdbc.sql("""
                SELECT concat_ws('|', v.name_, v.text_, v.text2_, convert_from(b.bytes_, 'UTF8'))
                FROM act_hi_varinst v LEFT JOIN act_ge_bytearray b ON b.id_ = v.bytearray_id_
                WHERE v.proc_inst_id_ = :pid
                UNION ALL
                SELECT concat_ws('|', v.name_, v.text_, v.text2_, convert_from(b.bytes_, 'UTF8'))
                FROM act_ru_variable v LEFT JOIN act_ge_bytearray b ON b.id_ = v.bytearray_id_
                WHERE v.proc_inst_id_ = :pid""").param("pid", processInstance).query(String.class).list());

        // the captured output is real: the flows above were logged
        assertThat(output.getAll()).contains("Password reset link queued for user " + resetter.id(),
                "2FA reset request", "User " + mover.id() + " verified their new e-mail");
        assertThat(activity).contains("TWO_FACTOR_ENABLED", "BACKUP_CODE_USED", "PASSWORD_RESET_COMPLETED",
                "TWO_FACTOR_RESET_REQUESTED");
        assertThat(variables).contains("requesterUsername", "requestReason");
        assertThat(answered).contains("enabled");
        for (String value : secrets) {
            assertThat(value).isNotBlank();
            assertThat(output.getAll()).as("the logs").doesNotContain(value);
            assertThat(activity).as("the activity log").doesNotContain(value);
            assertThat(variables).as("the 2FA-reset process variables").doesNotContain(value);
        }
        assertThat(answered).as("answers after enrolment").doesNotContain(secret);
        for (String code : backupCodes) {
            assertThat(answered).as("answers after enrolment").doesNotContain(code);
        }
    }

    /**
     * Runs {@code action} with Switchboard's and Spring MVC's loggers at DEBUG (MVC then logs request and response
     * bodies); not the test client's, which logs what the test itself sends.
     */
    static void withDebugLogs(LoggingSystem logging, Runnable action) {
        var names = List.of("io.switchboard", "org.springframework.web.servlet");
        var previous = names.stream().map(logging::getLoggerConfiguration).toList();
        names.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
        try {
            action.run();
        } finally {
            for (int i = 0; i < names.size(); i++) {
                logging.setLogLevel(names.get(i), previous.get(i) == null ? null : previous.get(i).getConfiguredLevel());
            }
        }
    }

    private ResponseEntity<String> text(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(ImpersonationFixtures.bearer(token)), String.class);
    }

    private static String challenge(ImpersonationFixtures fixtures, TestLogins.TestUser user) {
        var login = fixtures.call(HttpMethod.POST, "/crm/auth/login", Map.of("email", user.email(),
                "password", user.password()), (String) null);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        return (String) login.getBody().get("challenge_token");
    }
}
