package io.switchboard.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The timers of the 2FA reset process ({@code switchboard.security.two-factor-reset.*}), handed to each new
 * process instance as variables (a running instance keeps the durations it started with).
 *
 * @param escalateAfter how long the identity verification may wait unclaimed before supervisors are told and its
 *                      priority goes up ({@code SWITCHBOARD_2FA_RESET_ESCALATE_AFTER}, default 24 hours)
 * @param expireAfter   how long a request may wait for verification and approval before it expires
 *                      ({@code SWITCHBOARD_2FA_RESET_EXPIRE_AFTER}, default 7 days)
 */
@ConfigurationProperties("switchboard.security.two-factor-reset")
public record TwoFactorResetSettings(
        @DefaultValue("24h") Duration escalateAfter,
        @DefaultValue("7d") Duration expireAfter) {

    public TwoFactorResetSettings {
        if (escalateAfter.isNegative() || escalateAfter.isZero() || expireAfter.isNegative() || expireAfter.isZero()) {
            throw new IllegalArgumentException("switchboard.security.two-factor-reset durations must be positive");
        }
    }

    /** The escalation delay as the ISO-8601 duration a BPMN timer takes ({@code PT24H}). */
    public String escalateAfterIso() {
        return escalateAfter.toString();
    }

    /** The expiry delay as the ISO-8601 duration a BPMN timer takes ({@code PT168H}). */
    public String expireAfterIso() {
        return expireAfter.toString();
    }
}
