package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyStatusTests {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void aKeyWithoutExpiryIsActiveUntilRevoked() {
        assertThat(ApiKeyStatus.of(null, null, NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(ApiKeyStatus.of(null, NOW.minusSeconds(1), NOW)).isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void revokedWinsOverExpired() {
        assertThat(ApiKeyStatus.of(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(5)), NOW))
                .isEqualTo(ApiKeyStatus.REVOKED);
    }

    @Test
    void theLastThirtyDaysAreExpiringSoon() {
        assertThat(ApiKeyStatus.of(NOW.plus(Duration.ofDays(31)), null, NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
        assertThat(ApiKeyStatus.of(NOW.plus(Duration.ofDays(30)), null, NOW)).isEqualTo(ApiKeyStatus.EXPIRING_SOON);
        assertThat(ApiKeyStatus.of(NOW.plusSeconds(1), null, NOW)).isEqualTo(ApiKeyStatus.EXPIRING_SOON);
    }

    @Test
    void aKeyIsExpiredFromItsExpiryInstantOn() {
        assertThat(ApiKeyStatus.of(NOW, null, NOW)).isEqualTo(ApiKeyStatus.EXPIRED);
        assertThat(ApiKeyStatus.of(NOW.minusSeconds(1), null, NOW)).isEqualTo(ApiKeyStatus.EXPIRED);
    }

    @Test
    void onlyActiveAndExpiringSoonKeysAuthenticate() {
        assertThat(ApiKeyStatus.ACTIVE.authenticates()).isTrue();
        assertThat(ApiKeyStatus.EXPIRING_SOON.authenticates()).isTrue();
        assertThat(ApiKeyStatus.EXPIRED.authenticates()).isFalse();
        assertThat(ApiKeyStatus.REVOKED.authenticates()).isFalse();
    }

    @Test
    void statusesHaveTheJsonNamesOfTheGuide() {
        assertThat(ApiKeyStatus.EXPIRING_SOON.json()).isEqualTo("expiring_soon");
        assertThat(ApiKeyStatus.parse("Active")).isEqualTo(ApiKeyStatus.ACTIVE);
    }
}
