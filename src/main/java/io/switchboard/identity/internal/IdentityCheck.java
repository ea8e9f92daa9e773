package io.switchboard.identity.internal;

/** What support checked to verify a requester's identity before a 2FA reset (A-UADM-14). */
public enum IdentityCheck {
    GOVERNMENT_ID("Government ID"),
    SECURITY_QUESTIONS("Security questions"),
    RECENT_TRANSACTIONS("Recent transactions"),
    IN_PERSON("In person"),
    CALL_BACK("Call-back to the number on file");

    private final String label;

    IdentityCheck(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
