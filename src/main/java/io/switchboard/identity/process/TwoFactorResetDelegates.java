package io.switchboard.identity.process;

import io.switchboard.identity.internal.TwoFactorResetSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin service-task delegates of processes/two-factor-reset.bpmn, by bean name: each reads the request id
 * and calls one step of {@link TwoFactorResetSteps}.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorResetDelegates {

    /** The user task whose unclaimed wait escalates. */
    static final String VERIFICATION_TASK = "VerifyIdentityTask";
    /** Priority of an escalated verification (Camunda's default is 50). */
    static final int ESCALATED_PRIORITY = 80;

    static long requestId(DelegateExecution execution) {
        Object id = execution.getVariable(TwoFactorResetProcess.REQUEST_ID);
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("Process " + execution.getProcessInstanceId() + " has no request id");
        }
        return number.longValue();
    }

    @Bean
    JavaDelegate twoFactorResetClearDelegate(TwoFactorResetSteps steps) {
        return execution -> steps.completeReset(requestId(execution));
    }

    @Bean
    JavaDelegate twoFactorResetEmailDoneDelegate(TwoFactorResetSteps steps) {
        return execution -> steps.emailResetDone(requestId(execution));
    }

    @Bean
    JavaDelegate twoFactorResetTellRequesterDelegate(TwoFactorResetSteps steps) {
        return execution -> steps.tellRejected(requestId(execution));
    }

    @Bean
    JavaDelegate twoFactorResetExpireDelegate(TwoFactorResetSteps steps) {
        return execution -> steps.expire(requestId(execution));
    }

    @Bean
    EscalateVerification twoFactorResetEscalateDelegate(TwoFactorResetSteps steps) {
        return new EscalateVerification(steps);
    }

    /** A deleted instance leaves no open request behind. */
    @Bean
    ExecutionListener twoFactorResetEndListener(TwoFactorResetSteps steps) {
        return execution -> steps.cancelIfOpen(execution.getProcessInstanceId());
    }

    /**
     * The verification waited unclaimed: supervisors are emailed and the task's priority goes up. Also answers
     * the gateway before it ({@code ${twoFactorResetEscalateDelegate.unclaimed(execution)}}).
     */
    static final class EscalateVerification implements JavaDelegate {

        private final TwoFactorResetSteps steps;

        EscalateVerification(TwoFactorResetSteps steps) {
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
            steps.escalate(requestId(execution), task.getId());
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
}
