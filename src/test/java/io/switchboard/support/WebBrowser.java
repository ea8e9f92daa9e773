package io.switchboard.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser for web-chain tests over real HTTP: keeps cookies, never follows redirects, reads the
 * CSRF token from a page's hidden {@code _csrf} input.
 *
 * <pre>
 * var browser = new WebBrowser(port);
 * browser.signIn("care", "Demo123!", false);        // GET /login + POST /login with the CSRF token
 * assertThat(browser.get("/console").status()).isEqualTo(200);
 * </pre>
 */
public class WebBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    public WebBrowser(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A response: status, body, the {@code Location} header of redirects, and the first value of each header. */
    public record Page(int status, String body, Optional<String> location, Map<String, String> headers) {

        /** The CSRF token of the first form on the page. */
        public String csrf() {
            var matcher = CSRF.matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("No _csrf field on the page:\n" + body);
            }
            return matcher.group(1);
        }

        /** The path of the redirect target, without scheme and host. */
        public String redirectPath() {
            return location.map(l -> URI.create(l).getPath()).orElseThrow(() -> new AssertionError("Not a redirect: " + status));
        }
    }

    public Page get(String path) {
        return get(path, Map.of());
    }

    /** A GET with extra request headers, e.g. {@code HX-Request: true}. */
    public Page get(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** POSTs a form as-is (add {@code _csrf} yourself to test CSRF handling). */
    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs a form with the CSRF token of the page at {@code formPage}. */
    public Page submit(String formPage, String action, Map<String, String> fields) {
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", get(formPage).csrf());
        return post(action, form);
    }

    /** Signs in through the login form; answers the redirect after the attempt. */
    public Page signIn(String username, String password, boolean rememberMe) {
        var form = new LinkedHashMap<String, String>();
        form.put("username", username);
        form.put("password", password);
        if (rememberMe) {
            form.put("remember-me", "on");
        }
        return submit("/login", "/login", form);
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** Forgets a cookie, as a browser does when a session cookie ends with the browser. */
    public void dropCookie(String name) {
        var store = cookies.getCookieStore();
        store.getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> store.getURIs().forEach(uri -> store.remove(uri, c)));
        store.getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> store.remove(null, c));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var headers = new java.util.TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> headers.put(name, values.get(0)));
            return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location"), headers);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
