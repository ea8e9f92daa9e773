package io.switchboard.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.identity.ImpersonationFixtures;
import io.switchboard.identity.UserAdministration;
import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * C-IMP-04 in Chromium: the admin logs in as a customer user from the console's Contacts tab and stops; then the
 * customer user signs in, opens Activity from the portal navigation and sees that a support agent signed in as
 * them, marked as support access, without the admin's e-mail address; on a phone too.
 */
class PortalActivityBrowserIntegrationTests extends BrowserTest {

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired UserAdministration users;

    @Test
    void theCustomerSeesInTheirActivityThatSupportSignedInAsThem() {
        var target = new ImpersonationFixtures(http, logins, users).customerUser("customer");
        signIn("admin@test.local", "Admin-Test-Password-1");
        open("/console/customers/" + target.customerId() + "?tab=contacts&lang=en");
        String console = driver().getWindowHandle();
        waitFor(By.cssSelector("[data-testid=impersonate]")).click();
        waiting().until(ExpectedConditions.alertIsPresent());
        driver().switchTo().alert().accept();
        waiting().until(d -> d.getWindowHandles().size() == 2);
        var handles = new ArrayList<>(driver().getWindowHandles());
        handles.remove(console);
        driver().switchTo().window(handles.get(0));
        waiting().until(d -> currentPath().equals("/portal"));
        waitFor(By.cssSelector("[data-testid=impersonation-banner]"));
        driver().findElement(By.cssSelector("[data-testid=stop-impersonation]")).click();
        waiting().until(d -> currentPath().equals("/console/customers/" + target.customerId()));
        driver().close();
        driver().switchTo().window(console);
        open("/console?lang=en");
        signOut();

        signIn(target.user().username(), target.user().password());
        open("/portal?lang=en");
        waitFor(By.cssSelector("[data-testid=nav-activity]")).click();
        waiting().until(d -> currentPath().equals("/portal/activity"));
        var entries = driver().findElements(By.cssSelector("[data-testid=activity-entry]"));
        assertThat(entries).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("signed in as you (" + target.firstName() + " Smith)",
                        "Support access started"))
                .anySatisfy(text -> assertThat(text).contains("stopped acting as you", "Support access ended"));
        // newest first: the end is above the start
        assertThat(entries.get(0).getAttribute("data-kind")).isEqualTo("impersonation-end");
        assertThat(driver().getPageSource()).doesNotContain("admin@test.local");
        screenshotWholePage("portal-activity");
        // six items in the header still leave room for the user menu
        var menu = driver().findElement(By.cssSelector("[data-user-menu]")).getRect();
        var nav = lastNavItem();
        assertThat(nav.getX() + nav.getWidth()).isLessThanOrEqualTo(menu.getX());
        driver().manage().window().setSize(new org.openqa.selenium.Dimension(800, 900));
        var tabletMenu = driver().findElement(By.cssSelector("[data-user-menu]")).getRect();
        var tabletNav = lastNavItem();
        assertThat(tabletNav.getX() + tabletNav.getWidth()).isLessThanOrEqualTo(tabletMenu.getX());
        assertThat(scrollsSideways()).isFalse();
        usePhoneViewport();
        assertThat(scrollsSideways()).isFalse();
        screenshotWholePage("portal-activity-phone");
        assertThat(consoleErrors()).isEmpty();
    }

    private org.openqa.selenium.Rectangle lastNavItem() {
        var items = driver().findElements(By.cssSelector(".portal-nav li > *"));
        return items.get(items.size() - 1).getRect();
    }
}
