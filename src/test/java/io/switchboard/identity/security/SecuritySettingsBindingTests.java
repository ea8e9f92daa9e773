package io.switchboard.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** switchboard.security as Spring binds it at start-up: the allow-list, trusted proxies, new-device emails. */
class SecuritySettingsBindingTests {

    static SecuritySettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("switchboard.security", SecuritySettings.class);
    }

    @Test
    void defaultsAreNoAllowListNoProxiesAndAlertsOn() {
        var settings = bind(Map.of("switchboard.security.trusted-proxies", ""));
        assertThat(settings.ipAllowList()).isEmpty();
        assertThat(settings.trustedProxies()).isEmpty();
        assertThat(settings.newDeviceEmail().enabled()).isTrue();
    }

    @Test
    void bindsEntriesFromYamlStyleProperties() {
        var settings = bind(Map.of(
                "switchboard.security.trusted-proxies", "127.0.0.1/32, 10.0.0.5",
                "switchboard.security.ip-allow-list[0].description", "OCS",
                "switchboard.security.ip-allow-list[0].networks[0]", "10.179.2.0/24",
                "switchboard.security.ip-allow-list[0].networks[1]", "fd00:179::/48",
                "switchboard.security.ip-allow-list[0].paths[0]", "/crm/provision/**",
                "switchboard.security.ip-allow-list[0].methods[0]", "put",
                "switchboard.security.new-device-email.enabled", "false"));
        assertThat(settings.trustedProxies()).containsExactly("127.0.0.1/32", "10.0.0.5");
        assertThat(settings.ipAllowList()).singleElement().satisfies(entry -> {
            assertThat(entry.networks()).containsExactly("10.179.2.0/24", "fd00:179::/48");
            assertThat(entry.methods()).containsExactly("PUT");
            assertThat(entry.allowPublicNetworks()).isFalse();
        });
        assertThat(settings.newDeviceEmail().enabled()).isFalse();
    }

    @Test
    void bindsEntriesFromEnvironmentVariables() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "SWITCHBOARD_SECURITY_IPALLOWLIST_0_NETWORKS_0", "192.168.50.0/24",
                        "SWITCHBOARD_SECURITY_IPALLOWLIST_0_PATHS_0", "/crm/health")));
        var settings = new Binder(ConfigurationPropertySources.get(environment))
                .bindOrCreate("switchboard.security", SecuritySettings.class);
        assertThat(settings.ipAllowList()).singleElement()
                .satisfies(entry -> assertThat(entry.networks()).containsExactly("192.168.50.0/24"));
    }

    @Test
    void aBadEntryStopsStartUpWithAMessageNamingIt() {
        assertThatThrownBy(() -> bind(Map.of(
                "switchboard.security.ip-allow-list[0].description", "OCS",
                "switchboard.security.ip-allow-list[0].networks[0]", "127.0.0.1",
                "switchboard.security.ip-allow-list[0].paths[0]", "/crm/provision/**")))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("switchboard.security")
                .rootCause().hasMessageContaining("ip-allow-list entry \"OCS\"").hasMessageContaining("127.0.0.1")
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> bind(Map.of("switchboard.security.trusted-proxies", "proxy.example")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("switchboard.security.trusted-proxies")
                .hasMessageContaining("proxy.example");
    }
}
