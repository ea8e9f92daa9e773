package io.switchboard.identity.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.identity.TwoFactor;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.TestLogins.TestUser;
import io.switchboard.support.WebBrowser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff file a 2FA reset request on behalf of a caller: the API ({@code POST /2fa/reset-request/on-behalf/user/{id}})
 * and the console page; the same process starts, the filer is recorded and may neither verify nor approve.
 */
@SwitchboardIntegrationTest
class OnBehalfResetRequestIntegrationTests {

    @Autowired TestRestTemplate restTemplate;
    @Autowired JdbcClient jdbc;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired TestLogins logins;
    @Autowired TwoFactor twoFactor;
    @LocalServerPort int port;
    ResetFixture fixture;

    @BeforeEach
    void makeFixture() {
        fixture = new ResetFixture(logins, restTemplate, jdbc, management, history);
    }

    @AfterEach
    void signOutOfTheEngine() {
        identity.clearAuthentication();
    }

    @Test
    void supportFilesARequestThatStartsTheProcessRecordsTheFilerAndAcknowledgesTheRequester() {
        TestUser caller = fixture.withTwoFactor("customer-care");
        TestUser support = logins.withRoles("support");

        var response = file(support, caller.id(), body("Phone lost abroad; backup codes were on it", "+34 600 111 222"));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(202);
        assertThat(response.getBody()).containsEntry("status", "PENDING_VERIFICATION")
                .containsEntry("user_id", (int) caller.id());
        long id = ((Number) response.getBody().get("request_id")).longValue();
        var row = fixture.row(id);
        assertThat(row.get("user_id")).isEqualTo(caller.id());
        assertThat(row.get("filed_by_user_id")).isEqualTo(support.id());
        assertThat(row.get("contact_phone")).isEqualTo("+34 600 111 222");
        String pid = (String) row.get("process_instance_id");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid)
                .processDefinitionKey(TwoFactorResetProcess.KEY).count()).isEqualTo(1);
        assertThat(runtime.getVariable(pid, "filedBy").toString()).contains(support.username());
        assertThat(fixture.outbox("2fa-reset:" + id + ":requested")).isEqualTo(1);
        var requested = fixture.activity(caller.id()).stream()
                .filter(a -> "TWO_FACTOR_RESET_REQUESTED".equals(a.get("action"))).toList();
        assertThat(requested).hasSize(1);
        assertThat((String) requested.get(0).get("summary")).contains("by " + support.username(), "on the caller's behalf");
        assertThat(requested.get(0).get("actor_username")).isEqualTo(support.username());

        // one open request per user, whoever asks
        var again = file(logins.withRoles("support"), caller.id(), body("Again", null));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(openRequests(caller.id())).isEqualTo(1);
    }

    @Test
    void badInputSelfNoTwoFactorAndNoPermissionAreRefusedAndNothingIsWritten() {
        TestUser caller = fixture.withTwoFactor("customer-care");
        TestUser support = fixture.withTwoFactor("support");

        assertBadRequest(support, caller.id(), body("", null), "reason");
        assertBadRequest(support, caller.id(), body(null, null), "reason");
        assertBadRequest(support, caller.id(), body("x".repeat(2001), null), "reason");
        assertBadRequest(support, caller.id(), body("Lost it", "call me maybe"), "contact_phone");
        // staff cannot file for themselves (they ask at their own sign-in challenge)
        assertBadRequest(support, support.id(), body("Lost my own phone", null), "user_id");
        assertThat(openRequests(support.id())).isZero();

        // no 2FA to reset: 409
        TestUser withoutTwoFactor = logins.withRoles("customer-care");
        var off = file(support, withoutTwoFactor.id(), body("Lost it", null));
        assertThat(off.getStatusCode().value()).isEqualTo(409);
        // an unknown user: 404
        assertThat(file(support, Long.MAX_VALUE, body("Lost it", null)).getStatusCode().value()).isEqualTo(404);
        // without the permission: 403
        var finance = file(logins.withRoles("finance"), caller.id(), body("Lost it", null));
        assertThat(finance.getStatusCode().value()).isEqualTo(403);
        var narrow = file(logins.withPermissions("request_user_2fa_reset"), caller.id(), body("Lost it", null));
        assertThat(narrow.getStatusCode().value()).as("%s", narrow.getBody()).isEqualTo(202);
        assertThat(openRequests(caller.id())).isEqualTo(1);
        assertThat(openRequests(withoutTwoFactor.id())).isZero();
    }

    @Test
    void theFilerCanNeitherVerifyNorApproveThroughTheJavaApi() {
        TestUser caller = fixture.withTwoFactor("customer-care");
        TestUser filer = logins.withRoles("support", "admin");
        var response = file(filer, caller.id(), body("Phone stolen; codes in its notes app", null));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(202);
        long id = ((Number) response.getBody().get("request_id")).longValue();
        String pid = (String) fixture.row(id).get("process_instance_id");

        Task verify = task(pid, "VerifyIdentityTask");
        as(filer);
        assertThatThrownBy(() -> tasks.claim(verify.getId(), filer.username()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("filed this 2FA reset request");
        assertThatThrownBy(() -> tasks.complete(verify.getId(), verified()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("filed this 2FA reset request");
        identity.clearAuthentication();
        assertThat(fixture.status(id)).isEqualTo("PENDING_VERIFICATION");

        TestUser support = logins.withRoles("support");
        as(support);
        tasks.claim(verify.getId(), support.username());
        tasks.complete(verify.getId(), verified());
        identity.clearAuthentication();
        assertThat(fixture.status(id)).isEqualTo("PENDING_APPROVAL");

        Task approve = task(pid, "ApproveResetTask");
        as(filer);
        assertThatThrownBy(() -> tasks.claim(approve.getId(), filer.username()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Separation of duties");
        assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("approvalDecision", "approve")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Separation of duties");
        identity.clearAuthentication();
        assertThat(fixture.row(id).get("approver_user_id")).isNull();
        assertThat(twoFactor.isEnabled(caller.id())).isTrue();

        // the database refuses it too, whatever the code does
        assertThatThrownBy(() -> jdbc.sql("UPDATE two_factor_reset_requests SET approver_user_id = :filer WHERE id = :id")
                .param("filer", filer.id()).param("id", id).update())
                .hasMessageContaining("two_factor_reset_requests_filer");

        // another admin approves, and the second factor is cleared
        TestUser admin = logins.withRoles("admin");
        as(admin);
        tasks.claim(approve.getId(), admin.username());
        tasks.complete(approve.getId(), Map.of("approvalDecision", "approve"));
        identity.clearAuthentication();
        fixture.runToEnd(pid);
        assertThat(twoFactor.isEnabled(caller.id())).isFalse();
        assertThat(fixture.status(id)).isEqualTo("APPROVED");
    }

    @Test
    void anAdminFilesFromTheConsoleUserPageAndSupportReachesTheFormToo() {
        TestUser caller = fixture.withTwoFactor("customer-care");
        TestUser admin = logins.withRoles("admin");
        var browser = new WebBrowser(port);
        browser.signIn(admin.username(), admin.password(), false);

        String page = "/console/users/" + caller.id();
        assertThat(browser.get(page).body()).contains("data-testid=\"request-two-factor-reset\"");
        String form = page + "/two-factor-reset-request";
        var shown = browser.get(form + "?lang=en");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("data-testid=\"two-factor-reset-request-form\"", caller.username());

        // bad input: the form again with the field marked, nothing written
        var bad = browser.submit(form, form, Map.of("reason", "Lost it", "contactPhone", "call me maybe"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("contactPhone-error");
        assertThat(openRequests(caller.id())).isZero();

        var filed = browser.submit(form, form, Map.of("reason", "Caller lost their phone and codes",
                "contactPhone", "+44 20 7946 0001"));
        assertThat(filed.status()).isEqualTo(302);
        assertThat(filed.redirectPath()).isEqualTo(form);
        var after = browser.get(form + "?lang=en");
        assertThat(after.body()).contains("data-testid=\"notice\"", "data-testid=\"open-request\"")
                .doesNotContain("data-testid=\"two-factor-reset-request-form\"");
        var row = jdbc.sql("SELECT * FROM two_factor_reset_requests WHERE user_id = :u").param("u", caller.id())
                .query().singleRow();
        assertThat(row.get("filed_by_user_id")).isEqualTo(admin.id());
        assertThat(row.get("reason")).isEqualTo("Caller lost their phone and codes");

        // Spanish texts
        assertThat(browser.get(form + "?lang=es").body()).contains("Hay una solicitud abierta");

        // support reaches the form (not the admin-only user page); finance does not
        TestUser support = logins.withRoles("support");
        TestUser other = fixture.withTwoFactor("customer-care");
        var supportBrowser = new WebBrowser(port);
        supportBrowser.signIn(support.username(), support.password(), false);
        String otherForm = "/console/users/" + other.id() + "/two-factor-reset-request";
        assertThat(supportBrowser.get(otherForm).status()).isEqualTo(200);
        assertThat(supportBrowser.submit(otherForm, otherForm, Map.of("reason", "Lost it")).status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT filed_by_user_id FROM two_factor_reset_requests WHERE user_id = :u")
                .param("u", other.id()).query(Long.class).single()).isEqualTo(support.id());
        TestUser finance = logins.withRoles("finance");
        var financeBrowser = new WebBrowser(port);
        financeBrowser.signIn(finance.username(), finance.password(), false);
        assertThat(financeBrowser.get(otherForm).status()).isEqualTo(403);
    }

    // helpers

    private ResponseEntity<Map<String, Object>> file(TestUser staff, long userId, Map<String, Object> body) {
        return fixture.post("/2fa/reset-request/on-behalf/user/" + userId, body, logins.token(staff));
    }

    private void assertBadRequest(TestUser staff, long userId, Map<String, Object> body, String field) {
        var response = file(staff, userId, body);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
        assertThat(response.toString()).contains(field);
        assertThat(openRequests(userId)).isZero();
    }

    private int openRequests(long userId) {
        return jdbc.sql("""
                SELECT count(*) FROM two_factor_reset_requests
                WHERE user_id = :u AND status IN ('PENDING_VERIFICATION', 'PENDING_APPROVAL')""")
                .param("u", userId).query(Integer.class).single();
    }

    private static Map<String, Object> body(String reason, String phone) {
        var body = new HashMap<String, Object>();
        body.put("reason", reason);
        if (phone != null) {
            body.put("contact_phone", phone);
        }
        return body;
    }

    private void as(TestUser user) {
        identity.setAuthentication(user.username(), List.copyOf(logins.actor(user).roles()));
    }

    private Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private static Map<String, Object> verified() {
        var variables = new HashMap<String, Object>();
        variables.put("checkedGovernmentId", true);
        variables.put("checkedCallBack", true);
        variables.put("checkedSecurityQuestions", false);
        variables.put("verificationOutcome", "verified");
        variables.put("verificationNote", "Called back on the number on file");
        return variables;
    }
}
