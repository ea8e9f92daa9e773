package io.switchboard.identity.process;

import io.switchboard.identity.internal.TwoFactorResetSteps;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Approve the 2FA reset" (form forms/two-factor-reset-approval.form): separation of duties, enforced by the
 * engine. Nobody who verified the requester's identity, nobody outside {@code admin}, and never the requester
 * may be assigned, claim or complete it, through Tasklist, {@code /engine-rest} or the Java API. Completing
 * records the decision and the reason on the request.
 */
@Component("twoFactorResetApprovalListener")
class ApprovalTaskListener extends GuardedTaskListener {

    private final TwoFactorResetSteps steps;

    ApprovalTaskListener(TwoFactorResetSteps steps) {
        super("approval");
        this.steps = steps;
    }

    @Override
    void requireMayTake(String processInstanceId, String assignee) {
        steps.requireMayApprove(processInstanceId, assignee);
    }

    @Override
    void complete(DelegateTask task, @Nullable String user) {
        Boolean approve = SeparationOfDuties.choice(task.getVariable("approvalDecision"), "approve", "reject");
        String reason = SeparationOfDuties.string(task.getVariable("approvalReason"));
        SeparationOfDuties.enforce(() -> steps.recordApproval(task.getProcessInstanceId(), user, approve, reason));
        task.getExecution().setVariable("resetApproved", approve);
    }
}
