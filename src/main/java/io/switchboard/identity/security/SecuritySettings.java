package io.switchboard.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in credentials behave.
 *
 * @param jwtSecret       HMAC-SHA256 key for access tokens ({@code SWITCHBOARD_JWT_SECRET}), at least 32
 *                        characters; blank: a random key generated once and kept in the database
 * @param accessTokenTtl  lifetime of an access token (JWT) ({@code SWITCHBOARD_ACCESS_TOKEN_TTL})
 * @param refreshTokenTtl lifetime of a refresh token ({@code SWITCHBOARD_REFRESH_TOKEN_TTL})
 * @param rememberMeTtl   how long "remember me" keeps a browser signed in ({@code SWITCHBOARD_REMEMBER_ME_TTL})
 */
@ConfigurationProperties("switchboard.security")
public record SecuritySettings(
        String jwtSecret,
        @DefaultValue("30m") Duration accessTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration rememberMeTtl) {

    static final int MIN_SECRET_LENGTH = 32;

    public SecuritySettings {
        if (jwtSecret != null && !jwtSecret.isBlank() && jwtSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("switchboard.security.jwt-secret (SWITCHBOARD_JWT_SECRET) must be at "
                    + "least " + MIN_SECRET_LENGTH + " characters for HMAC-SHA256; leave it blank to have one generated");
        }
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.isNegative()
                || refreshTokenTtl.isZero() || rememberMeTtl.isNegative() || rememberMeTtl.isZero()) {
            throw new IllegalArgumentException("switchboard.security token lifetimes must be positive");
        }
    }
}
