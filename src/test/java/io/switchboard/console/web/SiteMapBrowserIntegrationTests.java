package io.switchboard.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.openlocationcode.OpenLocationCode;
import io.switchboard.support.browser.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.WebApplicationContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * js/site-map.js and js/plus-code.js in a real browser, on a page made of the real {@code fragments/map ::
 * siteMap} fragment (rendered by the application's template engine; the test profile configures no tiles, as an
 * offline installation would).
 */
class SiteMapBrowserIntegrationTests extends BrowserTest {

    static final String LOCATED = "[data-latitude-input='#located-latitude']";
    static final String NEW = "[data-latitude-input='#new-latitude']";
    static final String FIXED = "[data-latitude-input='#fixed-latitude']";

    @Autowired
    SpringTemplateEngine templates;

    @Autowired
    WebApplicationContext context;

    @Autowired
    WebProperties mapSettings;

    @BeforeEach
    void openFixture() throws IOException {
        var servletContext = context.getServletContext();
        var exchange = JakartaServletWebApplication.buildApplication(servletContext)
                .buildExchange(new MockHttpServletRequest(servletContext), new MockHttpServletResponse());
        String html = templates.process("browser-fixtures/site-map",
                        new WebContext(exchange, Locale.ENGLISH, Map.of("mapSettings", mapSettings)))
                // the page is opened from a file; its root-relative URLs must reach the application
                .replace("<head>", "<head><base href=\"" + baseUrl() + "/\">");
        Path fixture = Path.of("target", "browser-fixtures", "site-map.html").toAbsolutePath();
        Files.createDirectories(fixture.getParent());
        Files.writeString(fixture, html);
        driver().get(fixture.toUri().toString());
        for (String map : List.of(LOCATED, NEW, FIXED)) {
            waitFor(By.cssSelector(map + "[data-site-map-ready]"));
        }
    }

    @Test
    void plusCodesInTheBrowserMatchTheServersLibrary() {
        double[][] points = {{40.416775, -3.70379}, {47.365590, 8.524997}, {-33.86882, 151.209296},
                {0, 0}, {90, 180}, {-90, -180}, {89.9999999, 179.9999999}, {-41.2730, 174.7786},
                {64.1466, -21.9426}, {1.2835, 103.8607}, {19.432608, -99.133209}, {51.5007, -0.1246}};
        for (double[] point : points) {
            for (int length : new int[] {10, 11, 8, 4}) {
                String browser = script("return SwitchboardPlusCode.encode(arguments[0], arguments[1], arguments[2]);",
                        point[0], point[1], length);
                assertThat(browser).as("%s,%s length %s", point[0], point[1], length)
                        .isEqualTo(OpenLocationCode.encode(point[0], point[1], length));
            }
        }
    }

    @Test
    void aLocatedSiteShowsItsMarkerAndPlusCode() {
        assertThat(text("#located-plus-code")).isEqualTo(OpenLocationCode.encode(40.416775, -3.70379, 11));
        WebElement marker = marker(LOCATED);
        assertThat(marker.getAttribute("src")).matches(".*/webjars/leaflet/dist/images/marker-icon(-2x)?\\.png");
        Long width = script("return arguments[0].naturalWidth;", marker);
        assertThat(width).as("marker image loaded").isPositive();
        assertThat(driver().findElement(By.cssSelector(LOCATED + " .site-map__notice")).getText())
                .contains("No map background is configured");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void draggingTheMarkerFillsTheCoordinatesAndThePlusCode() {
        WebElement marker = marker(LOCATED);
        new Actions(driver()).clickAndHold(marker).moveByOffset(10, 5).moveByOffset(110, 55).release().perform();

        waiting().until(d -> !value("#located-longitude").equals("-3.703790"));
        double latitude = Double.parseDouble(value("#located-latitude"));
        double longitude = Double.parseDouble(value("#located-longitude"));
        assertThat(latitude).as("dragged south").isLessThan(40.416775);
        assertThat(longitude).as("dragged east").isGreaterThan(-3.70379);
        assertThat(value("#located-latitude")).matches("-?\\d+\\.\\d{6}");
        assertThat(text("#located-plus-code")).isEqualTo(OpenLocationCode.encode(latitude, longitude, 11));
        List<Map<String, Object>> changes = script("return window.siteMapChanges;");
        assertThat(changes).last().satisfies(change -> {
            assertThat(((Number) change.get("latitude")).doubleValue()).isEqualTo(latitude);
            assertThat(change.get("plusCode")).isEqualTo(OpenLocationCode.encode(latitude, longitude, 11));
        });
        assertThat(consoleErrors()).isEmpty();
        screenshot("site-map-dragged");
    }

    @Test
    void clickingAnEmptyMapPlacesTheMarker() {
        assertThat(driver().findElements(By.cssSelector(NEW + " .leaflet-marker-icon"))).isEmpty();
        WebElement map = driver().findElement(By.cssSelector(NEW));
        script("arguments[0].scrollIntoView({block: 'center'});", map);
        new Actions(driver()).moveToElement(map, 40, 30).click().perform();

        WebElement marker = marker(NEW);
        assertThat(marker.isDisplayed()).isTrue();
        double latitude = Double.parseDouble(value("#new-latitude"));
        double longitude = Double.parseDouble(value("#new-longitude"));
        assertThat(value("#new-plus-code")).isEqualTo(OpenLocationCode.encode(latitude, longitude, 11));
    }

    @Test
    void typingCoordinatesMovesTheMarker() {
        type(By.id("new-latitude"), "-34.603722");
        type(By.id("new-longitude"), "-58.381592");

        marker(NEW);
        List<Number> position = script("var p = document.querySelector(arguments[0]).siteMap.marker.getLatLng();"
                + "return [p.lat, p.lng];", NEW);
        assertThat(position.get(0).doubleValue()).isEqualTo(-34.603722);
        assertThat(position.get(1).doubleValue()).isEqualTo(-58.381592);
        assertThat(value("#new-plus-code")).isEqualTo(OpenLocationCode.encode(-34.603722, -58.381592, 11));
    }

    @Test
    void aReadOnlyMapCannotBeChanged() {
        WebElement marker = marker(FIXED);
        assertThat(text("#fixed-plus-code")).isEqualTo(OpenLocationCode.encode(-33.86882, 151.209296, 11));
        new Actions(driver()).clickAndHold(marker).moveByOffset(10, 5).moveByOffset(80, 40).release().perform();
        new Actions(driver()).moveToElement(driver().findElement(By.cssSelector(FIXED)), 30, 30).click().perform();

        assertThat(value("#fixed-latitude")).isEqualTo("-33.868820");
        assertThat(value("#fixed-longitude")).isEqualTo("151.209296");
        List<?> changes = script("return window.siteMapChanges;");
        assertThat(changes).isEmpty();
    }

    private WebElement marker(String map) {
        script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", map);
        return waitFor(By.cssSelector(map + " .leaflet-marker-icon"));
    }

    private String value(String selector) {
        return driver().findElement(By.cssSelector(selector)).getAttribute("value");
    }

    private String text(String selector) {
        return driver().findElement(By.cssSelector(selector)).getText();
    }
}
