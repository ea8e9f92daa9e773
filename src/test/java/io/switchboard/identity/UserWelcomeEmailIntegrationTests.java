package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A-UADM-10: the welcome email goes through the outbox, once a day at most, only to users who never signed in. */
@SwitchboardIntegrationTest
class UserWelcomeEmailIntegrationTests {

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;

    @Test
    void queuesTheUserWelcomeTemplateOnceWithoutAnyPassword() {
        var newcomer = logins.withRoles("support");
        var admin = logins.bearerFor("admin");

        var first = http.exchange("/auth/users/" + newcomer.id() + "/send_welcome_email", HttpMethod.POST,
                new HttpEntity<>(admin), Map.class);
        var second = http.exchange("/auth/users/" + newcomer.id() + "/send_welcome_email", HttpMethod.POST,
                new HttpEntity<>(admin), Map.class);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody()).containsEntry("email", "queued");
        assertThat(second.getBody()).containsEntry("email", "already queued today");
        var rows = jdbc.sql("""
                SELECT template, recipient_email, variables::text AS variables FROM notification_outbox
                WHERE idempotency_key LIKE :key""").param("key", "user-welcome:" + newcomer.id() + ":%")
                .query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("template")).isEqualTo("USER_WELCOME");
        assertThat(rows.get(0).get("recipient_email")).isEqualTo(newcomer.email());
        assertThat((String) rows.get(0).get("variables")).contains("\"role\"", "Support", "/login")
                .doesNotContain(newcomer.password());
    }

    @Test
    void refusesUsersWhoHaveAlreadySignedIn() {
        var regular = logins.withRoles("support");
        var signedIn = http.postForEntity("/crm/auth/login",
                Map.of("email", regular.username(), "password", regular.password()), Map.class);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(200);

        var refused = http.exchange("/auth/users/" + regular.id() + "/send_welcome_email", HttpMethod.POST,
                new HttpEntity<>(logins.bearerFor("admin")), Map.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void onlyAdministratorsMaySendIt() {
        var newcomer = logins.withRoles("support");
        var refused = http.exchange("/auth/users/" + newcomer.id() + "/send_welcome_email", HttpMethod.POST,
                new HttpEntity<>(logins.bearerFor("customer-care")), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
    }
}
