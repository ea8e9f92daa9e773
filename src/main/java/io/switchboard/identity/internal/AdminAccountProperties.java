package io.switchboard.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created at start when no active user holds {@code admin}.
 *
 * @param email    {@code SWITCHBOARD_ADMIN_EMAIL}; the username is its local part (before the {@code @})
 * @param password {@code SWITCHBOARD_ADMIN_PASSWORD}; blank: the demo default {@value IdentitySeeding#DEMO_ADMIN_PASSWORD}
 */
@ConfigurationProperties("switchboard.admin")
public record AdminAccountProperties(@DefaultValue("admin@switchboard.local") String email, String password) {}
