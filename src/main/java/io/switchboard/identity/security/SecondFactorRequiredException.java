package io.switchboard.identity.security;

import org.springframework.security.core.AuthenticationException;

/** The web form's password step passed for a user with 2FA on: the browser goes on to the code page. */
class SecondFactorRequiredException extends AuthenticationException {

    private final transient String challengeToken;

    SecondFactorRequiredException(String challengeToken) {
        super("Second factor required");
        this.challengeToken = challengeToken;
    }

    String challengeToken() {
        return challengeToken;
    }
}
