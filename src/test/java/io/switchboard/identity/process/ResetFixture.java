package io.switchboard.identity.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Authenticator;
import io.switchboard.support.TestLogins;
import io.switchboard.support.TestLogins.TestUser;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Users with 2FA on, lost-device requests made through the real API, and the engine's jobs run on demand, for the
 * 2FA reset process tests. The job executor runs too, so running a job tolerates it having been faster, and the
 * outcome is awaited, never timed. Made by each test class from its own beans (not a bean itself: contexts
 * without a web server, such as the two-node cluster test's, have no {@link TestRestTemplate}).
 */
class ResetFixture {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final TestLogins logins;
    private final TestRestTemplate http;
    private final JdbcClient jdbc;
    private final ManagementService management;
    private final HistoryService history;

    ResetFixture(TestLogins logins, TestRestTemplate http, JdbcClient jdbc, ManagementService management,
            HistoryService history) {
        this.logins = logins;
        this.http = http;
        this.jdbc = jdbc;
        this.management = management;
        this.history = history;
    }

    /** A request made; {@code processInstanceId} of its process. */
    record Request(long id, TestUser requester, String processInstanceId) {}

    /** A new user with these roles and 2FA enrolled through the API with an independent authenticator. */
    TestUser withTwoFactor(String... roles) {
        TestUser user = logins.withRoles(roles);
        String token = logins.token(user);
        var enabled = post("/2fa/enable/user/" + user.id(), Map.of("password", user.password()), token);
        assertThat(enabled.getStatusCode().value()).as("%s", enabled.getBody()).isEqualTo(200);
        var authenticator = new Authenticator((String) enabled.getBody().get("totp_secret"));
        var verified = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", authenticator.now()), token);
        assertThat(verified.getStatusCode().value()).as("%s", verified.getBody()).isEqualTo(200);
        return user;
    }

    /** The challenge token the password step of {@code POST /crm/auth/login} answers for a 2FA user. */
    String challenge(TestUser user) {
        var login = post("/crm/auth/login", Map.of("email", user.email(), "password", user.password()), null);
        assertThat(login.getBody()).as("%s", login.getBody()).containsEntry("two_factor_required", true);
        return (String) login.getBody().get("challenge_token");
    }

    ResponseEntity<Map<String, Object>> requestReset(long userId, Map<String, Object> body) {
        return post("/2fa/reset-request/user/" + userId, body, null);
    }

    /** A requester with 2FA and these roles, and their open request through the API. */
    Request open(String... requesterRoles) {
        TestUser requester = withTwoFactor(requesterRoles.length == 0 ? new String[] {"customer-care"} : requesterRoles);
        var body = new HashMap<String, Object>();
        body.put("challenge_token", challenge(requester));
        body.put("reason", "Phone stolen on the train; the backup codes were in its notes app");
        body.put("contact_phone", "+44 20 7946 0000");
        var response = requestReset(requester.id(), body);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(202);
        long id = ((Number) response.getBody().get("request_id")).longValue();
        return new Request(id, requester, row(id).get("process_instance_id").toString());
    }

    Map<String, Object> row(long requestId) {
        return jdbc.sql("SELECT * FROM two_factor_reset_requests WHERE id = :id").param("id", requestId)
                .query().singleRow();
    }

    String status(long requestId) {
        return (String) row(requestId).get("status");
    }

    int outbox(String idempotencyKey) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE idempotency_key = :k").param("k", idempotencyKey)
                .query(Integer.class).single();
    }

    String outboxVariables(String idempotencyKey) {
        return jdbc.sql("SELECT variables::text FROM notification_outbox WHERE idempotency_key = :k")
                .param("k", idempotencyKey).query(String.class).single();
    }

    /** Activity entries about the user, oldest first: action and summary. */
    List<Map<String, Object>> activity(long userId) {
        return jdbc.sql("""
                SELECT action, summary, actor_username, changes::text AS changes FROM activity_log
                WHERE entity_type = 'user' AND entity_id = :id ORDER BY id""")
                .param("id", String.valueOf(userId)).query().listOfRows();
    }

    /** Runs every due job of the instance (async continuations, due timers) until none is left. */
    void runDueJobs(String processInstanceId) {
        for (int round = 0; round < 10; round++) {
            var jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (var job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (ProcessEngineException raced) {
                    // the job executor ran (or is running) it first, or it failed and keeps its retries
                }
            }
        }
    }

    /** Runs the instance's jobs and waits until it has ended. */
    void runToEnd(String processInstanceId) {
        runDueJobs(processInstanceId);
        await("process " + processInstanceId + " ended", () -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).finished().count() == 1, () -> runDueJobs(processInstanceId));
    }

    static void await(String what, BooleanSupplier done, Runnable nudge) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            nudge.run();
        }
    }

    ResponseEntity<Map<String, Object>> post(String path, Object body, String token) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JSON);
    }

    /** A call to {@code /engine-rest} as {@code user}; the body as text (Camunda answers arrays and objects). */
    ResponseEntity<String> engineRest(HttpMethod method, String path, String json, TestUser user) {
        var headers = logins.bearer(user);
        return http.exchange("/engine-rest" + path, method, new HttpEntity<>(json, headers), String.class);
    }

    static HttpHeaders headers(String token) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }
}
