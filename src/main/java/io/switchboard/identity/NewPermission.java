package io.switchboard.identity;

import org.springframework.lang.Nullable;

/** A permission to add to the catalogue (C-PERM-21): a snake_case name such as {@code view_widget}. */
public record NewPermission(String name, @Nullable String description) {}
