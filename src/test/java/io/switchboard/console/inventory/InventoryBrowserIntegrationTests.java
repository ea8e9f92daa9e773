package io.switchboard.console.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 4's inventory scenario in Chromium: staff create a template with labelled fields, add an item of that type
 * with a management URL, see its QR code, move it to In Stock with a reason and find the change in its history,
 * then find it in the list by searching.
 */
class InventoryBrowserIntegrationTests extends BrowserTest {

    @Autowired
    TestLogins logins;

    @Test
    void staffCreateATemplateAndAnItemAndChangeItsState() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String type = "eSIM " + marker;
        var staff = logins.withPermissions(InventoryPagesIntegrationTests.STOCK);
        signIn(staff.username(), staff.password());

        open("/console/inventory?lang=en");
        driver().findElement(By.cssSelector("[data-testid=templates-link]")).click();
        waitFor(By.cssSelector("[data-testid=new-template]")).click();
        type(By.cssSelector("[data-testid=template-name]"), type);
        driver().findElement(By.cssSelector("[data-testid=label1]")).clear();
        type(By.cssSelector("[data-testid=label1]"), "ICCID");
        driver().findElement(By.cssSelector("[data-testid=label2]")).clear();
        type(By.cssSelector("[data-testid=label2]"), "EID");
        screenshot("console-inventory-template-form");
        driver().findElement(By.cssSelector("[data-testid=save]")).click();
        waitFor(By.cssSelector("[data-testid=notice]"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=template-table]")).getText()).contains(type, "ICCID, EID");

        open("/console/inventory/new?lang=en");
        new Select(waitFor(By.cssSelector("[data-testid=choose-template]"))).selectByVisibleText(type);
        waiting().until(d -> d.findElements(By.cssSelector("label[for=itemtext2]")).stream()
                .anyMatch(l -> l.getText().equals("EID")));
        type(By.cssSelector("[data-testid=serial]"), "SN-" + marker);
        type(By.cssSelector("[data-testid=itemtext1]"), "8944" + marker);
        type(By.cssSelector("[data-testid=management-url]"), "LPA:1$smdp.example.com$" + marker);
        driver().findElement(By.cssSelector("[data-testid=save]")).click();
        waitFor(By.cssSelector("[data-testid=qr-code] svg"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=page-title]")).getText()).isEqualTo("SN-" + marker);
        assertThat(driver().findElement(By.cssSelector("[data-testid=item-state]")).getText()).isEqualTo("New");
        assertThat(driver().findElement(By.cssSelector("[data-testid=item-fields]")).getText()).contains("ICCID", "8944" + marker);

        new Select(driver().findElement(By.cssSelector("[data-testid=target-state]"))).selectByValue("IN_STOCK");
        type(By.cssSelector("[data-testid=state-reason]"), "received at shop " + marker);
        screenshot("console-inventory-item");
        driver().findElement(By.cssSelector("[data-testid=change-state]")).click();
        waiting().until(d -> d.findElement(By.cssSelector("[data-testid=item-state]")).getText().equals("In Stock"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=history-table]")).getText())
                .contains("New → In Stock", "received at shop " + marker, staff.username());

        open("/console/inventory?lang=en");
        type(By.cssSelector("[data-testid=inventory-search]"), "SN-" + marker);
        waiting().until(d -> d.findElements(By.cssSelector("[data-testid=inventory-row]")).size() == 1
                && d.getCurrentUrl().contains("search=SN-"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=inventory-row]")).getText()).contains(type, "In Stock");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void staffImportAFileAndSeeTheReport() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        var staff = logins.withPermissions(InventoryPagesIntegrationTests.STOCK);
        signIn(staff.username(), staff.password());
        String type = "Import SIM " + marker;
        open("/console/inventory/templates/new?lang=en");
        type(By.cssSelector("[data-testid=template-name]"), type);
        driver().findElement(By.cssSelector("[data-testid=save]")).click();
        waitFor(By.cssSelector("[data-testid=notice]"));

        Path bad = Files.createTempFile("inventory-bad", ".csv");
        Files.writeString(bad, "item,serial,item_state\n" + type + ",I-1,New\n" + type + ",I-2,Sold\n");
        open("/console/inventory/import?lang=en");
        waitFor(By.cssSelector("[data-testid=import-file]")).sendKeys(bad.toString());
        driver().findElement(By.cssSelector("[data-testid=import-submit]")).click();
        waitFor(By.cssSelector("[data-testid=rejected-table]"));
        assertThat(driver().findElement(By.cssSelector("[data-testid=rejected-row]")).getText()).contains("3", "item_state");
        screenshot("console-inventory-import-report");

        Path good = Files.createTempFile("inventory-good", ".csv");
        Files.writeString(good, "item,serial,item_state\n" + type + ",I-1,New\n" + type + ",I-2,In Stock\n");
        waitFor(By.cssSelector("[data-testid=import-file]")).sendKeys(good.toString());
        driver().findElement(By.cssSelector("[data-testid=import-submit]")).click();
        assertThat(waitFor(By.cssSelector("[data-testid=import-ok]")).getText()).contains("2");
        Files.deleteIfExists(bad);
        Files.deleteIfExists(good);
    }
}
