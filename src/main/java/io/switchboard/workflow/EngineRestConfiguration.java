package io.switchboard.workflow;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API ({@code /engine-rest}) as the starter configures it, plus one exception mapper.
 * <p>
 * The engine wraps every exception a task listener or delegate throws in a plain {@link ProcessEngineException},
 * which Camunda's own mapper answers with 500. When what was thrown inside is a refusal (an
 * {@link AuthorizationException}, e.g. the separation of duties of the 2FA reset) or bad input (a form field that
 * failed validation, a {@link BadUserRequestException}), the client gets what it deserves: 403 or 400, with the
 * inner message, in Camunda's error format that Tasklist shows.
 */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RefusalsInsideTheEngine.class);
        register(RefusalsInsideRestExceptions.class);
    }

    /** Ahead of Camunda's mapper for the same type (which has the default priority). */
    @Priority(Priorities.USER - 100)
    static class RefusalsInsideTheEngine implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return refusalInside(exception).orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
        }
    }

    /**
     * Some resources (task complete, submit-form) catch the engine's exception and rethrow it as a 500
     * {@link RestException} ("Cannot complete task ..."): the same look inside applies.
     */
    @Priority(Priorities.USER - 100)
    static class RefusalsInsideRestExceptions implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            boolean internal = exception.getStatus() == null
                    || exception.getStatus() == Response.Status.INTERNAL_SERVER_ERROR;
            return (internal ? refusalInside(exception) : Optional.<Response>empty())
                    .orElseGet(() -> ExceptionHandlerHelper.getInstance().getResponse(exception));
        }
    }

    /** 403 for an {@link AuthorizationException}, 400 for bad form input, found among the causes. */
    static Optional<Response> refusalInside(Throwable exception) {
        for (Throwable cause = exception.getCause(); cause != null && cause != exception; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException refused) {
                return Optional.of(ExceptionHandlerHelper.getInstance().getResponse(refused));
            }
            if (cause instanceof FormException || cause instanceof BadUserRequestException) {
                return Optional.of(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(ExceptionDto.fromException(cause)).build());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
