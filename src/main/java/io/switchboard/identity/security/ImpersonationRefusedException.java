package io.switchboard.identity.security;

import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * An impersonation that may not happen (B-IMP-02, B-IMP-10, I-34): a 403 problem document naming the field at
 * fault ({@code user_id} for a target that is staff or an administrator) and why.
 */
public class ImpersonationRefusedException extends AccessDeniedException {

    private final String field;

    public ImpersonationRefusedException(@Nullable String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** The request field the refusal is about, or {@code null} when it is about the caller. */
    @Nullable
    public String field() {
        return field;
    }
}
