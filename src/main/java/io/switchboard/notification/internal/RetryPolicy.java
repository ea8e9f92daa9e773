package io.switchboard.notification.internal;

import java.time.Duration;

/** Exponential back-off: base, 2 × base, 4 × base … capped at max; given up after {@code maxAttempts} attempts. */
record RetryPolicy(Duration base, Duration max, int maxAttempts) {

    static RetryPolicy of(NotificationProperties.Outbox outbox) {
        return new RetryPolicy(outbox.retryBase(), outbox.retryMax(), outbox.maxAttempts());
    }

    /** The wait before the next attempt, after {@code attempts} failed ones (1 or more). */
    Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** True when {@code attempts} attempts are all this email gets. */
    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
