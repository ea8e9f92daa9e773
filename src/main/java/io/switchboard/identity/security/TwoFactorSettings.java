package io.switchboard.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Two-factor authentication ({@code switchboard.security.two-factor.*}). The key that encrypts TOTP secrets is
 * {@code switchboard.security.encryption-key} (see {@code identity.internal.TwoFactorCrypto}).
 *
 * @param issuer           the name authenticator apps show for the entry ({@code SWITCHBOARD_2FA_ISSUER})
 * @param challengeTtl     how long the second step of a sign-in may take ({@code SWITCHBOARD_2FA_CHALLENGE_TTL})
 * @param maxAttempts      wrong codes a sign-in challenge survives before it dies ({@code SWITCHBOARD_2FA_MAX_ATTEMPTS})
 * @param requiredForStaff every staff user must use 2FA (customers never are forced, A-2FA-05)
 *                         ({@code SWITCHBOARD_2FA_REQUIRED_FOR_STAFF})
 */
@ConfigurationProperties("switchboard.security.two-factor")
public record TwoFactorSettings(
        @DefaultValue("Switchboard") String issuer,
        @DefaultValue("5m") Duration challengeTtl,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("false") boolean requiredForStaff) {

    public TwoFactorSettings {
        if (issuer == null || issuer.isBlank() || issuer.contains(":")) {
            throw new IllegalArgumentException("switchboard.security.two-factor.issuer must be a name without ':'");
        }
        if (challengeTtl.isNegative() || challengeTtl.isZero() || maxAttempts < 1) {
            throw new IllegalArgumentException("switchboard.security.two-factor challenge-ttl and max-attempts must be positive");
        }
    }
}
