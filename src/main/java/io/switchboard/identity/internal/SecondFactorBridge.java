package io.switchboard.identity.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY seam to the 2FA core (branch twofactor): replaced by io.switchboard.identity.TwoFactor and the
 * sign-in challenges once merged.
 */
@Component
public class SecondFactorBridge {

    public boolean isEnabled(long userId) {
        return true;
    }

    public void clear(long userId) {
    }

    public Optional<Long> pendingChallengeUser(String token) {
        return Optional.empty();
    }
}
