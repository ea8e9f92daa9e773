package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.identity.ImpersonationFixtures.CustomerUser;
import io.switchboard.identity.security.ActorAuthentication;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Impersonation over the API (B-IMP-04..10, C-IMP-01..05, I-34). */
@SwitchboardIntegrationTest
@SuppressWarnings("unchecked")
class ImpersonationApiIntegrationTests {

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired UserAdministration users;
    @Autowired JdbcClient jdbc;

    ImpersonationFixtures fixtures;
    TestLogins.TestUser agent;
    String agentToken;

    @BeforeEach
    void setUp() {
        fixtures = new ImpersonationFixtures(http, logins, users);
        agent = logins.withPermissions("can_impersonate", "view_customer", "view_customer_contact");
        agentToken = logins.token(agent);
    }

    @Test
    void startReturnsTheTargetsTokensWithTheTargetsPermissionsOnlyAndNamesTheImpersonator() {
        var target = fixtures.customerUser("customer");
        var other = fixtures.customerUser("customer");

        var response = impersonate(agentToken, target.user().id());
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        var body = response.getBody();
        assertThat(body).containsEntry("success", true)
                .containsEntry("impersonating_user_id", (int) agent.id())
                .containsEntry("target_user_id", (int) target.user().id())
                .containsKeys("impersonation_start", "access_token", "refresh_token");
        assertThat((String) body.get("impersonation_start")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        String token = (String) body.get("access_token");
        var claims = ImpersonationFixtures.claims(token);
        assertThat(claims).containsEntry("sub", String.valueOf(target.user().id()))
                .containsEntry("impersonator_id", (int) agent.id());
        assertThat((List<String>) body.get("permissions")).contains("view_own_customer")
                .doesNotContain("can_impersonate", "view_customer");
        // exactly the target's view: its own customer, not another one, and none of the staff user's rights
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, token)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + other.customerId(), null, token)
                .getStatusCode().value()).isIn(403, 404);
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + other.customerId(), null, agentToken)
                .getStatusCode().value()).isEqualTo(200);

        var row = jdbc.sql("SELECT * FROM impersonation_log WHERE target_user_id = :t").param("t", target.user().id())
                .query().singleRow();
        assertThat(row).containsEntry("impersonating_user_id", agent.id()).containsEntry("channel", "API");
        assertThat(row.get("impersonation_end")).isNull();
        assertThat(row.get("user_agent")).isNotNull();
    }

    @Test
    void actionsWhileImpersonatingRecordTheTargetAndTheImpersonatorAndTheCustomerSeesIt() {
        var target = fixtures.customerUser("customer");
        String token = (String) impersonate(agentToken, target.user().id()).getBody().get("access_token");

        // a self-care write: the customer user's own phone number
        var changed = call(HttpMethod.PATCH, "/crm/account/contact", Map.of("contact_phone", "+44 20 7946 0123"), token);
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        var write = jdbc.sql("""
                        SELECT actor_user_id, actor_username, impersonator_user_id FROM activity_log
                        WHERE entity_type = 'customer_contact' AND entity_id = :id ORDER BY id DESC LIMIT 1""")
                .param("id", String.valueOf(target.contactId())).query().singleRow();
        assertThat(write).containsEntry("actor_user_id", target.user().id())
                .containsEntry("actor_username", target.user().username())
                .containsEntry("impersonator_user_id", agent.id());

        assertThat(stop(token).getStatusCode().value()).isEqualTo(200);
        // the customer user, signed in themselves, sees the start and the end in their activity log
        var log = call(HttpMethod.GET, "/crm/activity/customer_id/" + target.customerId() + "?per_page=50", null,
                logins.token(target.user()));
        assertThat(log.getStatusCode().value()).isEqualTo(200);
        var entries = (List<Map<String, Object>>) log.getBody().get("data");
        var actions = entries.stream().map(e -> e.get("action")).toList();
        assertThat(actions).contains("IMPERSONATION_STARTED", "IMPERSONATION_ENDED");
        var startEntry = entries.stream().filter(e -> e.get("action").equals("IMPERSONATION_STARTED")).findFirst().orElseThrow();
        assertThat((String) startEntry.get("summary")).startsWith("Support agent Test User " + agent.username())
                .contains("signed in as you (" + target.user().username() + ")");
    }

    @Test
    void stopReturnsTheStaffUsersOwnTokensAndTheImpersonationTokensDie() {
        var target = fixtures.customerUser("customer");
        String targetOwnToken = logins.token(target.user());
        var start = impersonate(agentToken, target.user().id()).getBody();
        String token = (String) start.get("access_token");
        String refresh = (String) start.get("refresh_token");

        var stopped = stop(token);
        assertThat(stopped.getStatusCode().value()).as(String.valueOf(stopped.getBody())).isEqualTo(200);
        assertThat(stopped.getBody()).containsEntry("success", true)
                .containsKeys("impersonation_end", "duration_seconds", "access_token", "refresh_token");
        String staffToken = (String) stopped.getBody().get("access_token");
        assertThat(ImpersonationFixtures.claims(staffToken)).containsEntry("sub", String.valueOf(agent.id()))
                .doesNotContainKey("impersonator_id");
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, staffToken)
                .getStatusCode().value()).isEqualTo(200);

        // the impersonation's access and refresh tokens are dead
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, token)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/auth/refresh", Map.of("refresh_token", refresh), (String) null)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(stop(token).getStatusCode().value()).isEqualTo(401);
        // the target's own session was never touched
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, targetOwnToken)
                .getStatusCode().value()).isEqualTo(200);

        var row = jdbc.sql("SELECT * FROM impersonation_log WHERE target_user_id = :t").param("t", target.user().id())
                .query().singleRow();
        assertThat(row).containsEntry("end_reason", "stopped");
        assertThat(row.get("impersonation_end")).isNotNull();
        assertThat(((Number) row.get("impersonation_duration")).intValue()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void stoppingWithoutImpersonatingIsAConflict() {
        var response = stop(agentToken);
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void refreshKeepsTheImpersonationAndNeverYieldsThePlainTargetToken() {
        var target = fixtures.customerUser("customer");
        var start = impersonate(agentToken, target.user().id()).getBody();
        var refreshed = call(HttpMethod.POST, "/crm/auth/refresh", Map.of("refresh_token", start.get("refresh_token")),
                (String) null);
        assertThat(refreshed.getStatusCode().value()).isEqualTo(200);
        String token = (String) refreshed.getBody().get("access_token");
        assertThat(ImpersonationFixtures.claims(token)).containsEntry("impersonator_id", (int) agent.id());
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, token)
                .getStatusCode().value()).isEqualTo(200);
        // the access token lives no longer than the idle timeout (15 minutes by default)
        assertThat(((Number) refreshed.getBody().get("expires_in")).longValue()).isLessThanOrEqualTo(900);
    }

    @Test
    void targetsThatAreStaffAdminsServiceAccountsSelfDeletedOrUnknownAreRefused() {
        var staff = logins.withRoles("support");
        assertRefused(impersonate(agentToken, staff.id()), 403);
        var admin = logins.withRoles("admin");
        assertRefused(impersonate(agentToken, admin.id()), 403);
        long service = jdbc.sql("SELECT id FROM users WHERE service_account ORDER BY id LIMIT 1").query(Long.class).single();
        assertRefused(impersonate(agentToken, service), 400);
        assertRefused(impersonate(agentToken, agent.id()), 400);
        var deleted = fixtures.customerUser("customer");
        jdbc.sql("UPDATE users SET deleted = true, deleted_at = now() WHERE id = :id").param("id", deleted.user().id()).update();
        assertRefused(impersonate(agentToken, deleted.user().id()), 400);
        var disabled = fixtures.customerUser("customer");
        jdbc.sql("UPDATE users SET enabled = false WHERE id = :id").param("id", disabled.user().id()).update();
        assertRefused(impersonate(agentToken, disabled.user().id()), 400);

        var unknown = impersonate(agentToken, 987_654_321L);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        var missing = call(HttpMethod.POST, "/auth/impersonate", Map.of(), agentToken);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().get("errors").toString()).contains("user_id");
        var wrongType = call(HttpMethod.POST, "/auth/impersonate", Map.of("user_id", "abc"), agentToken);
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongType.getBody().get("errors").toString()).contains("user_id");
        // nothing was opened by any of these
        assertThat(jdbc.sql("SELECT count(*) FROM impersonation_log WHERE impersonating_user_id = :a")
                .param("a", agent.id()).query(Long.class).single()).isZero();
    }

    @Test
    void withoutThePermissionImpersonationIsForbidden() {
        var target = fixtures.customerUser("customer");
        var care = logins.withRoles("customer-care");
        var response = impersonate(logins.token(care), target.user().id());
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        // admin may, implicitly
        var admin = logins.withRoles("admin");
        assertThat(impersonate(logins.token(admin), target.user().id()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aSecondImpersonationEndsTheFirst() {
        var first = fixtures.customerUser("customer");
        var second = fixtures.customerUser("customer");
        String firstToken = (String) impersonate(agentToken, first.user().id()).getBody().get("access_token");
        String secondToken = (String) impersonate(agentToken, second.user().id()).getBody().get("access_token");

        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + first.customerId(), null, firstToken)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + second.customerId(), null, secondToken)
                .getStatusCode().value()).isEqualTo(200);
        var reasons = jdbc.sql("""
                        SELECT coalesce(end_reason, 'open') FROM impersonation_log WHERE impersonating_user_id = :a
                        ORDER BY id""").param("a", agent.id()).query(String.class).list();
        assertThat(reasons).containsExactly("superseded", "open");
    }

    @Test
    void whileImpersonatingPasswordsTwoFactorSessionsAndImpersonatingAgainAreRefused() {
        var target = fixtures.customerUser("customer");
        var other = fixtures.customerUser("customer");
        String token = (String) impersonate(agentToken, target.user().id()).getBody().get("access_token");

        var password = call(HttpMethod.POST, "/auth/change_password", Map.of("current_password", TestLogins.PASSWORD,
                "new_password", "Another-Passw0rd!"), token);
        assertThat(password.getStatusCode().value()).isEqualTo(403);
        assertThat((String) password.getBody().get("type")).endsWith("/impersonation-restricted");
        assertThat(call(HttpMethod.POST, "/crm/auth/change_password", Map.of("current_password", TestLogins.PASSWORD,
                "new_password", "Another-Passw0rd!"), token).getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/2fa/enable/user/" + target.user().id(), Map.of(), token)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(impersonate(token, other.user().id()).getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.POST, "/crm/auth/impersonate", Map.of("user_id", other.user().id()), token)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/auth/users", null, token).getStatusCode().value()).isEqualTo(403);
        // the password is unchanged: the target still signs in with it
        assertThat(call(HttpMethod.POST, "/auth/login", Map.of("email", target.user().email(),
                "password", TestLogins.PASSWORD), (String) null).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theServiceRefusesAPasswordChangeWhileImpersonatingWhateverThePath() {
        var target = fixtures.customerUser("customer");
        var actor = logins.actor(target.user());
        var impersonated = new io.switchboard.shared.Actor(actor.userId(), actor.username(), actor.customerId(),
                actor.permissions(), actor.roles(), agent.id());
        SecurityContextHolder.getContext().setAuthentication(
                new ActorAuthentication(impersonated, ActorAuthentication.Method.ACCESS_TOKEN, false));
        try {
            assertThatThrownBy(() -> users.changeOwnPassword(TestLogins.PASSWORD, "Another-Passw0rd!"))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void signingOutOfAnImpersonationEndsItWithoutTouchingTheTarget() {
        var target = fixtures.customerUser("customer");
        String targetOwnToken = logins.token(target.user());
        var start = impersonate(agentToken, target.user().id()).getBody();
        String token = (String) start.get("access_token");
        assertThat(call(HttpMethod.POST, "/auth/logout", Map.of("refresh_token", start.get("refresh_token")), token)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, token)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, targetOwnToken)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT end_reason FROM impersonation_log WHERE target_user_id = :t")
                .param("t", target.user().id()).query(String.class).single()).isEqualTo("signed_out");
    }

    @Test
    void anIdleImpersonationTimesOut() {
        var target = fixtures.customerUser("customer");
        var start = impersonate(agentToken, target.user().id()).getBody();
        String token = (String) start.get("access_token");
        jdbc.sql("""
                UPDATE impersonation_log SET impersonation_start = now() - interval '20 minutes',
                    last_activity_at = now() - interval '16 minutes'
                WHERE target_user_id = :t""").param("t", target.user().id()).update();

        assertThat(call(HttpMethod.GET, "/crm/customer/customer_id/" + target.customerId(), null, token)
                .getStatusCode().value()).isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/auth/refresh", Map.of("refresh_token", start.get("refresh_token")),
                (String) null).getStatusCode().value()).isEqualTo(401);
        var row = jdbc.sql("SELECT * FROM impersonation_log WHERE target_user_id = :t").param("t", target.user().id())
                .query().singleRow();
        assertThat(row).containsEntry("end_reason", "timed_out");
        // it ended when it timed out (last activity + 15 minutes), not when it was noticed
        assertThat(((Number) row.get("impersonation_duration")).intValue()).isBetween(19 * 60 - 5, 19 * 60 + 5);
    }

    @Test
    void aBusyImpersonationEndsAtTheMaximumDurationAndRefreshIsRefused() {
        var target = fixtures.customerUser("customer");
        var start = impersonate(agentToken, target.user().id()).getBody();
        jdbc.sql("""
                UPDATE impersonation_log SET impersonation_start = now() - interval '2 hours 1 minute',
                    last_activity_at = now() - interval '10 seconds'
                WHERE target_user_id = :t""").param("t", target.user().id()).update();
        assertThat(call(HttpMethod.POST, "/auth/refresh", Map.of("refresh_token", start.get("refresh_token")),
                (String) null).getStatusCode().value()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT end_reason FROM impersonation_log WHERE target_user_id = :t")
                .param("t", target.user().id()).query(String.class).single()).isEqualTo("timed_out");
    }

    @Test
    void theLogIsFilteredByUserDatesAndDurationForReadersWithThePermission() {
        var target = fixtures.customerUser("customer");
        var other = fixtures.customerUser("customer");
        stop((String) impersonate(agentToken, target.user().id()).getBody().get("access_token"));
        impersonate(agentToken, other.user().id());
        jdbc.sql("UPDATE impersonation_log SET impersonation_duration = 900 WHERE target_user_id = :t")
                .param("t", target.user().id()).update();
        var reader = logins.token(logins.withPermissions("view_impersonation_log"));

        var byAgent = call(HttpMethod.GET, "/auth/impersonation_logs?user_id=" + agent.id(), null, reader);
        assertThat(byAgent.getStatusCode().value()).isEqualTo(200);
        var rows = (List<Map<String, Object>>) byAgent.getBody().get("data");
        assertThat(rows).extracting(r -> r.get("target_user_id"))
                .containsExactly((int) other.user().id(), (int) target.user().id());
        assertThat(rows.get(1)).containsEntry("impersonating_username", agent.username())
                .containsEntry("target_username", target.user().username()).containsEntry("end_reason", "stopped")
                .containsKeys("impersonation_start", "impersonation_end", "impersonation_duration");
        assertThat((Map<String, Object>) byAgent.getBody().get("pagination")).containsEntry("total_items", 2);

        var byTarget = call(HttpMethod.GET, "/crm/auth/impersonation_logs?user_id=" + target.user().id(), null, reader);
        assertThat((List<?>) byTarget.getBody().get("data")).hasSize(1);
        var longOnes = call(HttpMethod.GET, "/auth/impersonation_logs?impersonating_user_id=" + agent.id()
                + "&min_duration=600", null, reader);
        assertThat((List<Map<String, Object>>) longOnes.getBody().get("data")).extracting(r -> r.get("target_user_id"))
                .containsExactly((int) target.user().id());
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        var dated = call(HttpMethod.GET, "/auth/impersonation_logs?user_id=" + agent.id() + "&start_date=" + today
                + "&end_date=" + today, null, reader);
        assertThat((List<?>) dated.getBody().get("data")).hasSize(2);
        var past = call(HttpMethod.GET, "/auth/impersonation_logs?user_id=" + agent.id()
                + "&start_date=2020-01-01&end_date=2020-12-31", null, reader);
        assertThat((List<?>) past.getBody().get("data")).isEmpty();
        var paged = call(HttpMethod.GET, "/auth/impersonation_logs?user_id=" + agent.id() + "&per_page=1&page=2", null,
                reader);
        assertThat((List<Map<String, Object>>) paged.getBody().get("data")).extracting(r -> r.get("target_user_id"))
                .containsExactly((int) target.user().id());

        var badDate = call(HttpMethod.GET, "/auth/impersonation_logs?start_date=yesterday", null, reader);
        assertThat(badDate.getStatusCode().value()).isEqualTo(400);
        assertThat(badDate.getBody().get("errors").toString()).contains("start_date");
        assertThat(call(HttpMethod.GET, "/auth/impersonation_logs?min_duration=-1", null, reader)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.GET, "/auth/impersonation_logs", null, agentToken).getStatusCode().value())
                .isEqualTo(403);
        assertThat(call(HttpMethod.GET, "/auth/impersonation_logs", null, logins.token(logins.withRoles("admin")))
                .getStatusCode().value()).isEqualTo(200);
    }

    private void assertRefused(ResponseEntity<Map<String, Object>> response, int status) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("errors").toString()).contains("user_id");
    }

    private ResponseEntity<Map<String, Object>> impersonate(String token, long userId) {
        return call(HttpMethod.POST, "/auth/impersonate", Map.of("user_id", userId), token);
    }

    private ResponseEntity<Map<String, Object>> stop(String token) {
        return call(HttpMethod.POST, "/auth/stop_impersonation", null, token);
    }

    private ResponseEntity<Map<String, Object>> call(HttpMethod method, String path, Object body, String token) {
        return fixtures.call(method, path, body, token);
    }
}
