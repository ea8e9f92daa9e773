package io.switchboard.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), 8);

    @Test
    void doublesTheWaitAfterEachFailedAttempt() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(500)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void givesUpAtTheMaximumNumberOfAttempts() {
        assertThat(policy.exhausted(7)).isFalse();
        assertThat(policy.exhausted(8)).isTrue();
    }
}
