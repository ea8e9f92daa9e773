package io.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlusCodesTests {

    @Test
    void encodesElevenDigitsTwelveCharactersExtendingTheReferenceExample() {
        // Open Location Code's reference example: 47.365590, 8.524997 is 8FVC9G8F+6X at 10 digits
        String code = PlusCodes.encode(47.365590, 8.524997);
        assertThat(code).hasSize(PlusCodes.LENGTH).startsWith("8FVC9G8F+6X").isEqualTo("8FVC9G8F+6XQ");
    }

    @Test
    void encodesTheEdgesOfTheMap() {
        assertThat(PlusCodes.encode(90, 180)).hasSize(12);
        assertThat(PlusCodes.encode(-90, -180)).hasSize(12);
    }

    @Test
    void refusesCoordinatesOffTheMap() {
        assertThatThrownBy(() -> PlusCodes.encode(90.1, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> PlusCodes.encode(0, -180.5)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> PlusCodes.encode(Double.NaN, 0)).hasMessageContaining("latitude");
    }

    @Test
    void aCodeAgreesWhenItsAreaContainsThePosition() {
        assertThat(PlusCodes.agrees("8FVC9G8F+6XQ", 47.365590, 8.524997)).isTrue();
        assertThat(PlusCodes.agrees("8fvc9g8f+6x", 47.365590, 8.524997)).isTrue();
        assertThat(PlusCodes.agrees("8FVC0000+", 47.365590, 8.524997)).isTrue();
        assertThat(PlusCodes.agrees("9C3XGPHC+3Q", 47.365590, 8.524997)).isFalse();
        assertThat(PlusCodes.agrees("8FVC9G8F+6XR", 47.365590, 8.524997)).isFalse();
    }

    @Test
    void shortAndMalformedCodesNeverAgree() {
        assertThat(PlusCodes.isFullCode("9G8F+6X")).isFalse();
        assertThat(PlusCodes.agrees("9G8F+6X", 47.365590, 8.524997)).isFalse();
        assertThat(PlusCodes.agrees("not a code", 47.365590, 8.524997)).isFalse();
        assertThat(PlusCodes.agrees(null, 47.365590, 8.524997)).isFalse();
    }
}
