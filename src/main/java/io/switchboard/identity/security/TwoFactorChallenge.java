package io.switchboard.identity.security;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The answer of the password step for a user with 2FA on (A-API-05): no token, only a challenge to pass with
 * {@code POST /2fa/verify/user/{user_id}} {@code {code, challenge_token}} within {@code expires_in} seconds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TwoFactorChallenge(boolean twoFactorRequired, long userId, String challengeToken, long expiresIn)
        implements LoginResult {

    @Override
    public String toString() {
        return "TwoFactorChallenge[userId=" + userId + "]";
    }
}
