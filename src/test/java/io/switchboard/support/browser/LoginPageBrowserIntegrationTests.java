package io.switchboard.support.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class LoginPageBrowserIntegrationTests extends BrowserTest {

    @Test
    void rendersInEnglishWithoutConsoleErrors() {
        open("/login?lang=en");

        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Sign in");
        // served as asked: the security configuration must let /login through whatever its query string
        assertThat(driver().getCurrentUrl()).isEqualTo(baseUrl() + "/login?lang=en");
        assertThat(driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver().getTitle()).isEqualTo("Sign in · Switchboard");
        assertThat(driver().findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Email or username");
        assertThat(driver().findElements(By.cssSelector("form[data-testid=login-form] input[type=hidden][name=_csrf]")))
                .hasSize(1);
        assertThat(driver().findElement(By.name("remember-me")).getAttribute("type")).isEqualTo("checkbox");
        Boolean htmxLoaded = script("return typeof window.htmx === 'object' && typeof window.SwitchboardPlusCode === 'object';");
        assertThat(htmxLoaded).isTrue();
        assertThat(consoleErrors()).isEmpty();
        screenshot("login-desktop");
    }

    @Test
    void switchesToSpanishAndRemembersTheChoice() {
        open("/login?lang=en");
        waitFor(By.cssSelector("a[data-lang=es]")).click();

        waiting().until(d -> "es".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Iniciar sesión");
        assertThat(driver().findElement(By.cssSelector("label[for=password]")).getText()).isEqualTo("Contraseña");
        assertThat(driver().findElement(By.cssSelector("a[data-lang=es]")).getAttribute("aria-current")).isEqualTo("true");

        open("/login");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Iniciar sesión");
        assertThat(consoleErrors()).isEmpty();
        screenshot("login-desktop-es");

        driver().findElement(By.cssSelector("a[data-lang=en]")).click();
        waiting().until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
    }

    @Test
    void saysWhyASignInFailed() {
        open("/login?lang=en");
        type(By.name("username"), "nobody-" + UUID.randomUUID() + "@example.com");
        type(By.name("password"), "Not-The-Password-1");
        driver().findElement(By.cssSelector("[data-testid=login-form] button[type=submit]")).click();

        var error = waitFor(By.cssSelector("[data-testid=login-error]"));
        assertThat(currentPath()).isEqualTo("/login");
        assertThat(error.getText()).contains("That email or password is not right");
        assertThat(driver().findElement(By.name("username")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void fitsAPhoneScreen() {
        usePhoneViewport();
        open("/login?lang=es");

        var submit = waitFor(By.cssSelector("[data-testid=login-form] button[type=submit]"));
        assertThat(scrollsSideways()).isFalse();
        assertThat(submit.getSize().getWidth()).isGreaterThan(300);
        assertThat(driver().findElement(By.cssSelector(".auth__main nav.lang-switch")).isDisplayed()).isTrue();
        assertThat(consoleErrors()).isEmpty();
        screenshot("login-phone");
    }
}
