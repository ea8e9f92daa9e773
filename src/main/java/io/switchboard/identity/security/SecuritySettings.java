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
        List<IpAllowListEntry> ipAllowList,
        List<String> trustedProxies,
        @DefaultValue NewDeviceEmail newDeviceEmail) {

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

    /** @param enabled whether a sign-in from an unknown browser/IP pair emails the user ({@code SWITCHBOARD_NEW_DEVICE_EMAIL}) */
    public record NewDeviceEmail(@DefaultValue("true") boolean enabled) {}
}
