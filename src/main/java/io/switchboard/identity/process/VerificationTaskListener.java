package io.switchboard.identity.process;

import io.switchboard.identity.internal.IdentityCheck;
import io.switchboard.identity.internal.TwoFactorResetSteps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * "Verify the requester's identity" (form forms/two-factor-reset-verification.form): only a member of
 * {@code support} who is not the requester may be assigned, claim or complete it; completing records what was
 * checked, the outcome and the note on the request.
 */
@Component("twoFactorResetVerificationListener")
class VerificationTaskListener extends GuardedTaskListener {

    /** Form checkbox variables and what each says was checked (A-UADM-14). */
    static final Map<String, IdentityCheck> CHECKBOXES = new LinkedHashMap<>();

    static {
        CHECKBOXES.put("checkedGovernmentId", IdentityCheck.GOVERNMENT_ID);
        CHECKBOXES.put("checkedSecurityQuestions", IdentityCheck.SECURITY_QUESTIONS);
        CHECKBOXES.put("checkedRecentTransactions", IdentityCheck.RECENT_TRANSACTIONS);
        CHECKBOXES.put("checkedInPerson", IdentityCheck.IN_PERSON);
        CHECKBOXES.put("checkedCallBack", IdentityCheck.CALL_BACK);
    }

    private final TwoFactorResetSteps steps;

    VerificationTaskListener(TwoFactorResetSteps steps) {
        super("verification");
        this.steps = steps;
    }

    @Override
    void requireMayTake(String processInstanceId, String assignee) {
        steps.requireMayVerify(processInstanceId, assignee);
    }

    @Override
    void complete(DelegateTask task, @Nullable String user) {
        List<IdentityCheck> checks = new ArrayList<>();
        CHECKBOXES.forEach((variable, check) -> {
            if (SeparationOfDuties.ticked(task.getVariable(variable))) {
                checks.add(check);
            }
        });
        Boolean verified = SeparationOfDuties.choice(task.getVariable("verificationOutcome"), "verified", "not_verified");
        String note = SeparationOfDuties.string(task.getVariable("verificationNote"));
        var verification = SeparationOfDuties.enforce(() -> steps.recordVerification(task.getProcessInstanceId(), user,
                checks, verified, note));
        var execution = task.getExecution();
        execution.setVariable("identityVerified", verified);
        execution.setVariable("verifierUsername", verification.verifierUsername());
        execution.setVariable("verifierName", verification.verifierName());
        execution.setVariable("verificationChecks", verification.checks());
    }
}
