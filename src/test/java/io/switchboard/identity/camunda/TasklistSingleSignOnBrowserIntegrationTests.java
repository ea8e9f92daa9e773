package io.switchboard.identity.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.TestLogins;
import io.switchboard.support.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** One sign-in: after signing in to Switchboard, Camunda's Tasklist and Cockpit open as that user, no second login. */
class TasklistSingleSignOnBrowserIntegrationTests extends BrowserTest {

    @Autowired TestLogins logins;

    @Test
    void tasklistOpensAsTheSignedInStaffMember() {
        var support = logins.withRoles("support");
        signIn(support.username(), support.password());

        open("/camunda/app/tasklist/default/");

        waiting().until(d -> bodyText().contains(support.username()));
        assertThat(driver().findElements(By.cssSelector("form[name=signinForm]"))).isEmpty();
        screenshot("tasklist-single-sign-on");
    }

    @Test
    void cockpitOpensForASupervisor() {
        var supervisor = logins.withRoles("supervisor");
        signIn(supervisor.username(), supervisor.password());

        open("/camunda/app/cockpit/default/");

        waiting().until(d -> bodyText().contains(supervisor.username()));
        assertThat(driver().findElements(By.cssSelector("form[name=signinForm]"))).isEmpty();
    }

    private String bodyText() {
        String text = script("return document.body ? document.body.innerText : ''");
        return text;
    }
}
