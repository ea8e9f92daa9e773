package io.switchboard.identity;

import org.springframework.lang.Nullable;

/** A role to create (C-ROL-01/02); it starts without permissions. */
public record NewRole(String name, @Nullable String description) {}
