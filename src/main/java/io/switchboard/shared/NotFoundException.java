package io.switchboard.shared;

/** A record the caller named does not exist (or is not theirs to see). Becomes a 404 problem document. */
public class NotFoundException extends RuntimeException {

    private final String entity;
    private final Object id;

    public NotFoundException(String entity, Object id) {
        super(entity + " " + id + " not found");
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public Object id() {
        return id;
    }
}
