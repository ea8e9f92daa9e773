package io.switchboard.identity.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.identity.TwoFactor;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.TestLogins.TestUser;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The 2FA reset process (processes/two-factor-reset.bpmn) against the real application: every path, the
 * separation of duties through the Java API and through {@code /engine-rest}, and both timers.
 */
@SwitchboardIntegrationTest
class TwoFactorResetProcessIntegrationTests {

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
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired TwoFactor twoFactor;

    @AfterEach
    void signOutOfTheEngine() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    // the happy path

    @Test
    void supportVerifiesAnotherAdminApprovesAndTheSecondFactorIsCleared() {
        var request = fixture.open();
        TestUser requester = request.requester();
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_VERIFICATION");
        assertThat(fixture.outbox("2fa-reset:" + request.id() + ":requested")).isEqualTo(1);

        TestUser support = logins.withRoles("support");
        TestUser admin = logins.withRoles("admin");

        Task verify = task(request, "VerifyIdentityTask");
        assertThat(tasks.getIdentityLinksForTask(verify.getId())).anyMatch(l -> "support".equals(l.getGroupId()));
        as(support);
        tasks.claim(verify.getId(), support.username());
        tasks.complete(verify.getId(), verified("Called back on the number on file; ID shown on video"));
        identity.clearAuthentication();

        assertThat(fixture.status(request.id())).isEqualTo("PENDING_APPROVAL");
        Task approve = task(request, "ApproveResetTask");
        assertThat(tasks.getIdentityLinksForTask(approve.getId())).anyMatch(l -> "admin".equals(l.getGroupId()));
        assertThat(runtime.getVariable(request.processInstanceId(), "verifierUsername")).isEqualTo(support.username());

        as(admin);
        tasks.claim(approve.getId(), admin.username());
        tasks.complete(approve.getId(), Map.of("approvalDecision", "approve"));
        identity.clearAuthentication();

        // the clearing runs after the approver's click has committed, as the automation account
        assertThat(twoFactor.isEnabled(requester.id())).isTrue();
        fixture.runToEnd(request.processInstanceId());

        assertThat(twoFactor.isEnabled(requester.id())).isFalse();
        var row = fixture.row(request.id());
        assertThat(row.get("status")).isEqualTo("APPROVED");
        assertThat(row.get("verifier_user_id")).isEqualTo(support.id());
        assertThat(row.get("approver_user_id")).isEqualTo(admin.id());
        assertThat(row.get("verification_checks")).isEqualTo("CALL_BACK,GOVERNMENT_ID");
        assertThat(row.get("closed_at")).isNotNull();
        assertThat(fixture.outbox("2fa-reset:" + request.id() + ":completed")).isEqualTo(1);
        assertThat(ended(request)).isEqualTo("ResetDoneEnd");

        var activity = fixture.activity(requester.id());
        assertThat(activity).extracting(a -> a.get("action")).contains("TWO_FACTOR_RESET_REQUESTED",
                "TWO_FACTOR_RESET_VERIFIED", "TWO_FACTOR_RESET_APPROVED", "TWO_FACTOR_RESET_COMPLETED");
        var completed = activity.stream().filter(a -> "TWO_FACTOR_RESET_COMPLETED".equals(a.get("action"))).findFirst()
                .orElseThrow();
        assertThat((String) completed.get("summary")).contains(requester.username(), support.username(),
                admin.username());
        assertThat(completed.get("actor_username")).isEqualTo("automation");
        // and nothing secret anywhere in the log
        assertThat(activity).allSatisfy(a -> assertThat(a.toString()).doesNotContainIgnoringCase("totp_secret")
                .doesNotContainPattern("\\b[0-9a-f]{8}\\b(?![0-9a-f-])"));
    }

    @Test
    void theSupportTeamCompletesTheVerificationThroughEngineRestWithTheirOwnCredentials() {
        var request = fixture.open();
        TestUser support = logins.withRoles("support");
        Task verify = task(request, "VerifyIdentityTask");

        var visible = fixture.engineRest(HttpMethod.GET, "/task?processInstanceId=" + request.processInstanceId(), null,
                support);
        assertThat(visible.getBody()).contains(verify.getId());
        var claimed = fixture.engineRest(HttpMethod.POST, "/task/" + verify.getId() + "/claim",
                "{\"userId\":\"" + support.username() + "\"}", support);
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
        var submitted = fixture.engineRest(HttpMethod.POST, "/task/" + verify.getId() + "/submit-form", """
                {"variables": {"checkedSecurityQuestions": {"value": true}, "checkedInPerson": {"value": true},
                  "verificationOutcome": {"value": "verified"}, "verificationNote": {"value": "came to the shop"}}}""",
                support);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isIn(200, 204);
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_APPROVAL");
        assertThat(fixture.row(request.id()).get("verification_checks")).isEqualTo("IN_PERSON,SECURITY_QUESTIONS");
    }

    // rejections

    @Test
    void anUnverifiedIdentityNeedsANoteAndTheRequesterIsToldIt() {
        var request = fixture.open();
        TestUser support = logins.withRoles("support");
        Task verify = task(request, "VerifyIdentityTask");
        as(support);
        tasks.claim(verify.getId(), support.username());

        assertThatThrownBy(() -> tasks.complete(verify.getId(), Map.of("verificationOutcome", "not_verified")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("note is required");
        assertThat(task(request, "VerifyIdentityTask")).isNotNull();
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_VERIFICATION");

        tasks.complete(verify.getId(), Map.of("verificationOutcome", "not_verified",
                "verificationNote", "Could not answer the security questions"));
        identity.clearAuthentication();
        assertThat(fixture.status(request.id())).isEqualTo("REJECTED");
        fixture.runToEnd(request.processInstanceId());

        assertThat(ended(request)).isEqualTo("RequestRejectedEnd");
        assertThat(fixture.outboxVariables("2fa-reset:" + request.id() + ":rejected"))
                .contains("Could not answer the security questions");
        assertThat(twoFactor.isEnabled(request.requester().id())).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).count()).isZero();
    }

    @Test
    void theApproverRejectsWithAReasonTheRequesterIsTold() {
        var request = fixture.open();
        verifyAs(logins.withRoles("support"), request);
        TestUser admin = logins.withRoles("admin");
        Task approve = task(request, "ApproveResetTask");
        as(admin);

        assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("approvalDecision", "reject")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("reason is required");
        assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("approvalDecision", "maybe")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("approve or reject");
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_APPROVAL");

        tasks.complete(approve.getId(), Map.of("approvalDecision", "reject",
                "approvalReason", "The account shows a password change an hour ago: possible takeover"));
        identity.clearAuthentication();
        fixture.runToEnd(request.processInstanceId());

        assertThat(fixture.status(request.id())).isEqualTo("REJECTED");
        assertThat(fixture.row(request.id()).get("approval_decision")).isEqualTo("REJECTED");
        assertThat(fixture.outboxVariables("2fa-reset:" + request.id() + ":rejected")).contains("possible takeover");
        assertThat(twoFactor.isEnabled(request.requester().id())).isTrue();
        assertThat(ended(request)).isEqualTo("RequestRejectedEnd");
    }

    // separation of duties

    @Test
    void theVerifierCanNeitherClaimNorCompleteTheApprovalThroughTheJavaApi() {
        var request = fixture.open();
        TestUser both = logins.withRoles("support", "admin");
        verifyAs(both, request);
        Task approve = task(request, "ApproveResetTask");

        as(both);
        assertThatThrownBy(() -> tasks.claim(approve.getId(), both.username()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Separation of duties");
        assertThatThrownBy(() -> tasks.setAssignee(approve.getId(), both.username()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Separation of duties");
        assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("approvalDecision", "approve")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Separation of duties");

        // another admin may not hand it to the verifier either
        as(logins.withRoles("admin"));
        assertThatThrownBy(() -> tasks.setAssignee(approve.getId(), both.username()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Separation of duties");
        identity.clearAuthentication();

        // nobody authenticated at all: refused too
        assertThatThrownBy(() -> tasks.complete(approve.getId(), Map.of("approvalDecision", "approve")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("signed-in");

        assertThat(tasks.createTaskQuery().taskId(approve.getId()).singleResult().getAssignee()).isNull();
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_APPROVAL");
        assertThat(fixture.row(request.id()).get("approver_user_id")).isNull();
        assertThat(twoFactor.isEnabled(request.requester().id())).isTrue();
    }

    @Test
    void theVerifierCanNeitherClaimNorCompleteTheApprovalThroughEngineRest() {
        var request = fixture.open();
        TestUser both = logins.withRoles("support", "admin");
        verifyAs(both, request);
        Task approve = task(request, "ApproveResetTask");

        var claim = fixture.engineRest(HttpMethod.POST, "/task/" + approve.getId() + "/claim",
                "{\"userId\":\"" + both.username() + "\"}", both);
        assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(403);
        assertThat(claim.getBody()).contains("Separation of duties");
        var assign = fixture.engineRest(HttpMethod.POST, "/task/" + approve.getId() + "/assignee",
                "{\"userId\":\"" + both.username() + "\"}", both);
        assertThat(assign.getStatusCode().value()).as(assign.getBody()).isEqualTo(403);
        var complete = fixture.engineRest(HttpMethod.POST, "/task/" + approve.getId() + "/complete",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"approve\"}}}", both);
        assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(403);
        assertThat(complete.getBody()).contains("Separation of duties");
        var submit = fixture.engineRest(HttpMethod.POST, "/task/" + approve.getId() + "/submit-form",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"approve\"}}}", both);
        assertThat(submit.getStatusCode().value()).as(submit.getBody()).isEqualTo(403);

        assertThat(tasks.createTaskQuery().taskId(approve.getId()).singleResult().getAssignee()).isNull();
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_APPROVAL");
        assertThat(fixture.row(request.id()).get("approver_user_id")).isNull();

        // a different admin then approves through the same API
        TestUser admin = logins.withRoles("admin");
        var approved = fixture.engineRest(HttpMethod.POST, "/task/" + approve.getId() + "/complete",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"approve\"}}}", admin);
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isIn(200, 204);
        fixture.runToEnd(request.processInstanceId());
        assertThat(twoFactor.isEnabled(request.requester().id())).isFalse();
    }

    @Test
    void onlyTheRightGroupCompletesEachTaskThroughEngineRest() {
        var request = fixture.open();
        Task verify = task(request, "VerifyIdentityTask");
        String verified = """
                {"variables": {"checkedGovernmentId": {"value": true}, "verificationOutcome": {"value": "verified"}}}""";

        // finance has no business with it: the engine does not even show it
        TestUser finance = logins.withRoles("finance");
        assertThat(fixture.engineRest(HttpMethod.GET, "/task?processInstanceId=" + request.processInstanceId(), null,
                finance).getBody()).isEqualTo("[]");
        assertThat(fixture.engineRest(HttpMethod.POST, "/task/" + verify.getId() + "/complete", verified, finance)
                .getStatusCode().value()).isIn(403, 404);
        // an admin who is not in support may see everything but may not verify
        var adminTry = fixture.engineRest(HttpMethod.POST, "/task/" + verify.getId() + "/complete", verified,
                logins.withRoles("admin"));
        assertThat(adminTry.getStatusCode().value()).as(adminTry.getBody()).isEqualTo(403);
        assertThat(adminTry.getBody()).contains("only support verifies");
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_VERIFICATION");

        verifyAs(logins.withRoles("support"), request);
        Task approve = task(request, "ApproveResetTask");
        // support (other than the verifier) cannot approve
        var supportTry = fixture.engineRest(HttpMethod.POST, "/task/" + approve.getId() + "/complete",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"approve\"}}}", logins.withRoles("support"));
        assertThat(supportTry.getStatusCode().value()).as(supportTry.getBody()).isEqualTo(403);
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_APPROVAL");
        assertThat(twoFactor.isEnabled(request.requester().id())).isTrue();
    }

    @Test
    void aStaffRequesterCannotVerifyTheirOwnReset() {
        var request = fixture.open("support");
        Task verify = task(request, "VerifyIdentityTask");
        as(request.requester());
        assertThatThrownBy(() -> tasks.claim(verify.getId(), request.requester().username()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("own");
        assertThatThrownBy(() -> tasks.complete(verify.getId(), verified("I am me")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("own");
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_VERIFICATION");
    }

    // timers

    @Test
    void anUnclaimedVerificationEscalatesAfter24Hours() {
        TestUser supervisor = logins.withRoles("supervisor");
        var request = fixture.open();
        Task verify = task(request, "VerifyIdentityTask");
        assertThat(verify.getPriority()).isEqualTo(50);

        moveClock(Duration.ofHours(23));
        assertThat(fixture.row(request.id()).get("escalated_at")).isNull();
        moveClock(Duration.ofHours(24).plusMinutes(1));
        runTimer(request, "VerificationUnclaimedTimer");

        ResetFixture.await("escalation", () -> fixture.row(request.id()).get("escalated_at") != null, () -> { });
        assertThat(task(request, "VerifyIdentityTask").getPriority()).isEqualTo(80);
        assertThat(fixture.outbox("2fa-reset:" + request.id() + ":escalated:" + supervisor.id())).isEqualTo(1);
        assertThat(fixture.outboxVariables("2fa-reset:" + request.id() + ":escalated:" + supervisor.id()))
                .contains(request.requester().username(), verify.getId());
        // still waiting for support: the escalation does not end anything
        assertThat(fixture.status(request.id())).isEqualTo("PENDING_VERIFICATION");
    }

    @Test
    void aClaimedVerificationDoesNotEscalate() {
        var request = fixture.open();
        TestUser support = logins.withRoles("support");
        Task verify = task(request, "VerifyIdentityTask");
        as(support);
        tasks.claim(verify.getId(), support.username());
        identity.clearAuthentication();

        moveClock(Duration.ofHours(24).plusMinutes(1));
        runTimer(request, "VerificationUnclaimedTimer");

        ResetFixture.await("timer fired", () -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(request.processInstanceId()).activityId("AlreadyClaimedEnd").count() == 1, () -> { });
        assertThat(fixture.row(request.id()).get("escalated_at")).isNull();
        assertThat(task(request, "VerifyIdentityTask").getPriority()).isEqualTo(50);
    }

    @Test
    void aRequestUntouchedFor7DaysExpires() {
        var request = fixture.open();
        verifyAs(logins.withRoles("support"), request);   // waiting for approval now

        moveClock(Duration.ofDays(7).plusMinutes(1));
        runTimer(request, "RequestExpiredTimer");
        fixture.runToEnd(request.processInstanceId());

        assertThat(fixture.status(request.id())).isEqualTo("EXPIRED");
        assertThat(fixture.outbox("2fa-reset:" + request.id() + ":expired")).isEqualTo(1);
        assertThat(ended(request)).isEqualTo("RequestExpiredEnd");
        assertThat(tasks.createTaskQuery().processInstanceId(request.processInstanceId()).count()).isZero();
        assertThat(twoFactor.isEnabled(request.requester().id())).isTrue();
        // and a new request may be made
        ClockUtil.reset();
        var again = fixture.requestReset(request.requester().id(), Map.of("challenge_token",
                fixture.challenge(request.requester()), "reason", "Still no phone"));
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(202);
    }

    // helpers

    private void as(TestUser user) {
        identity.setAuthentication(user.username(), List.copyOf(logins.actor(user).roles()));
    }

    private void verifyAs(TestUser support, ResetFixture.Request request) {
        Task verify = task(request, "VerifyIdentityTask");
        as(support);
        tasks.claim(verify.getId(), support.username());
        tasks.complete(verify.getId(), verified("Government ID checked on a video call"));
        identity.clearAuthentication();
    }

    private static Map<String, Object> verified(String note) {
        var variables = new HashMap<String, Object>();
        variables.put("checkedGovernmentId", true);
        variables.put("checkedCallBack", true);
        variables.put("checkedSecurityQuestions", false);
        variables.put("verificationOutcome", "verified");
        variables.put("verificationNote", note);
        return variables;
    }

    /** The task, whoever is authenticated (a query as a user sees only the tasks that user may read). */
    private Task task(ResetFixture.Request request, String key) {
        var current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return tasks.createTaskQuery().processInstanceId(request.processInstanceId()).taskDefinitionKey(key)
                    .singleResult();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private String ended(ResetFixture.Request request) {
        return history.createHistoricProcessInstanceQuery().processInstanceId(request.processInstanceId())
                .singleResult().getEndActivityId();
    }

    private void moveClock(Duration ahead) {
        ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(ahead)));
    }

    private void runTimer(ResetFixture.Request request, String timerId) {
        var timer = management.createJobQuery().processInstanceId(request.processInstanceId()).timers()
                .activityId(timerId).singleResult();
        if (timer != null) {
            try {
                management.executeJob(timer.getId());
            } catch (ProcessEngineException raced) {
                // the job executor fired it first
            }
        }
    }
}
