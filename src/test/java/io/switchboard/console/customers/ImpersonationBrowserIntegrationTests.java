package io.switchboard.console.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.identity.ImpersonationFixtures;
import io.switchboard.identity.UserAdministration;
import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * C-IMP-03 in Chromium: on the customer's Contacts tab the admin clicks "Log in as user" beside the contact linked
 * to a portal user, confirms, and a new tab shows the portal as that user with the impersonation banner; stopping
 * there returns to the customer's console page.
 */
class ImpersonationBrowserIntegrationTests extends BrowserTest {

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired UserAdministration users;

    @Test
    void anAdminLogsInAsACustomerUserInANewTabAndStops() {
        var target = new ImpersonationFixtures(http, logins, users).customerUser("customer");
        signIn("admin@test.local", "Admin-Test-Password-1");
        open("/console/customers/" + target.customerId() + "?tab=contacts&lang=en");
        String console = driver().getWindowHandle();
        waitFor(By.cssSelector("[data-testid=impersonate]")).click();
        waiting().until(ExpectedConditions.alertIsPresent());
        assertThat(driver().switchTo().alert().getText()).contains("Log in as " + target.firstName());
        driver().switchTo().alert().accept();

        waiting().until(d -> d.getWindowHandles().size() == 2);
        var handles = new ArrayList<>(driver().getWindowHandles());
        handles.remove(console);
        driver().switchTo().window(handles.get(0));
        waiting().until(d -> currentPath().equals("/portal"));
        var banner = waitFor(By.cssSelector("[data-testid=impersonation-banner]"));
        assertThat(banner.getText()).contains("You are signed in as " + target.firstName() + " Smith");
        assertThat(driver().findElement(By.cssSelector("[data-testid=signed-in-user]")).getAttribute("textContent"))
                .isEqualTo(target.user().username());
        screenshotWholePage("impersonation-portal");
        usePhoneViewport();
        assertThat(scrollsSideways()).isFalse();
        screenshotWholePage("impersonation-portal-phone");

        driver().findElement(By.cssSelector("[data-testid=stop-impersonation]")).click();
        waiting().until(d -> currentPath().equals("/console/customers/" + target.customerId()));
        waitFor(By.cssSelector("[data-testid=notice]"));
        assertThat(driver().findElements(By.cssSelector("[data-testid=impersonation-banner]"))).isEmpty();
        assertThat(driver().findElement(By.cssSelector("[data-testid=signed-in-user]")).getAttribute("textContent"))
                .isEqualTo("admin");
        assertThat(consoleErrors()).isEmpty();
        driver().close();
        driver().switchTo().window(console);
    }
}
