package io.switchboard.identity;

import org.springframework.lang.Nullable;

/**
 * Which keys a list shows (A-APIK-18/19): {@code status} one of the statuses, {@code null} = every key that
 * is not revoked; {@code search} matches name, description or the visible part of the key.
 */
public record ApiKeyFilter(@Nullable ApiKeyStatus status, @Nullable String search) {}
