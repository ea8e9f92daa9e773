package io.switchboard.identity.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A support member opens the identity verification in Camunda Tasklist: the Camunda Form renders with the
 * requester's details, and ticking the checks, choosing "verified" and completing it moves the request on.
 */
class TwoFactorResetTasklistBrowserIntegrationTests extends BrowserTest {

    @Autowired org.springframework.boot.test.web.client.TestRestTemplate restTemplate;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient fixtureJdbc;
    @Autowired org.camunda.bpm.engine.ManagementService fixtureManagement;
    @Autowired org.camunda.bpm.engine.HistoryService fixtureHistory;
    ResetFixture fixture;

    @org.junit.jupiter.api.BeforeEach
    void makeFixture() {
        fixture = new ResetFixture(logins, restTemplate, fixtureJdbc, fixtureManagement, fixtureHistory);
    }
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired org.camunda.bpm.engine.TaskService tasks;

    @Test
    void supportCompletesTheVerificationFormInTasklist() {
        var request = fixture.open();
        var task = tasks.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey("VerifyIdentityTask").singleResult();
        var support = logins.withRoles("support");
        signIn(support.username(), support.password());

        open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        var wait = new WebDriverWait(driver(), Duration.ofSeconds(60));
        clickable(wait, By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']")).click();
        // the form, with the requester's details filled in from the process variables
        wait.until(d -> bodyText().contains(request.requester().username()));
        wait.until(d -> bodyText().contains("Phone stolen on the train"));
        screenshot("two-factor-reset-verification-form");

        tick(label(wait, "Government ID"));
        tick(label(wait, "Call-back to the number on file"));
        tick(label(wait, "Identity verified"));
        var note = wait.until(d -> d.findElement(By.cssSelector("textarea")));
        script("arguments[0].scrollIntoView({block: 'center'})", note);
        note.sendKeys("Called back on the number on file");
        screenshot("two-factor-reset-verification-filled");
        press(clickable(wait, By.xpath("//button[normalize-space(.)='Complete']")));

        fixture.await("verification completed", () -> "PENDING_APPROVAL".equals(fixture.status(request.id())), () -> { });
        var row = fixture.row(request.id());
        assertThat(row.get("verifier_user_id")).isEqualTo(support.id());
        assertThat(row.get("verification_checks")).isEqualTo("CALL_BACK,GOVERNMENT_ID");
        assertThat(row.get("verification_note")).isEqualTo("Called back on the number on file");
    }

    private WebElement label(WebDriverWait wait, String text) {
        return clickable(wait, By.xpath("//label[contains(normalize-space(.), \"" + text + "\")]"));
    }

    /**
     * Ticks the checkbox or radio button of a form-js label. A click on the input itself, by script: form-js lays
     * its rows over the labels, which Chrome then reports as intercepting a pointer click.
     */
    private void tick(WebElement label) {
        String id = label.getAttribute("for");
        WebElement input = id == null || id.isBlank() ? label.findElement(By.tagName("input"))
                : driver().findElement(By.id(id));
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", input);
        new WebDriverWait(driver(), Duration.ofSeconds(10)).until(d -> input.isSelected());
    }

    /** Clicks like a user, past Tasklist's fixed footer that covers the bottom of the form. */
    private void press(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static WebElement clickable(WebDriverWait wait, By locator) {
        return wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(locator));
    }

    private String bodyText() {
        return script("return document.body ? document.body.innerText : ''");
    }
}
