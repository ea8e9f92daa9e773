package io.switchboard.support.browser;

import io.switchboard.support.SwitchboardIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base class of tests that drive the running application in headless Chromium (see {@link BrowserExtension}).
 * The application is the usual {@link SwitchboardIntegrationTest} context on its random port.
 *
 * <pre>{@code
 * class CustomerSearchBrowserIntegrationTests extends BrowserTest {
 *     @Test
 *     void findsACustomerByName() {
 *         signIn("admin@test.local", "Admin-Test-Password-1");   // the test profile's admin (username "admin")
 *         open("/console/customers?lang=en");
 *         type(By.name("search"), "Acme");
 *         waitFor(By.cssSelector("[data-testid=customer-row]"));
 *         assertThat(consoleErrors()).isEmpty();
 *     }
 * }
 * }</pre>
 *
 * Find elements by {@code data-testid}, {@code name} or {@code id}, never by visible text alone (the pages come
 * in two languages). Wait for what a person would wait for ({@link #waitFor}), never for a fixed time.
 */
@SwitchboardIntegrationTest
public abstract class BrowserTest {

    /** The width of a typical phone (iPhone 12 to 15) in CSS pixels. */
    protected static final Dimension PHONE = new Dimension(390, 844);

    @RegisterExtension
    static final BrowserExtension browser = new BrowserExtension();

    @LocalServerPort
    protected int port;

    protected WebDriver driver() {
        return browser.chromium().driver();
    }

    /** {@code http://localhost:<port>}: the application under test. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Loads a page of the application, e.g. {@code open("/login?lang=es")}. */
    protected void open(String path) {
        driver().get(baseUrl() + path);
    }

    /** The path of the page the browser shows now, e.g. {@code /console}. */
    protected String currentPath() {
        return java.net.URI.create(driver().getCurrentUrl()).getPath();
    }

    /**
     * Signs in through the real sign-in form and waits until the browser has left it.
     *
     * @throws AssertionError when the application refuses the credentials
     */
    protected void signIn(String username, String password) {
        open("/login");
        type(By.name("username"), username);
        type(By.name("password"), password);
        driver().findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();
        waiting().until(d -> !currentPath().equals("/login") || !d.findElements(By.cssSelector("[data-testid=login-error]")).isEmpty());
        if (currentPath().equals("/login")) {
            throw new AssertionError("The application refused to sign in " + username);
        }
    }

    /** Signs out through the user menu's form and waits for the sign-in page. */
    protected void signOut() {
        driver().findElement(By.cssSelector("[data-user-menu] > summary")).click();
        waitFor(By.cssSelector("[data-testid=sign-out]")).click();
        waiting().until(d -> currentPath().equals("/login"));
    }

    protected void type(By field, String text) {
        WebElement element = waitFor(field);
        element.clear();
        element.sendKeys(text);
    }

    /** Waits (up to 20 s) until the element is visible and returns it. */
    protected WebElement waitFor(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver(), Duration.ofSeconds(20));
    }

    @SuppressWarnings("unchecked")
    protected <T> T script(String javascript, Object... arguments) {
        return (T) ((JavascriptExecutor) driver()).executeScript(javascript, arguments);
    }

    /** Errors logged to the browser console (script errors, failed loads) since the test started or the last call. */
    protected List<String> consoleErrors() {
        return browser.chromium().consoleErrors();
    }

    /** Resizes the window to a phone's viewport; the next test starts at desktop size again. */
    protected void usePhoneViewport() {
        driver().manage().window().setSize(PHONE);
    }

    /** True when the page is wider than the window (the sign of a layout that does not fit a small screen). */
    protected boolean scrollsSideways() {
        Boolean wider = script("return document.documentElement.scrollWidth > window.innerWidth;");
        return Boolean.TRUE.equals(wider);
    }

    /** Saves what the browser shows as {@code target/browser-screenshots/<name>.png}, e.g. for a review. */
    protected Path screenshot(String name) {
        return browser.screenshot(name);
    }

    /**
     * Saves the whole page, not only the window, as {@code target/browser-screenshots/<name>.png}: the window is
     * made as tall as the page for the picture and given its size back afterwards.
     */
    protected Path screenshotWholePage(String name) {
        Dimension window = driver().manage().window().getSize();
        Long height = script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);");
        // the window's chrome takes some of its height; add it back so the viewport fits the page
        Long chrome = script("return window.outerHeight - window.innerHeight;");
        driver().manage().window().setSize(new Dimension(window.width, (int) Math.min(height + chrome, 8000)));
        try {
            return browser.screenshot(name);
        } finally {
            driver().manage().window().setSize(window);
        }
    }

    /** Waits until htmx has no request in flight (after a click that swaps part of the page). */
    protected void waitForHtmx() {
        waiting().until(d -> Boolean.TRUE.equals(script(
                "return !!window.htmx && document.querySelectorAll('.htmx-request').length === 0;")));
    }
}
