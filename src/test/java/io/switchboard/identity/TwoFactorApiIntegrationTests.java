package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Authenticator;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.TestLogins.TestUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@SwitchboardIntegrationTest
@SuppressWarnings("unchecked")
class TwoFactorApiIntegrationTests {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired TwoFactor twoFactor;
    @Autowired SignInChallenges challenges;

    /** Enrols {@code user} through the API with their own token; answers the enrolment. */
    Map<String, Object> enrol(TestUser user) {
        String token = logins.token(user);
        var enabled = post("/2fa/enable/user/" + user.id(), Map.of("password", user.password()), token);
        assertThat(enabled.getStatusCode().value()).isEqualTo(200);
        var authenticator = new Authenticator((String) enabled.getBody().get("totp_secret"));
        var verified = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", authenticator.now()), token);
        assertThat(verified.getStatusCode().value()).as("%s", verified.getBody()).isEqualTo(200);
        assertThat(verified.getBody()).containsEntry("verified", true);
        return enabled.getBody();
    }

    @Test
    void enrolThenSignInWithACodeFromAnIndependentAuthenticator() {
        var user = logins.withRoles("support");
        String token = logins.token(user);
        var enabled = post("/2fa/enable/user/" + user.id(), Map.of("password", user.password()), token);
        assertThat(enabled.getStatusCode().value()).isEqualTo(200);
        var body = enabled.getBody();
        String secret = (String) body.get("totp_secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat((String) body.get("qr_code_url")).isEqualTo("otpauth://totp/Switchboard:" + user.email()
                + "?secret=" + secret + "&issuer=Switchboard&algorithm=SHA1&digits=6&period=30");
        assertThat((List<String>) body.get("backup_codes")).hasSize(10).allMatch(c -> c.matches("[0-9a-f]{8}"))
                .doesNotHaveDuplicates();

        // not on until confirmed: the password alone still signs in
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
        assertThat(login(user).getBody()).containsKey("token");

        var authenticator = new Authenticator(secret);
        var wrong = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", otherThan(authenticator)), token);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().toString()).contains("code");
        assertThat(twoFactor.isEnabled(user.id())).isFalse();

        var verified = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", authenticator.now()), token);
        assertThat(verified.getBody()).containsEntry("verified", true);
        assertThat(twoFactor.isEnabled(user.id())).isTrue();

        // the password step now yields only a challenge
        var first = login(user);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody()).containsEntry("two_factor_required", true)
                .containsEntry("user_id", (int) user.id()).containsEntry("expires_in", 300)
                .doesNotContainKeys("token", "access_token", "refresh_token");
        String challenge = (String) first.getBody().get("challenge_token");

        var second = post("/2fa/verify/user/" + user.id(), Map.of("code", authenticator.next(),
                "challenge_token", challenge), null);
        assertThat(second.getStatusCode().value()).as("%s", second.getBody()).isEqualTo(200);
        assertThat(second.getBody()).containsKeys("token", "refresh_token", "user", "permissions");
        assertThat(get("/2fa/status/user/" + user.id(), (String) second.getBody().get("token")).getBody())
                .containsEntry("enabled", true).containsEntry("backup_codes_remaining", 10);

        // the challenge is used up
        var again = post("/2fa/verify/user/" + user.id(), Map.of("code", authenticator.now(),
                "challenge_token", challenge), null);
        assertThat(again.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void secretsAreStoredEncryptedAndNeverInTheActivityLog() {
        var user = logins.withRoles("support");
        var enrolment = enrol(user);
        String secret = (String) enrolment.get("totp_secret");
        byte[] stored = jdbc.sql("SELECT totp_secret FROM users WHERE id = :id").param("id", user.id())
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(stored).isNotEqualTo(new org.apache.commons.codec.binary.Base32().decode(secret));
        var hashes = jdbc.sql("SELECT code_hash FROM two_factor_backup_codes WHERE user_id = :id")
                .param("id", user.id()).query(String.class).list();
        assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf((List<String>) enrolment.get("backup_codes"));
        String log = activityOf(user);
        assertThat(log).contains("TWO_FACTOR_ENABLED").doesNotContain(secret);
        for (String code : (List<String>) enrolment.get("backup_codes")) {
            assertThat(log).doesNotContain(code);
        }
        // the status shows no secret
        assertThat(get("/2fa/status/user/" + user.id(), logins.token(user)).getBody().toString())
                .doesNotContain(secret);
    }

    // ---- helpers ----

    String activityOf(TestUser user) {
        return String.join("\n", jdbc.sql("""
                        SELECT action || ' ' || summary || ' ' || changes::text FROM activity_log
                        WHERE entity_type = 'user' AND entity_id = :id ORDER BY id""")
                .param("id", String.valueOf(user.id())).query(String.class).list());
    }

    static String otherThan(Authenticator authenticator) {
        var valid = List.of(authenticator.previous(), authenticator.now(), authenticator.next());
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", (Integer.parseInt(authenticator.now()) + 500_000 + i) % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    ResponseEntity<Map<String, Object>> login(TestUser user) {
        return post("/crm/auth/login", Map.of("email", user.email(), "password", user.password()), null);
    }

    ResponseEntity<Map<String, Object>> post(String path, Object body, String token) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JSON);
    }

    ResponseEntity<Map<String, Object>> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), JSON);
    }

    static HttpHeaders headers(String token) {
        var headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    static Map<String, Object> map(Object... keyValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
