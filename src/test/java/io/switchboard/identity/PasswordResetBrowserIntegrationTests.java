package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Forgot password → the e-mailed link → a new password → sign in with it, in a real browser. */
class PasswordResetBrowserIntegrationTests extends BrowserTest {

    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;

    @Test
    void aForgottenPasswordIsResetThroughTheEmailedLink() {
        var user = logins.withRoles("support");
        open("/login?lang=en");
        driver().findElement(By.cssSelector("[data-testid=forgot-password-link]")).click();
        waiting().until(d -> currentPath().equals("/login/forgot-password"));
        type(By.name("email"), user.email());
        driver().findElement(By.cssSelector("[data-testid=send-reset-link]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=forgot-sent]")).getText()).contains("If an account uses this address");

        String token = AccountMail.token(jdbc, "PASSWORD_RESET", user.email());
        open("/reset-password/" + token);
        assertThat(waitFor(By.cssSelector("[data-testid=password-policy]")).getText()).contains("8 characters");
        type(By.name("new_password"), "Browser-Reset-1!");
        type(By.name("confirm_password"), "Browser-Reset-2!");
        driver().findElement(By.cssSelector("[data-testid=reset-password]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=confirm_password-error]")).isDisplayed()).isTrue();
        type(By.name("new_password"), "Browser-Reset-1!");
        type(By.name("confirm_password"), "Browser-Reset-1!");
        driver().findElement(By.cssSelector("[data-testid=reset-password]")).click();

        waiting().until(d -> currentPath().equals("/login"));
        assertThat(waitFor(By.cssSelector("[data-testid=login-reset]")).getText()).contains("reset successfully");
        signIn(user.username(), "Browser-Reset-1!");
        assertThat(currentPath()).isEqualTo("/console");
        // the refused mismatch above answered 422, which the browser logs; nothing else may fail
        assertThat(consoleErrors()).allMatch(error -> error.contains("status of 422"));

        open("/reset-password/" + token);
        assertThat(waitFor(By.cssSelector("[data-testid=request-new-link]")).getAttribute("href"))
                .endsWith("/login/forgot-password");
    }
}
