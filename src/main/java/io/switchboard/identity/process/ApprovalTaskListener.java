package io.switchboard.identity.process;

import io.switchboard.identity.internal.TwoFactorResetSteps;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Approve the 2FA reset" (form forms/two-factor-reset-approval.form): separation of duties, enforced by the
 * engine. Nobody who verified the requester's identity, nobody outside {@code admin}, and never the requester
 * may be assigned, claim or complete it, through Tasklist, {@code /engine-rest} or the Java API. Completing
 * records the decision and the reason on the request.
 */
@Component("twoFactorResetApprovalListener")
class ApprovalTaskListener implements TaskListener {

    private final TwoFactorResetSteps steps;

    ApprovalTaskListener(TwoFactorResetSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    SeparationOfDuties.enforce(() -> steps.requireMayApprove(task.getProcessInstanceId(), task.getAssignee()));
                }
            }
            case EVENTNAME_COMPLETE -> complete(task);
            default -> { }
        }
    }

    private void complete(DelegateTask task) {
        String user = SeparationOfDuties.currentUser(task);
        if (task.getAssignee() != null && user != null && !task.getAssignee().equals(user)) {
            throw new AuthorizationException("The approval is claimed by " + task.getAssignee() + "; " + user
                    + " cannot complete it");
        }
        Boolean approve = SeparationOfDuties.choice(task.getVariable("approvalDecision"), "approve", "reject");
        String reason = SeparationOfDuties.string(task.getVariable("approvalReason"));
        SeparationOfDuties.enforce(() -> steps.recordApproval(task.getProcessInstanceId(), user, approve, reason));
        task.getExecution().setVariable("resetApproved", approve);
    }
}
