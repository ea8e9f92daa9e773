package io.switchboard.identity.process;

import io.switchboard.shared.InvalidInputException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Turns identity's refusals into engine exceptions inside task listeners, so the engine rolls back the claim,
 * assignment or completion whatever the client (Tasklist, {@code /engine-rest}, the Java API). The engine wraps
 * every task-listener exception in a {@code ProcessEngineException} whose message quotes ours.
 */
final class SeparationOfDuties {

    private SeparationOfDuties() {}

    /** The Camunda user completing or claiming through an API, or {@code null} when nobody is authenticated. */
    @Nullable
    static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    static <T> T enforce(Supplier<T> step) {
        try {
            return step.get();
        } catch (AccessDeniedException e) {
            throw new AuthorizationException(e.getMessage());
        } catch (InvalidInputException e) {
            throw new FormFieldValidationException(e.errors().get(0).field(), e.getMessage());
        }
    }

    static void enforce(Runnable step) {
        enforce(() -> {
            step.run();
            return null;
        });
    }

    @Nullable
    static Boolean choice(@Nullable Object value, String yes, String no) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        if (text.equalsIgnoreCase(yes)) {
            return true;
        }
        if (text.equalsIgnoreCase(no)) {
            return false;
        }
        return null;
    }

    static boolean ticked(@Nullable Object value) {
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(String.valueOf(value).trim());
    }

    @Nullable
    static String string(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
