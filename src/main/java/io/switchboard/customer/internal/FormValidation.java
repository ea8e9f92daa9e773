package io.switchboard.customer.internal;

import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.InvalidInputException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Checks a form's bean-validation constraints plus the caller's own rules and fails once, naming every
 * offending field with the API's snake_case name, so the REST API and the console report the same thing.
 */
@Component
class FormValidation {

    private final Validator validator;

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    /** A collector of field errors for one form. */
    Errors check(Object form) {
        var errors = new Errors();
        for (ConstraintViolation<Object> v : validator.validate(form)) {
            errors.add(snake(v.getPropertyPath().toString()), v.getMessage());
        }
        return errors;
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([a-z])([0-9])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    static final class Errors {

        private final List<FieldError> errors = new ArrayList<>();

        Errors add(String field, String reason) {
            errors.add(new FieldError(field, reason));
            return this;
        }

        boolean has(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        /** Throws a 400 naming every field collected so far, if any. */
        void throwIfAny() {
            if (!errors.isEmpty()) {
                errors.sort(Comparator.comparing(FieldError::field));
                throw new InvalidInputException(errors);
            }
        }
    }
}
