package io.switchboard.support.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;

/**
 * Gives browser tests a running {@link Chromium}: started once per test run and shared, reset before each test,
 * photographed after a failing one ({@code target/browser-screenshots/<class>.<method>.png}, with the page's HTML
 * beside it). Without Chromium or its driver the tests are skipped with a loud message, unless {@code CI=true},
 * where they fail: CI must never pass by skipping.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    private Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        requireTools(Chromium.missingTools(), "true".equals(System.getenv("CI")), context.getDisplayName());
        // one browser for the whole run; JUnit closes it when the root context closes
        chromium = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Chromium.class, key -> Chromium.start(), Chromium.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        chromium().reset();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && chromium != null) {
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
            try {
                Path png = screenshot(name);
                Files.writeString(png.resolveSibling(name + ".html"), chromium.driver().getPageSource());
                System.err.println("Browser test failed at " + chromium.driver().getCurrentUrl() + "; screenshot "
                        + png.toAbsolutePath());
            } catch (RuntimeException | IOException e) {
                System.err.println("No screenshot of the failed browser test " + name + ": " + e);
            }
        }
    }

    /** Skips the tests (loudly) when tools are missing, or fails them when running on CI. */
    static void requireTools(List<String> missing, boolean onCi, String tests) {
        if (missing.isEmpty()) {
            return;
        }
        String message = "Browser tests need " + String.join(" and ", missing)
                + ": apt-get install -y chromium chromium-driver";
        if (onCi) {
            throw new IllegalStateException("CI=true and " + message);
        }
        System.err.println("""

                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                !!! SKIPPING %s
                !!! %s
                !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                """.formatted(tests, message));
        Assumptions.abort(message);
    }

    Chromium chromium() {
        if (chromium == null) {
            throw new IllegalStateException("Chromium is not running: is the test class a BrowserTest?");
        }
        return chromium;
    }

    /** Saves what the browser shows now as {@code target/browser-screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.write(file, chromium().driver().getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
