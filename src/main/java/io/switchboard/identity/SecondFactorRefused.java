package io.switchboard.identity;

/**
 * The second step of a sign-in failed: the challenge is unknown, expired, used or dead after too many wrong
 * codes, or the code is wrong. Deliberately vague (HTTP 401); the failed attempt is counted, not rolled back.
 */
public class SecondFactorRefused extends RuntimeException {

    public SecondFactorRefused(String message) {
        super(message);
    }
}
