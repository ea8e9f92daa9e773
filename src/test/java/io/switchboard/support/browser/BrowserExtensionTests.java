package io.switchboard.support.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class BrowserExtensionTests {

    static final List<String> MISSING = List.of("/usr/bin/chromium (Debian package chromium)");

    @Test
    void runsWhenChromiumAndItsDriverAreThere() {
        assertThatCode(() -> BrowserExtension.requireTools(List.of(), true, "tests")).doesNotThrowAnyException();
        assertThatCode(() -> BrowserExtension.requireTools(List.of(), false, "tests")).doesNotThrowAnyException();
    }

    @Test
    void skipsWithoutChromiumOnADevelopersMachine() {
        assertThatThrownBy(() -> BrowserExtension.requireTools(MISSING, false, "tests"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("apt-get install");
    }

    @Test
    void failsWithoutChromiumOnCi() {
        assertThatThrownBy(() -> BrowserExtension.requireTools(MISSING, true, "tests"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CI=true");
    }
}
