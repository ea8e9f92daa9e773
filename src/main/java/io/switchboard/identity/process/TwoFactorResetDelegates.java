package io.switchboard.identity.process;

import io.switchboard.identity.internal.TwoFactorResetSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The thin service-task delegates of processes/two-factor-reset.bpmn, by bean name: each reads the request id
 * and calls one step of {@link TwoFactorResetSteps}.
 */
@Configuration(proxyBeanMethods = false)
class TwoFactorResetDelegates {

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
    EscalateVerificationDelegate twoFactorResetEscalateDelegate(TwoFactorResetSteps steps) {
        return new EscalateVerificationDelegate(steps);
    }

    /** A deleted instance leaves no open request behind. */
    @Bean
    ExecutionListener twoFactorResetEndListener(TwoFactorResetSteps steps) {
        return execution -> steps.cancelIfOpen(execution.getProcessInstanceId());
    }
}
