package io.switchboard.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.InvalidInputException.FieldError;
import io.switchboard.shared.NotFoundException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a JSON endpoint into an RFC 9457 problem document. Field problems carry an
 * {@code errors} list of {@code {field, reason}} with the API's snake_case field names. Nothing
 * unexpected leaks: a bug is a 500 with a reference to the log line, never a stack trace.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String TYPE_BASE = "https://switchboard.local/problems/";

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        var problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        problem.setProperty("entity", e.entity());
        problem.setProperty("id", String.valueOf(e.id()));
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        var status = e.isUnprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.BAD_REQUEST;
        return withErrors(problem(status, "invalid-input", "Invalid input", e.getMessage()), e.errors());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        var problem = problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (e.field() != null) {
            withErrors(problem, List.of(new FieldError(e.field(), e.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict",
                "The change clashes with existing data (a duplicate or a record still in use)");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        var errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(snake(lastNode(v.getPropertyPath().toString())), v.getMessage()))
                .toList();
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "The request has invalid values"), errors);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ProblemDetail accessDenied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You do not have the permission this action needs");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "Parameter " + e.getName() + " has a wrong type"),
                List.of(new FieldError(e.getName(), "must be " + expected)));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        var problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side; the reference identifies it in the log");
        problem.setProperty("reference", reference);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(fe -> new FieldError(snake(fe.getField()), fe.getDefaultMessage()))
                .collect(Collectors.toList());
        ex.getBindingResult().getGlobalErrors()
                .forEach(ge -> errors.add(new FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return ResponseEntity.badRequest().body(withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-input",
                "Invalid input", "The request has invalid values"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(snake(r.getMethodParameter().getParameterName()),
                                err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(withErrors(problem(HttpStatus.BAD_REQUEST, "invalid-input",
                "Invalid input", "The request has invalid values"), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "The request body is not valid JSON for this endpoint");
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            withErrors(problem, List.of(new FieldError(unknown.getPropertyName(), "is not a known field")));
        } else if (cause instanceof InvalidFormatException invalid) {
            withErrors(problem, List.of(new FieldError(path(invalid), "must be " + describe(invalid.getTargetType()))));
        } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            withErrors(problem, List.of(new FieldError(path(mismatched),
                    "must be " + describe(mismatched.getTargetType()))));
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                && mapping.getCause() instanceof IllegalArgumentException iae) {
            withErrors(problem, List.of(new FieldError(path(mapping), iae.getMessage())));
        } else if (cause instanceof JsonProcessingException json) {
            problem.setDetail("Malformed JSON: " + json.getOriginalMessage());
            // a value the parser itself refuses (a number out of range), wrapped with where it was
            if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                withErrors(problem, List.of(new FieldError(path(mapping), "is out of range or malformed")));
            }
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))) {
            problem.setType(URI.create(TYPE_BASE + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "reason", e.reason() == null ? "is invalid" : e.reason()))
                .toList());
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** camelCase Java names to the API's snake_case names. */
    static String snake(String name) {
        return name == null ? null : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
