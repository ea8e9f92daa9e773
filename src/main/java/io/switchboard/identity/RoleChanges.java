package io.switchboard.identity;

import org.springframework.lang.Nullable;

/**
 * Changes to a role (C-ROL-04); {@code null} leaves a field as it is. System roles cannot be renamed.
 * {@code twoFactorRequired}: the role's holders must use 2FA (staff only; customers are never forced).
 */
public record RoleChanges(@Nullable String name, @Nullable String description, @Nullable Boolean twoFactorRequired) {

    public RoleChanges(@Nullable String name, @Nullable String description) {
        this(name, description, null);
    }
}
