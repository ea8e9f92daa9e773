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
 * @param impersonation   how long staff may act as a customer user ({@link Impersonation})
 */
@ConfigurationProperties("switchboard.security")
public record SecuritySettings(
        String jwtSecret,
        @DefaultValue("30m") Duration accessTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration rememberMeTtl,
        @DefaultValue Impersonation impersonation) {

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

    /**
     * Impersonation time limits (C-IMP-05, I-33).
     *
     * @param idleTimeout  an impersonation ends after this long without a request
     *                     ({@code SWITCHBOARD_IMPERSONATION_IDLE_TIMEOUT}); also the most an impersonation access
     *                     token lives
     * @param maxDuration  an impersonation ends this long after it started, however busy
     *                     ({@code SWITCHBOARD_IMPERSONATION_MAX_DURATION})
     */
    public record Impersonation(@DefaultValue("15m") Duration idleTimeout, @DefaultValue("2h") Duration maxDuration) {

        public Impersonation {
            if (idleTimeout.isNegative() || idleTimeout.isZero() || maxDuration.isNegative() || maxDuration.isZero()) {
                throw new IllegalArgumentException("switchboard.security.impersonation durations must be positive");
            }
        }
    }
}
