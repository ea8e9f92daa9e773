package io.switchboard.identity.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * A browser family and operating system read from a {@code User-Agent}, without versions, so that a browser
 * update is not a new device. Good enough for telling a user where they signed in from; not a fingerprint.
 *
 * @param browser         e.g. {@code Firefox}, {@code Chrome}, {@code curl}; {@code Unknown browser} when unknown
 * @param operatingSystem e.g. {@code Windows}, {@code macOS}, {@code Android}; {@code Unknown OS} when unknown
 */
record DeviceDescription(String browser, String operatingSystem) {

    static final String UNKNOWN_BROWSER = "Unknown browser";
    static final String UNKNOWN_OS = "Unknown OS";

    /** Checked in order: the first token found names the browser (Edge and Opera also say "Chrome"). */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"), Map.entry("Edge/", "Edge"), Map.entry("EdgA/", "Edge"),
            Map.entry("EdgiOS/", "Edge"), Map.entry("OPR/", "Opera"), Map.entry("Opera", "Opera"),
            Map.entry("SamsungBrowser/", "Samsung Internet"), Map.entry("YaBrowser/", "Yandex Browser"),
            Map.entry("Vivaldi/", "Vivaldi"), Map.entry("Firefox/", "Firefox"), Map.entry("FxiOS/", "Firefox"),
            Map.entry("CriOS/", "Chrome"), Map.entry("Chromium/", "Chromium"), Map.entry("Chrome/", "Chrome"),
            Map.entry("Version/", "Safari"), Map.entry("curl/", "curl"), Map.entry("Wget/", "Wget"),
            Map.entry("python-requests/", "Python requests"), Map.entry("PostmanRuntime/", "Postman"),
            Map.entry("okhttp/", "OkHttp"), Map.entry("Apache-HttpClient/", "Apache HttpClient"),
            Map.entry("Java-http-client/", "Java"), Map.entry("Java/", "Java"), Map.entry("axios/", "axios"));

    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Windows", "Windows"), Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"),
            Map.entry("iPod", "iOS"), Map.entry("Android", "Android"), Map.entry("CrOS", "ChromeOS"),
            Map.entry("Macintosh", "macOS"), Map.entry("Mac OS X", "macOS"), Map.entry("Linux", "Linux"),
            Map.entry("FreeBSD", "FreeBSD"));

    private static final Pattern PRODUCT = Pattern.compile("^([A-Za-z][A-Za-z0-9._-]{0,39})/");

    static DeviceDescription of(@Nullable String userAgent) {
        String agent = userAgent == null ? "" : userAgent;
        String browser = BROWSERS.stream().filter(e -> agent.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (browser == null || (browser.equals("Safari") && !agent.contains("Safari"))) {
            var product = PRODUCT.matcher(agent.trim());
            browser = product.find() && !product.group(1).equals("Mozilla") ? product.group(1) : UNKNOWN_BROWSER;
        }
        String system = SYSTEMS.stream().filter(e -> agent.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(UNKNOWN_OS);
        return new DeviceDescription(browser, system);
    }

    /** {@code Firefox on Linux}. */
    String summary() {
        return browser + " on " + operatingSystem;
    }
}
