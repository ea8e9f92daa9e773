package io.switchboard.identity;

/** Where a 2FA reset request stands. */
public enum TwoFactorResetStatus {
    /** Waiting for support to verify the requester's identity. */
    PENDING_VERIFICATION,
    /** Identity verified; waiting for an admin (not the verifier) to approve or reject. */
    PENDING_APPROVAL,
    /** Approved: the second factor has been cleared. */
    APPROVED,
    /** Identity not verified, or the admin rejected the reset. */
    REJECTED,
    /** Nobody completed the review in time. */
    EXPIRED,
    /** The process was stopped (an administrator deleted its instance). */
    CANCELLED;

    public boolean isOpen() {
        return this == PENDING_VERIFICATION || this == PENDING_APPROVAL;
    }
}
