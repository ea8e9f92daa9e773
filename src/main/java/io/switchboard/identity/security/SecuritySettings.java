package io.switchboard.identity.security;

import java.time.Duration;
import java.util.List;
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
 * @param lockout         sign-in lockout after repeated wrong passwords (C-PWD-07)
 * @param passwordHistory how many recent passwords a new one may not repeat (C-PWD-08); 0 checks none
 * @param passwordReset   self-service password reset links (C-PWD-01/06)
 * @param emailVerification links that confirm a new e-mail address (A-AUTH-19, I-32)
 * @param impersonation   how long staff may act as a customer user ({@link Impersonation})
 * @param ipAllowList     networks that may call some API paths without credentials, as the {@code ip-allow-list}
 *                        service account (A-CFG-14); empty: none
 * @param trustedProxies  CIDR networks of the reverse proxies whose {@code X-Forwarded-For} and
 *                        {@code X-Forwarded-Proto} are believed ({@code SWITCHBOARD_TRUSTED_PROXIES}); empty: none
 * @param newDeviceEmail  the security email on a sign-in from a new browser/IP pair
 */
@ConfigurationProperties("switchboard.security")
public record SecuritySettings(
        String jwtSecret,
        @DefaultValue("30m") Duration accessTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue("30d") Duration rememberMeTtl,
        @DefaultValue Lockout lockout,
        @DefaultValue("5") int passwordHistory,
        @DefaultValue PasswordReset passwordReset,
        @DefaultValue EmailVerification emailVerification,
        @DefaultValue Impersonation impersonation,
        List<IpAllowListEntry> ipAllowList,
        List<String> trustedProxies,
        @DefaultValue NewDeviceEmail newDeviceEmail) {

    /**
     * @param maxAttempts wrong passwords in a row that lock the account
     * @param duration    how long a locked account stays locked
     */
    public record Lockout(@DefaultValue("5") int maxAttempts, @DefaultValue("30m") Duration duration) {
        public Lockout {
            if (maxAttempts < 1 || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("switchboard.security.lockout: max-attempts must be at least 1 "
                        + "and duration positive");
            }
        }
    }

    /**
     * @param tokenTtl    how long a reset link works
     * @param minInterval the shortest time between two reset emails to one account
     * @param maxPerHour  reset emails one account receives in an hour at most
     */
    public record PasswordReset(@DefaultValue("1h") Duration tokenTtl, @DefaultValue("1m") Duration minInterval,
            @DefaultValue("5") int maxPerHour) {
        public PasswordReset {
            if (tokenTtl.isNegative() || tokenTtl.isZero() || minInterval.isNegative() || maxPerHour < 1) {
                throw new IllegalArgumentException("switchboard.security.password-reset: token-ttl must be positive, "
                        + "min-interval not negative, max-per-hour at least 1");
            }
        }
    }

    /** @param tokenTtl how long a link confirming a new e-mail address works */
    public record EmailVerification(@DefaultValue("24h") Duration tokenTtl) {
        public EmailVerification {
            if (tokenTtl.isNegative() || tokenTtl.isZero()) {
                throw new IllegalArgumentException("switchboard.security.email-verification.token-ttl must be positive");
            }
        }
    }

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
        if (passwordHistory < 0) {
            throw new IllegalArgumentException("switchboard.security.password-history must not be negative");
        }
        newDeviceEmail = newDeviceEmail == null ? new NewDeviceEmail(true) : newDeviceEmail;
        ipAllowList = ipAllowList == null ? List.of() : List.copyOf(ipAllowList);
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        for (String proxy : trustedProxies) {
            try {
                IpNetwork.parse(proxy);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("switchboard.security.trusted-proxies: " + e.getMessage()); // the root cause start-up reports
            }
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

    /** @param enabled whether a sign-in from an unknown browser/IP pair emails the user ({@code SWITCHBOARD_NEW_DEVICE_EMAIL}) */
    public record NewDeviceEmail(@DefaultValue("true") boolean enabled) {}
}
