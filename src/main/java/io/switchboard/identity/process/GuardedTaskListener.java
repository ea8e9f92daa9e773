package io.switchboard.identity.process;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.lang.Nullable;

/**
 * A human task of the 2FA reset whose separation of duties the engine enforces: on every assignment (claim,
 * assign, set assignee) the new assignee must be allowed; on completion the completing user must be the assignee
 * when the task is claimed, and the subclass records the outcome (where the rest of the rules are checked).
 */
abstract class GuardedTaskListener implements TaskListener {

    /** What the task is called in refusals ("approval", "verification"). */
    private final String what;

    GuardedTaskListener(String what) {
        this.what = what;
    }

    /** Refuses (with an {@code AccessDeniedException}) when {@code assignee} may not take this task. */
    abstract void requireMayTake(String processInstanceId, String assignee);

    /** Records the outcome the completing {@code user} (null when nobody is authenticated) submitted. */
    abstract void complete(DelegateTask task, @Nullable String user);

    @Override
    public final void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    SeparationOfDuties.enforce(() -> requireMayTake(task.getProcessInstanceId(), task.getAssignee()));
                }
            }
            case EVENTNAME_COMPLETE -> {
                String user = SeparationOfDuties.currentUser(task);
                if (task.getAssignee() != null && user != null && !task.getAssignee().equals(user)) {
                    throw new AuthorizationException("The " + what + " is claimed by " + task.getAssignee() + "; "
                            + user + " cannot complete it");
                }
                complete(task, user);
            }
            default -> { }
        }
    }
}
