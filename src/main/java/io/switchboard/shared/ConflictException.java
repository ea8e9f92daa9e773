package io.switchboard.shared;

/** The request clashes with the current state of a record (duplicate, guarded delete, ...). HTTP 409. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String message) {
        this(null, message);
    }

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field the conflict is about, or {@code null} when it concerns the record as a whole. */
    @org.springframework.lang.Nullable
    public String field() {
        return field;
    }
}
