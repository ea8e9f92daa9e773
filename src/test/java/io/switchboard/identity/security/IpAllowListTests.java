package io.switchboard.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The allow-list's verdict on requests, for an entry whose pattern is broader than it should be. */
class IpAllowListTests {

    private final IpAllowList allowList = new IpAllowList(settings(
            new IpAllowListEntry(List.of("10.20.0.0/16"), List.of("/crm/**"), null, "broad", false)));

    @Test
    void aListedNetworkIsAllowedOnAListedPathAndOthersAreRefused() {
        assertThat(allowList.check(request("/crm/tag", "10.20.1.2"))).isEqualTo(IpAllowList.Verdict.ALLOWED);
        assertThat(allowList.check(request("/crm/tag", "10.30.1.2"))).isEqualTo(IpAllowList.Verdict.REFUSED);
    }

    @Test
    void accountEndpointsAreNeverCoveredEvenByABroadPattern() {
        for (String path : List.of("/crm/auth/login", "/crm/auth/change_password", "/crm/auth")) {
            assertThat(allowList.check(request(path, "10.20.1.2"))).as(path).isEqualTo(IpAllowList.Verdict.NOT_LISTED);
        }
    }

    private static MockHttpServletRequest request(String path, String address) {
        var request = new MockHttpServletRequest("POST", path);
        request.setRemoteAddr(address);
        return request;
    }

    private static SecuritySettings settings(IpAllowListEntry entry) {
        return new SecuritySettings(null, Duration.ofMinutes(30), Duration.ofDays(14), Duration.ofDays(30),
                new SecuritySettings.Lockout(5, Duration.ofMinutes(30)), 5,
                new SecuritySettings.PasswordReset(Duration.ofHours(1), Duration.ofMinutes(1), 5),
                new SecuritySettings.EmailVerification(Duration.ofHours(24)),
                new SecuritySettings.Impersonation(Duration.ofMinutes(15), Duration.ofHours(2)),
                List.of(entry), List.of(), new SecuritySettings.NewDeviceEmail(true));
    }
}
