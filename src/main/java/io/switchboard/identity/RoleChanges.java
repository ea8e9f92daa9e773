package io.switchboard.identity;

import org.springframework.lang.Nullable;

/** Changes to a role (C-ROL-04); {@code null} leaves a field as it is. System roles cannot be renamed. */
public record RoleChanges(@Nullable String name, @Nullable String description) {}
