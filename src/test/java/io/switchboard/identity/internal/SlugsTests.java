package io.switchboard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void makesCamundaFriendlyGroupIds() {
        assertThat(Slugs.of("Customer Care")).isEqualTo("customer-care");
        assertThat(Slugs.of("  Tier2_Support!! ")).isEqualTo("tier2-support");
        assertThat(Slugs.of("Atención al cliente")).isEqualTo("atencion-al-cliente");
        assertThat(Slugs.of("!!!")).isEqualTo("role");
        assertThat(Slugs.of("x".repeat(80))).hasSize(56);
    }
}
