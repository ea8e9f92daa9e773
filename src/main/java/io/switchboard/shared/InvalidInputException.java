package io.switchboard.shared;

import java.util.List;

/**
 * Input that breaks a rule the caller can fix, naming each offending field and why.
 * Becomes a 400 (or 422 for {@link #unprocessable}) problem document with an {@code errors} list.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;
    private final boolean unprocessable;

    public InvalidInputException(List<FieldError> errors) {
        this(errors, false);
    }

    private InvalidInputException(List<FieldError> errors, boolean unprocessable) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).reason());
        this.errors = List.copyOf(errors);
        this.unprocessable = unprocessable;
    }

    public static InvalidInputException of(String field, String reason) {
        return new InvalidInputException(List.of(new FieldError(field, reason)));
    }

    /** Well-formed input that a business rule refuses (HTTP 422). */
    public static InvalidInputException unprocessable(String field, String reason) {
        return new InvalidInputException(List.of(new FieldError(field, reason)), true);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean isUnprocessable() {
        return unprocessable;
    }

    /** One offending field; {@code field} uses the API's snake_case name. */
    public record FieldError(String field, String reason) {}
}
