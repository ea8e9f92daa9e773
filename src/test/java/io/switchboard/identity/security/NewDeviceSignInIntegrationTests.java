package io.switchboard.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.TestLogins.TestUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The security email on a sign-in from a new browser/IP pair. The test profile trusts the test JVM (127.0.0.1) as
 * a reverse proxy, so X-Forwarded-For sets the client address.
 */
@SwitchboardIntegrationTest
class NewDeviceSignInIntegrationTests {

    static final String FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final String CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
            + "Gecko) Chrome/126.0.0.0 Safari/537.36";

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;

    @Test
    void theFirstSignInSendsNothingANewDeviceSendsOneEmailAndTheSameDeviceNoMore() {
        var user = logins.withRoles("support");

        signIn(user, FIREFOX_LINUX, "10.20.0.1");
        assertThat(emails(user)).isEmpty();
        assertThat(devices(user)).isEqualTo(1);

        signIn(user, FIREFOX_LINUX, "10.20.0.1");
        signIn(user, FIREFOX_LINUX.replace("128.0", "129.0"), "10.20.0.1"); // a browser update is the same device
        assertThat(emails(user)).isEmpty();
        assertThat(devices(user)).isEqualTo(1);

        signIn(user, CHROME_WINDOWS, "10.20.0.1");
        var first = emails(user);
        assertThat(first).hasSize(1);
        assertThat(first.get(0)).containsEntry("recipient_email", user.email());
        assertThat((String) first.get(0).get("variables")).contains("\"browser\": \"Chrome\"",
                "\"operating_system\": \"Windows\"", "\"ip_address\": \"10.20.0.1\"", "/login/forgot-password");

        signIn(user, CHROME_WINDOWS, "10.20.0.1");
        assertThat(emails(user)).hasSize(1);

        signIn(user, FIREFOX_LINUX, "192.168.44.5"); // the same browser from another address is a new pair
        var second = emails(user);
        assertThat(second).hasSize(2);
        assertThat((String) second.get(1).get("variables")).contains("\"ip_address\": \"192.168.44.5\"");
        assertThat(devices(user)).isEqualTo(3);

        var activity = jdbc.sql("""
                        SELECT actor_user_id, ip_address, summary FROM activity_log
                        WHERE entity_type = 'user' AND entity_id = :id AND action = 'NEW_DEVICE_SIGN_IN' ORDER BY id""")
                .param("id", String.valueOf(user.id())).query().listOfRows();
        assertThat(activity).hasSize(2);
        assertThat(activity.get(0)).containsEntry("actor_user_id", user.id()).containsEntry("ip_address", "10.20.0.1");
        assertThat((String) activity.get(0).get("summary")).contains("Chrome on Windows", "10.20.0.1");
    }

    @Test
    void aRefusedSignInRecordsNoDevice() {
        var user = logins.withRoles("support");
        var headers = headers(FIREFOX_LINUX, "10.20.0.9");
        var refused = http.postForEntity("/crm/auth/login",
                new HttpEntity<>(Map.of("email", user.email(), "password", "Wrong-Passw0rd!"), headers), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(devices(user)).isZero();
    }

    private void signIn(TestUser user, String userAgent, String address) {
        var response = http.postForEntity("/crm/auth/login",
                new HttpEntity<>(Map.of("email", user.email(), "password", user.password()), headers(userAgent, address)),
                Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
    }

    private static HttpHeaders headers(String userAgent, String address) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.USER_AGENT, userAgent);
        headers.set("X-Forwarded-For", address);
        return headers;
    }

    private List<Map<String, Object>> emails(TestUser user) {
        return jdbc.sql("""
                        SELECT recipient_email, variables::text AS variables FROM notification_outbox
                        WHERE template = 'NEW_DEVICE_SIGN_IN' AND idempotency_key LIKE :key ORDER BY id""")
                .param("key", "new-device:" + user.id() + ":%").query().listOfRows();
    }

    private long devices(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM known_devices WHERE user_id = :id").param("id", user.id())
                .query(Long.class).single();
    }
}
