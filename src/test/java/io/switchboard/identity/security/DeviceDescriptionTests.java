package io.switchboard.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceDescriptionTests {

    @Test
    void namesCommonBrowsersAndSystemsWithoutVersions() {
        assertThat(DeviceDescription.of("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"))
                .isEqualTo(new DeviceDescription("Firefox", "Linux"));
        assertThat(DeviceDescription.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")).isEqualTo(new DeviceDescription("Edge", "Windows"));
        assertThat(DeviceDescription.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/126.0.0.0 Mobile Safari/537.36")).isEqualTo(new DeviceDescription("Chrome", "Android"));
        assertThat(DeviceDescription.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")).isEqualTo(new DeviceDescription("Safari", "iOS"));
        assertThat(DeviceDescription.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like "
                + "Gecko) Version/17.5 Safari/605.1.15")).isEqualTo(new DeviceDescription("Safari", "macOS"));
        assertThat(DeviceDescription.of("curl/8.5.0")).isEqualTo(new DeviceDescription("curl", "Unknown OS"));
        assertThat(DeviceDescription.of("MyScript/1.2")).isEqualTo(new DeviceDescription("MyScript", "Unknown OS"));
        assertThat(DeviceDescription.of(null)).isEqualTo(new DeviceDescription("Unknown browser", "Unknown OS"));
        assertThat(DeviceDescription.of("Firefox/127.0 X11 Linux")).isEqualTo(DeviceDescription.of("Firefox/128.0 X11 Linux"));
    }
}
