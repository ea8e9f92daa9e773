package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Authenticator;
import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Enrolling in 2FA on the security page with the secret the page shows, codes from an independent TOTP
 * implementation, then signing in with password and code (the code field submits itself at six digits).
 */
class TwoFactorBrowserIntegrationTests extends BrowserTest {

    @Autowired TestLogins logins;
    @Autowired TwoFactor twoFactor;

    @Test
    void enrolOnTheSecurityPageThenSignInWithACode() {
        var user = logins.withRoles("customer-care");
        signIn(user.username(), user.password());
        open("/account/security?lang=en");
        type(By.id("enable-password"), user.password());
        driver().findElement(By.cssSelector("[data-testid=enable-two-factor]")).click();

        var qr = waitFor(By.cssSelector("[data-testid=qr-code] svg"));
        assertThat(qr.getDomAttribute("viewBox")).startsWith("0 0 ");
        assertThat(driver().findElements(By.cssSelector("[data-testid=backup-code]"))).hasSize(10);
        driver().findElement(By.cssSelector("[data-testid=enrolment] summary")).click();
        String secret = waitFor(By.cssSelector("[data-testid=totp-secret]")).getText().replace(" ", "");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(driver().findElement(By.cssSelector("[data-testid=otpauth-uri]")).getText())
                .startsWith("otpauth://totp/Switchboard:").contains("secret=" + secret);
        screenshot("two-factor-enrolment");

        var authenticator = new Authenticator(secret);
        type(By.id("confirm-code"), authenticator.now());
        driver().findElement(By.cssSelector("[data-testid=confirm-two-factor]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=notice]")).isDisplayed()).isTrue();
        assertThat(driver().findElement(By.cssSelector("[data-testid=two-factor-status]")).getAttribute("textContent"))
                .contains("On");
        assertThat(twoFactor.isEnabled(user.id())).isTrue();
        assertThat(consoleErrors()).isEmpty();

        signOut();
        signIn(user.username(), user.password());
        assertThat(currentPath()).isEqualTo("/login/2fa");
        screenshot("two-factor-code-step");
        // six digits submit the form by themselves (A-AUTH-04)
        type(By.id("code"), authenticator.next());
        waiting().until(d -> currentPath().equals("/console"));
        waitFor(By.cssSelector("[data-testid=page-title]"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=signed-in-user]")).getAttribute("textContent"))
                .isEqualTo(user.username());
        assertThat(consoleErrors()).isEmpty();
    }
}
