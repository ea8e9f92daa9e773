package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.identity.ImpersonationFixtures.CustomerUser;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every account-changing endpoint of issue 3 is refused while impersonating, with an API token and in a browser
 * session (the central {@code ImpersonationRestrictionFilter}), and nothing of the target's account changes.
 */
@SwitchboardIntegrationTest
class ImpersonationRestrictionCoverageIntegrationTests {

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired UserAdministration users;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    record Call(HttpMethod method, String path, Object body) {}

    @Test
    void anImpersonationTokenReachesNoneOfTheTargetsCredentialsSessionsOr2fa() {
        var fixtures = new ImpersonationFixtures(http, logins, users);
        CustomerUser target = fixtures.customerUser("customer");
        var agent = logins.withPermissions("can_impersonate", "view_customer", "view_customer_contact");
        var started = fixtures.call(HttpMethod.POST, "/auth/impersonate", Map.of("user_id", target.user().id()),
                logins.token(agent));
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
        String token = (String) started.getBody().get("access_token");
        long id = target.user().id();
        String before = account(id);

        var calls = List.<Call>of(
                new Call(HttpMethod.POST, "/auth/change_password", Map.of("current_password", TestLogins.PASSWORD,
                        "new_password", "Another-Passw0rd!")),
                new Call(HttpMethod.POST, "/auth/change_email", Map.of("new_email", "taken-over@example.com",
                        "password", TestLogins.PASSWORD)),
                new Call(HttpMethod.POST, "/crm/auth/change_email", Map.of("new_email", "taken-over@example.com",
                        "password", TestLogins.PASSWORD)),
                new Call(HttpMethod.POST, "/auth/verify_email", Map.of("token", "x")),
                new Call(HttpMethod.POST, "/crm/auth/verify_email", Map.of("token", "x")),
                new Call(HttpMethod.POST, "/auth/forgot_password", Map.of("email", target.user().email())),
                new Call(HttpMethod.POST, "/crm/auth/reset_password", Map.of("token", "x", "new_password", "y")),
                new Call(HttpMethod.GET, "/crm/auth/sessions", null),
                new Call(HttpMethod.GET, "/auth/sessions", null),
                new Call(HttpMethod.DELETE, "/crm/auth/sessions/api-00000000-0000-0000-0000-000000000000", null),
                new Call(HttpMethod.GET, "/crm/api-keys", null),
                new Call(HttpMethod.POST, "/crm/api-keys", Map.of("name", "kept after the impersonation")),
                new Call(HttpMethod.POST, "/crm/api-keys/1/regenerate", null),
                new Call(HttpMethod.GET, "/2fa/status/user/" + id, null),
                new Call(HttpMethod.POST, "/2fa/enable/user/" + id, Map.of()),
                new Call(HttpMethod.POST, "/2fa/verify-setup/user/" + id, Map.of("code", "123456")),
                new Call(HttpMethod.POST, "/2fa/verify/user/" + id, Map.of("code", "123456", "challenge_token", "x")),
                new Call(HttpMethod.POST, "/2fa/backup-codes/regenerate/user/" + id, null),
                new Call(HttpMethod.POST, "/2fa/reset-for-new-device/user/" + id, Map.of("backup_code", "abcdabcd")),
                new Call(HttpMethod.POST, "/2fa/disable/user/" + id, Map.of("password", "x", "code", "123456")),
                new Call(HttpMethod.POST, "/2fa/admin/disable/user/" + id, null),
                new Call(HttpMethod.POST, "/2fa/reset-request/user/" + id, Map.of("challenge_token", "x",
                        "reason", "lost")),
                new Call(HttpMethod.GET, "/auth/users/" + id, null),
                new Call(HttpMethod.PUT, "/auth/users/" + id, Map.of("first_name", "Mallory")),
                new Call(HttpMethod.POST, "/auth/impersonate", Map.of("user_id", id)),
                new Call(HttpMethod.GET, "/engine-rest/task", null));
        for (var call : calls) {
            var answer = fixtures.call(call.method(), call.path(), call.body(), token);
            assertThat(answer.getStatusCode().value()).as("%s %s: %s", call.method(), call.path(), answer.getBody())
                    .isEqualTo(403);
            assertThat((String) answer.getBody().get("type")).as("%s %s", call.method(), call.path())
                    .endsWith("/impersonation-restricted");
        }
        assertThat(account(id)).isEqualTo(before);
        // the impersonation itself still works
        assertThat(fixtures.call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, token)
                .getStatusCode().value()).isNotEqualTo(403);
    }

    @Test
    void anImpersonatedBrowserSessionReachesNoneOfTheTargetsAccountPages() {
        var fixtures = new ImpersonationFixtures(http, logins, users);
        CustomerUser target = fixtures.customerUser("customer");
        var agent = logins.withPermissions("can_impersonate", "view_customer", "view_customer_contact");
        var browser = new WebBrowser(port);
        assertThat(browser.signIn(agent.username(), agent.password(), false).status()).isEqualTo(302);
        var started = browser.submit("/console/customers/" + target.customerId() + "?tab=contacts", "/console/impersonate",
                Map.of("user_id", String.valueOf(target.user().id())));
        assertThat(started.status()).isEqualTo(302);
        long id = target.user().id();
        String before = account(id);

        for (String page : List.of("/account/security", "/account/sessions", "/account/password",
                "/portal/account/email", "/login/2fa", "/login/2fa/lost-device", "/login/forgot-password",
                "/reset-password/abc", "/verify-email/abc")) {
            assertThat(browser.get(page, Map.of("Accept", "text/html")).status()).as("GET %s", page).isEqualTo(403);
        }
        var posts = List.of(
                Map.entry("/account/security/enable", Map.of("password", TestLogins.PASSWORD)),
                Map.entry("/account/security/confirm", Map.of("code", "123456")),
                Map.entry("/account/security/disable", Map.of("password", TestLogins.PASSWORD, "code", "123456")),
                Map.entry("/account/security/backup-codes", Map.of("password", TestLogins.PASSWORD)),
                Map.entry("/account/sessions/end-others", Map.<String, String>of()),
                Map.entry("/account/sessions/web-x/end", Map.<String, String>of()),
                Map.entry("/account/password", Map.of("current_password", TestLogins.PASSWORD,
                        "new_password", "Another-Passw0rd!", "confirm_password", "Another-Passw0rd!")),
                Map.entry("/portal/account/email", Map.of("new_email", "taken-over@example.com",
                        "password", TestLogins.PASSWORD)),
                Map.entry("/login/2fa/lost-device", Map.of("reason", "lost")),
                Map.entry("/login/forgot-password", Map.of("email", target.user().email())),
                Map.entry("/reset-password/abc", Map.of("new_password", "Another-Passw0rd!",
                        "confirm_password", "Another-Passw0rd!")),
                Map.entry("/verify-email/abc", Map.<String, String>of()),
                Map.entry("/console/impersonate", Map.of("user_id", String.valueOf(id))));
        for (var post : posts) {
            assertThat(browser.submit("/portal", post.getKey(), post.getValue()).status()).as("POST %s", post.getKey())
                    .isEqualTo(403);
        }
        assertThat(account(id)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE lower(recipient_email) IN (:to)")
                .param("to", List.of(target.user().email(), "taken-over@example.com")).query(Long.class).single())
                .isZero();
        // still impersonating: the portal answers
        assertThat(browser.get("/portal").status()).isEqualTo(200);
    }

    /** What an impersonation must not change of the target's account. */
    private String account(long userId) {
        return jdbc.sql("""
                SELECT concat_ws('|', email, password_hash, totp_secret IS NULL, totp_pending_secret IS NULL,
                    token_version, first_name,
                    (SELECT count(*) FROM email_verification_tokens WHERE user_id = u.id),
                    (SELECT count(*) FROM password_reset_tokens WHERE user_id = u.id),
                    (SELECT count(*) FROM two_factor_backup_codes WHERE user_id = u.id),
                    (SELECT count(*) FROM two_factor_reset_requests WHERE user_id = u.id),
                    (SELECT count(*) FROM api_keys WHERE created_by = u.id))
                FROM users u WHERE id = :id""").param("id", userId).query(String.class).single();
    }
}
