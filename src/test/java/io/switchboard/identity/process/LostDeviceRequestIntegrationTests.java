package io.switchboard.identity.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.identity.SignInChallenges;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Asking for a 2FA reset at the sign-in challenge: the API ({@code POST /2fa/reset-request/user/{id}}) and the
 * web page ({@code /login/2fa/lost-device}). Bad input is a 4xx problem and changes nothing.
 */
@SwitchboardIntegrationTest
class LostDeviceRequestIntegrationTests {

    @Autowired org.springframework.boot.test.web.client.TestRestTemplate restTemplate;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient fixtureJdbc;
    @Autowired org.camunda.bpm.engine.ManagementService fixtureManagement;
    @Autowired org.camunda.bpm.engine.HistoryService fixtureHistory;
    ResetFixture fixture;

    @org.junit.jupiter.api.BeforeEach
    void makeFixture() {
        fixture = new ResetFixture(logins, restTemplate, fixtureJdbc, fixtureManagement, fixtureHistory);
    }
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;
    @Autowired SignInChallenges challenges;
    @LocalServerPort int port;

    @Test
    void theApiOpensOneRequestWithItsProcessAndAcknowledgementAndRefusesASecond() {
        var user = fixture.withTwoFactor("customer-care");
        String challenge = fixture.challenge(user);

        var first = fixture.requestReset(user.id(), body(challenge, "Lost my phone", null));
        assertThat(first.getStatusCode().value()).isEqualTo(202);
        assertThat(first.getBody()).containsEntry("status", "PENDING_VERIFICATION").containsKey("request_id");
        long id = ((Number) first.getBody().get("request_id")).longValue();
        var row = fixture.row(id);
        assertThat(row.get("reason")).isEqualTo("Lost my phone");
        assertThat(row.get("requested_from_ip")).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId((String) row.get("process_instance_id"))
                .processDefinitionKey(TwoFactorResetProcess.KEY).count()).isEqualTo(1);
        assertThat(fixture.outbox("2fa-reset:" + id + ":requested")).isEqualTo(1);
        assertThat(fixture.activity(user.id())).extracting(a -> a.get("action")).contains("TWO_FACTOR_RESET_REQUESTED");

        // the challenge is not used up by asking, and a second request is a conflict
        var second = fixture.requestReset(user.id(), body(challenge, "Again", null));
        assertThat(second.getStatusCode().value()).isEqualTo(409);
        assertThat(second.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(openRequests(user.id())).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsCreated() {
        var user = fixture.withTwoFactor("customer-care");
        String challenge = fixture.challenge(user);

        assertBadRequest(user.id(), body(challenge, "", null), "reason");
        assertBadRequest(user.id(), body(challenge, null, null), "reason");
        assertBadRequest(user.id(), body(challenge, "x".repeat(2001), null), "reason");
        assertBadRequest(user.id(), body(challenge, "Lost it", "call me maybe"), "contact_phone");
        assertBadRequest(user.id(), body(null, "Lost it", null), "challenge_token");
        assertBadRequest(user.id(), body("not-a-challenge", "Lost it", null), "challenge_token");
        // someone else's challenge does not open a request for this user
        var other = fixture.withTwoFactor("customer-care");
        assertBadRequest(user.id(), body(fixture.challenge(other), "Lost it", null), "challenge_token");
        var unknownField = new HashMap<>(body(challenge, "Lost it", null));
        unknownField.put("user_id", 1);
        assertThat(fixture.requestReset(user.id(), unknownField).getStatusCode().value()).isEqualTo(400);
        assertThat(fixture.post("/2fa/reset-request/user/abc", body(challenge, "Lost it", null), null)
                .getStatusCode().value()).isEqualTo(400);

        assertThat(jdbc.sql("SELECT count(*) FROM two_factor_reset_requests WHERE user_id IN (:a, :b)")
                .param("a", user.id()).param("b", other.id()).query(Integer.class).single()).isZero();
    }

    @Test
    void aUserWithoutTwoFactorHasNothingToReset() {
        var user = logins.withRoles("customer-care");
        String challenge = challenges.create(user.id(), false);
        var response = fixture.requestReset(user.id(), body(challenge, "Lost it", null));
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(openRequests(user.id())).isZero();
    }

    @Test
    void theLostDevicePageAsksWhatHappenedAndConfirms() {
        var user = fixture.withTwoFactor("support");
        var browser = new WebBrowser(port);
        assertThat(browser.get("/login/2fa/lost-device").redirectPath()).isEqualTo("/login");

        var signIn = browser.signIn(user.username(), user.password(), false);
        assertThat(signIn.redirectPath()).isEqualTo("/login/2fa");
        var page = browser.get("/login/2fa/lost-device");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"lost-device-form\"", "name=\"reason\"", "name=\"contact_phone\"");

        var empty = browser.submit("/login/2fa/lost-device", "/login/2fa/lost-device",
                Map.of("reason", " ", "contact_phone", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("data-testid=\"reason-error\"");
        assertThat(openRequests(user.id())).isZero();

        var sent = browser.submit("/login/2fa/lost-device", "/login/2fa/lost-device",
                Map.of("reason", "Phone fell in the sea", "contact_phone", "+34 600 000 000"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("data-testid=\"lost-device-sent\"");
        assertThat(openRequests(user.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT contact_phone FROM two_factor_reset_requests WHERE user_id = :u")
                .param("u", user.id()).query(String.class).single()).isEqualTo("+34 600 000 000");

        var again = browser.submit("/login/2fa/lost-device", "/login/2fa/lost-device",
                Map.of("reason", "Phone fell in the sea", "contact_phone", ""));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("data-testid=\"lost-device-conflict\"");
        // still not signed in: the request grants nothing
        assertThat(browser.get("/console").redirectPath()).isEqualTo("/login");
    }

    private void assertBadRequest(long userId, Map<String, Object> body, String field) {
        var response = fixture.requestReset(userId, body);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
        assertThat(response.getBody().toString()).contains(field);
    }

    private int openRequests(long userId) {
        return jdbc.sql("SELECT count(*) FROM two_factor_reset_requests WHERE user_id = :u AND status IN "
                + "('PENDING_VERIFICATION', 'PENDING_APPROVAL')").param("u", userId).query(Integer.class).single();
    }

    private static Map<String, Object> body(String challenge, String reason, String phone) {
        var body = new HashMap<String, Object>();
        body.put("challenge_token", challenge);
        body.put("reason", reason);
        if (phone != null) {
            body.put("contact_phone", phone);
        }
        return body;
    }
}
