package io.switchboard.console.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagPillTests {

    @Test
    void darkTextOnLightColoursAndWhiteTextOnDarkOnes() {
        assertThat(TagPill.readableOn("FFD700")).isEqualTo("#111827");
        assertThat(TagPill.readableOn("FFFFFF")).isEqualTo("#111827");
        assertThat(TagPill.readableOn("C9302C")).isEqualTo("#ffffff");
        assertThat(TagPill.readableOn("2B46D6")).isEqualTo("#ffffff");
        assertThat(TagPill.readableOn("000000")).isEqualTo("#ffffff");
    }
}
