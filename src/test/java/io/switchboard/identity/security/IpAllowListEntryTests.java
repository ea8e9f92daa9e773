package io.switchboard.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up validation of switchboard.security.ip-allow-list (A-CFG-14) and the CIDR arithmetic under it. */
class IpAllowListEntryTests {

    static IpAllowListEntry entry(String network, String path) {
        return new IpAllowListEntry(List.of(network), List.of(path), null, "OCS", false);
    }

    @Test
    void acceptsPrivateIpv4AndIpv6NetworksAndSingleAddresses() {
        for (String network : List.of("10.0.0.0/8", "10.179.2.142", "172.16.0.0/12", "172.31.255.1/32",
                "192.168.1.0/24", "100.64.0.0/10", "fd00::/8", "fd12:3456:789a::1", "fe80::/10", "::ffff:10.1.2.3")) {
            assertThat(entry(network, "/crm/provision/**").networks()).containsExactly(network);
        }
    }

    @Test
    void refusesLoopbackEvenWithThePublicNetworksFlag() {
        for (String network : List.of("127.0.0.1", "127.0.0.0/8", "127.1.2.3/32", "::1", "::1/128", "0.0.0.0/0", "::/0",
                "::ffff:127.0.0.1")) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new IpAllowListEntry(List.of(network), List.of("/crm/x"), null, "OCS", true))
                    .withMessageContaining("switchboard.security.ip-allow-list entry \"OCS\"")
                    .withMessageContaining("loopback");
        }
    }

    @Test
    void refusesPublicNetworksUnlessTheEntryAllowsThem() {
        for (String network : List.of("8.8.8.8", "203.0.113.0/24", "10.0.0.0/7", "172.32.0.1", "192.169.0.0/16",
                "2001:db8::/32", "2a00:1450::1")) {
            assertThatIllegalArgumentException().isThrownBy(() -> entry(network, "/crm/x"))
                    .withMessageContaining(network).withMessageContaining("public")
                    .withMessageContaining("allow-public-networks");
            assertThat(new IpAllowListEntry(List.of(network), List.of("/crm/x"), null, "OCS", true).networks())
                    .containsExactly(network);
        }
    }

    @Test
    void refusesWhatIsNotAnAddressOrNetworkWithoutAskingDns() {
        for (String network : List.of("", "localhost", "example.com", "10.0.0.256", "10.0.0/8", "10.0.0.0/33",
                "10.0.0.0/", "fd00::/129", "fd00::g", "10.0.0.0/-1", "1.2.3.4.5")) {
            assertThatIllegalArgumentException().isThrownBy(() -> entry(network, "/crm/x"))
                    .withMessageContaining("switchboard.security.ip-allow-list entry \"OCS\"");
        }
    }

    @Test
    void pathsMustBeInsideTheRestApi() {
        for (String path : List.of("/crm", "/crm/provision/", "/crm/provision/**", "/crm/**", "/utilities/y")) {
            assertThat(entry("10.0.0.0/8", path).paths()).containsExactly(path);
        }
        for (String path : List.of("/", "/**", "/console/**", "/engine-rest/**", "/camunda/**", "crm/x", "/crmx",
                "/login")) {
            assertThatIllegalArgumentException().isThrownBy(() -> entry("10.0.0.0/8", path))
                    .withMessageContaining("outside the REST API");
        }
        for (String path : List.of("/auth/users/*", "/auth/**", "/2fa/x", "/crm/auth/login", "/crm/auth/**")) {
            assertThatIllegalArgumentException().isThrownBy(() -> entry("10.0.0.0/8", path))
                    .withMessageContaining("account endpoint");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> entry("10.0.0.0/8", "/crm/{unclosed"))
                .withMessageContaining("not a valid path pattern");
    }

    @Test
    void methodsAreNormalisedAndChecked() {
        var entry = new IpAllowListEntry(List.of("10.0.0.0/8"), List.of("/crm/x"), List.of("put", " Get "), null, false);
        assertThat(entry.methods()).containsExactly("PUT", "GET");
        assertThatIllegalArgumentException().isThrownBy(() -> new IpAllowListEntry(List.of("10.0.0.0/8"),
                List.of("/crm/x"), List.of("FETCH"), null, false)).withMessageContaining("FETCH");
        assertThatIllegalArgumentException().isThrownBy(() -> new IpAllowListEntry(List.of(), List.of("/crm/x"), null,
                null, false)).withMessageContaining("no networks");
        assertThatIllegalArgumentException().isThrownBy(() -> new IpAllowListEntry(List.of("10.0.0.0/8"), List.of(),
                null, null, false)).withMessageContaining("no paths");
    }

    @Test
    void networksContainTheirAddressesOnly() {
        var v4 = IpNetwork.parse("10.99.1.2/16");
        assertThat(v4.toString()).isEqualTo("10.99.0.0/16");
        assertThat(v4.contains(IpNetwork.address("10.99.255.1").orElseThrow())).isTrue();
        assertThat(v4.contains(IpNetwork.address("10.98.255.1").orElseThrow())).isFalse();
        assertThat(v4.contains(IpNetwork.address("::ffff:10.99.0.1").orElseThrow())).isTrue();
        assertThat(v4.contains(IpNetwork.address("fd99::1").orElseThrow())).isFalse();

        var v6 = IpNetwork.parse("fd99:99::/32");
        assertThat(v6.contains(IpNetwork.address("fd99:99:abcd::1").orElseThrow())).isTrue();
        assertThat(v6.contains(IpNetwork.address("[fd99:99::1]").orElseThrow())).isTrue();
        assertThat(v6.contains(IpNetwork.address("fd99:98::1").orElseThrow())).isFalse();
        assertThat(v6.contains(IpNetwork.address("10.99.0.1").orElseThrow())).isFalse();

        var single = IpNetwork.parse("192.168.1.10");
        assertThat(single.contains(IpNetwork.address("192.168.1.10").orElseThrow())).isTrue();
        assertThat(single.contains(IpNetwork.address("192.168.1.11").orElseThrow())).isFalse();
        assertThat(IpNetwork.address("not-an-address")).isEmpty();
        assertThat(IpNetwork.address("host.example")).isEmpty();
    }
}
