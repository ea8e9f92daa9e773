package io.switchboard.console.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The product form in Chromium: the tabs show one panel at a time, a refused save opens the tab holding the error,
 * a corrected save creates the draft, and activating it shows the new status.
 */
class ProductFormBrowserIntegrationTests extends BrowserTest {

    @Autowired TestLogins logins;

    @Test
    void tabsLeadToTheFieldInErrorAndTheProductIsCreatedAndActivated() {
        var manager = logins.withPermissions("view_product", "create_product", "update_product", "view_customer");
        signIn(manager.username(), manager.password());
        open("/console/products/new?lang=en");
        waitFor(By.cssSelector("[data-testid=tab-general]"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=panel-pricing]")).isDisplayed()).isFalse();

        String slug = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        type(By.id("productName"), "Browser Plan " + slug);
        type(By.id("productSlug"), slug);
        new Select(driver().findElement(By.id("serviceType"))).selectByValue("mobile");
        driver().findElement(By.cssSelector("[data-testid=tab-pricing]")).click();
        var cost = driver().findElement(By.id("retailCost"));
        cost.clear();
        cost.sendKeys("-5");
        driver().findElement(By.cssSelector("[data-testid=tab-provisioning]")).click();
        type(By.id("provisioningPlay"), "play_browser_test");
        driver().findElement(By.cssSelector("[data-testid=save]")).click();

        // refused: the pricing tab opens on its own with the error under the price
        waitFor(By.cssSelector("[data-testid=error-retailCost]"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=panel-pricing]")).isDisplayed()).isTrue();
        screenshot("console-product-form-error");
        cost = driver().findElement(By.id("retailCost"));
        cost.clear();
        cost.sendKeys("12.50");
        driver().findElement(By.cssSelector("[data-testid=save]")).click();

        waiting().until(d -> currentPath().matches("/console/products/\\d+"));
        assertThat(waitFor(By.cssSelector("[data-testid=page-title]")).getText()).isEqualTo("Browser Plan " + slug);
        driver().findElement(By.cssSelector("[data-testid=activate]")).click();
        waiting().until(d -> d.findElements(By.cssSelector("[data-testid=retire]")).size() == 1);
        assertThat(driver().findElement(By.cssSelector("[data-testid=product-status]")).getText()).isEqualTo("Active");
    }
}
