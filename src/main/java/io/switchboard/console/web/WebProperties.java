package io.switchboard.console.web;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Settings of the console and portal pages.
 *
 * @param mapTileUrl         Leaflet tile URL template ({@code {z}/{x}/{y}}); blank shows maps without tiles
 *                           (the marker still works), which is what an offline installation or a test wants
 * @param mapAttribution     the tile provider's required attribution (HTML)
 * @param mapCenterLatitude  where an empty map opens
 * @param mapCenterLongitude where an empty map opens
 * @param mapZoom            the zoom an empty map opens at (a located marker opens closer)
 * @param timeZone           the zone the pages show times in (the database stores UTC)
 */
@ConfigurationProperties("switchboard.web")
public record WebProperties(@Nullable String mapTileUrl, @Nullable String mapAttribution,
        @DefaultValue("0") double mapCenterLatitude, @DefaultValue("0") double mapCenterLongitude,
        @DefaultValue("2") int mapZoom, @DefaultValue("UTC") ZoneId timeZone) {

    public WebProperties {
        mapTileUrl = mapTileUrl == null ? "" : mapTileUrl.trim();
        mapAttribution = mapAttribution == null ? "" : mapAttribution;
    }
}
