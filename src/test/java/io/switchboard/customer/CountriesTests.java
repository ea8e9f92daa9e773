package io.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class CountriesTests {

    @Test
    void acceptsCodesAndEnglishOrSpanishNames() {
        assertThat(Countries.normalise("es")).hasValue("ES");
        assertThat(Countries.normalise("Spain")).hasValue("ES");
        assertThat(Countries.normalise("españa")).hasValue("ES");
        assertThat(Countries.normalise("Reino Unido")).hasValue("GB");
        assertThat(Countries.normalise("United Kingdom")).hasValue("GB");
        assertThat(Countries.normalise("UK")).hasValue("GB");
        assertThat(Countries.normalise(" Mexico ")).hasValue("MX");
        assertThat(Countries.normalise("México")).hasValue("MX");
    }

    @Test
    void refusesWhatNamesNoCountry() {
        assertThat(Countries.normalise("XX")).isEmpty();
        assertThat(Countries.normalise("Atlantis")).isEmpty();
        assertThat(Countries.normalise(" ")).isEmpty();
    }

    @Test
    void listsCountriesForAPickerSortedByName() {
        var all = Countries.all(Locale.ENGLISH);
        assertThat(all).hasSizeGreaterThan(240);
        assertThat(all).anySatisfy(e -> assertThat(e.getKey()).isEqualTo("GB"));
        assertThat(all.get(0).getValue()).isLessThan(all.get(all.size() - 1).getValue());
    }
}
