package io.switchboard.catalog.internal;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code switchboard.catalog.*}: the valid {@code service_type} values (A-CFG-02; free-form in the guide, a
 * configured list here so add-on matching does not depend on spelling).
 */
@ConfigurationProperties("switchboard.catalog")
record CatalogSettings(
        @DefaultValue({"mobile", "fixed", "fixed-voice", "internet", "hotspot", "dongle", "voice", "data", "iptv",
                "voip"}) List<String> serviceTypes) {}
