package io.switchboard.identity.security;

/** The {@code /2fa} API paths as the security chain treats them. */
final class TwoFactorPaths {

    /** Usable with a sign-in challenge token instead of a session (the controller checks one or the other). */
    static final String[] WITH_CHALLENGE = {"/2fa/verify/user/*", "/2fa/verify-setup/user/*",
            "/2fa/reset-for-new-device/user/*"};

    /** Open to a signed-in user whom policy requires to enrol before anything else. */
    static final String[] ENROLMENT = {"/2fa/enable/user/*", "/2fa/status/user/*"};

    private TwoFactorPaths() {}
}
