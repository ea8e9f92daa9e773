package io.switchboard.identity.process;

import io.switchboard.identity.internal.TwoFactorResetSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

/**
 * The verification waited unclaimed: supervisors are emailed and the task's priority goes up. Also answers
 * the gateway before it ({@code ${twoFactorResetEscalateDelegate.unclaimed(execution)}}).
 */
public final class EscalateVerificationDelegate implements JavaDelegate {

    /** The user task whose unclaimed wait escalates. */
    static final String VERIFICATION_TASK = "VerifyIdentityTask";
    /** Priority of an escalated verification (Camunda's default is 50). */
    static final int ESCALATED_PRIORITY = 80;

    private final TwoFactorResetSteps steps;

    EscalateVerificationDelegate(TwoFactorResetSteps steps) {
        this.steps = steps;
    }

    public boolean unclaimed(DelegateExecution execution) {
        Task task = verificationTask(execution);
        return task != null && task.getAssignee() == null;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task task = verificationTask(execution);
        if (task == null || task.getAssignee() != null) {
            return;
        }
        steps.escalate(TwoFactorResetDelegates.requestId(execution), task.getId());
        var tasks = execution.getProcessEngineServices().getTaskService();
        tasks.setPriority(task.getId(), Math.max(task.getPriority(), ESCALATED_PRIORITY));
        execution.setVariable("verificationEscalated", true);
    }

    private static Task verificationTask(DelegateExecution execution) {
        return execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(VERIFICATION_TASK)
                .singleResult();
    }
}
