package io.switchboard.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Signing in through the real form as the test profile's admin (application-test.yml), and what the console
 * shell does once signed in: language, sign-out, phone layout, and htmx's CSRF header and session handling.
 */
class SignInBrowserIntegrationTests extends BrowserTest {

    /** The login of a staff user: the test profile's admin, who signs in with the e-mail. */
    protected String staffUsername() {
        return "admin@test.local";
    }

    /** The name identity gives that admin: the local part of the e-mail. */
    protected String staffDisplayName() {
        return "admin";
    }

    protected String staffPassword() {
        return "Admin-Test-Password-1";
    }

    @Test
    void staffLandOnTheConsoleHome() {
        signIn(staffUsername(), staffPassword());

        assertThat(currentPath()).isEqualTo("/console");
        assertThat(waitFor(By.cssSelector("[data-testid=page-title]")).getText()).contains(staffDisplayName());
        assertThat(driver().findElement(By.cssSelector("[data-testid=signed-in-user]")).getAttribute("textContent"))
                .isEqualTo(staffDisplayName());
        assertThat(consoleErrors()).isEmpty();
        screenshot("console-desktop");
    }

    @Test
    void theConsoleSwitchesToSpanish() {
        signIn(staffUsername(), staffPassword());
        driver().findElement(By.cssSelector(".topbar__actions a[data-lang=es]")).click();

        waiting().until(d -> "es".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver().findElement(By.cssSelector("[data-testid=sign-out]")).getAttribute("textContent"))
                .contains("Cerrar sesión");
        assertThat(currentPath()).isEqualTo("/console");
    }

    @Test
    void signingOutReturnsToTheSignInPage() {
        signIn(staffUsername(), staffPassword());
        open("/console?lang=en");
        signOut();

        assertThat(waitFor(By.cssSelector("[data-testid=login-logout]")).getText()).contains("You have signed out");
        open("/console");
        assertThat(currentPath()).as("signed out for real").isEqualTo("/login");
    }

    @Test
    void theConsoleFitsAPhoneWithItsNavigationInADrawer() {
        signIn(staffUsername(), staffPassword());
        usePhoneViewport();
        open("/console");

        assertThat(scrollsSideways()).isFalse();
        var sidebar = driver().findElement(By.cssSelector("[data-sidebar]"));
        driver().findElement(By.cssSelector("[data-sidebar-toggle]")).click();
        waiting().until(d -> sidebar.getAttribute("class").contains("is-open") && sidebar.getRect().getX() == 0);
        assertThat(driver().findElement(By.cssSelector("[data-sidebar-toggle]")).getAttribute("aria-expanded"))
                .isEqualTo("true");
        screenshot("console-phone-navigation");
        driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waiting().until(d -> !sidebar.getAttribute("class").contains("is-open"));
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void htmxRequestsCarryTheCsrfToken() {
        signIn(staffUsername(), staffPassword());
        open("/console?lang=en");

        // a POST without the token would be refused (403); with it, the sign-out goes through
        script("htmx.ajax('POST', '/logout', {target: '#main', swap: 'innerHTML'});");

        waiting().until(d -> currentPath().equals("/login"));
        assertThat(waitFor(By.cssSelector("[data-testid=login-logout]")).isDisplayed()).isTrue();
        assertThat(driver().findElements(By.cssSelector(".shell--console")))
                .as("the whole page went to the sign-in page, not a fragment of it").isEmpty();
    }

    @Test
    void aSessionThatEndedDuringAnHtmxRequestReloadsTheWholePage() {
        signIn(staffUsername(), staffPassword());
        open("/console?lang=en");
        driver().manage().deleteAllCookies();

        script("htmx.ajax('GET', '/console', {target: '#main', swap: 'innerHTML'});");

        waiting().until(d -> currentPath().equals("/login"));
        assertThat(waitFor(By.cssSelector("form[data-testid=login-form]")).isDisplayed()).isTrue();
        assertThat(driver().findElements(By.cssSelector(".shell--console")))
                .as("the whole page went to the sign-in page, not a fragment of it").isEmpty();
    }
}
