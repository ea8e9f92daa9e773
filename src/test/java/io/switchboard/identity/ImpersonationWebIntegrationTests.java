package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.identity.ImpersonationFixtures.CustomerUser;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Impersonation in the browser (C-IMP-03, B-IMP-03/05/07, I-33) over real HTTP with sessions and CSRF. */
@SwitchboardIntegrationTest
class ImpersonationWebIntegrationTests {

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired UserAdministration users;
    @Autowired JdbcClient jdbc;

    ImpersonationFixtures fixtures;
    CustomerUser target;
    TestLogins.TestUser agent;

    @BeforeEach
    void setUp() {
        fixtures = new ImpersonationFixtures(http, logins, users);
        target = fixtures.customerUser("customer");
        agent = logins.withPermissions("can_impersonate", "view_customer", "view_customer_contact");
    }

    @Test
    void theButtonShowsBesideALinkedContactOnlyForStaffWhoMayImpersonate() {
        var browser = signedIn(agent);
        var page = browser.get(contactsTab());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"impersonate\"", "name=\"user_id\" value=\"" + target.user().id() + "\"",
                "target=\"_blank\"", "data-confirm=");

        var care = signedIn(logins.withPermissions("view_customer", "view_customer_contact"));
        var without = care.get(contactsTab());
        assertThat(without.status()).isEqualTo(200);
        assertThat(without.body()).contains(target.firstName()).doesNotContain("data-testid=\"impersonate\"");
    }

    @Test
    void impersonatingShowsThePortalWithTheBannerAndStoppingReturnsToTheCustomer() {
        var browser = signedIn(agent);
        var started = browser.submit(contactsTab(), "/console/impersonate", Map.of("user_id", String.valueOf(target.user().id())));
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.redirectPath()).isEqualTo("/portal");

        var portal = browser.get("/portal?lang=en");
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.body()).contains("data-testid=\"impersonation-banner\"",
                "You are signed in as " + target.firstName() + " Smith (" + target.user().username() + ")",
                "as support agent Test User " + agent.username(), "data-testid=\"stop-impersonation\"")
                .doesNotContain("data-testid=\"change-password-link\"");
        assertThat(jdbc.sql("SELECT channel FROM impersonation_log WHERE target_user_id = :t")
                .param("t", target.user().id()).query(String.class).single()).isEqualTo("WEB");

        // the staff screens and the target's credentials are closed, with the banner still on the error page
        var console = browser.get("/console/customers/" + target.customerId() + "?lang=en", Map.of("Accept", "text/html"));
        assertThat(console.status()).isEqualTo(403);
        assertThat(console.body()).contains("data-testid=\"impersonation-banner\"");
        assertThat(browser.get("/account/password").status()).isEqualTo(403);
        var changed = browser.submit("/portal", "/account/password", Map.of("current_password", TestLogins.PASSWORD,
                "new_password", "Another-Passw0rd!", "confirm_password", "Another-Passw0rd!"));
        assertThat(changed.status()).isEqualTo(403);
        assertThat(browser.submit("/portal", "/console/impersonate", Map.of("user_id", String.valueOf(agent.id())))
                .status()).isEqualTo(403);

        var stopped = browser.submit("/portal", "/impersonation/stop", Map.of());
        assertThat(stopped.status()).isEqualTo(302);
        assertThat(stopped.location().orElseThrow()).endsWith("/console/customers/" + target.customerId() + "?tab=contacts");
        var back = browser.get("/console/customers/" + target.customerId() + "?tab=contacts&lang=en");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).contains("Impersonation stopped").doesNotContain("data-testid=\"impersonation-banner\"");
        assertThat(jdbc.sql("SELECT end_reason FROM impersonation_log WHERE target_user_id = :t")
                .param("t", target.user().id()).query(String.class).single()).isEqualTo("stopped");
        // the target's password was not changed
        assertThat(signedIn(target.user()).get("/portal").status()).isEqualTo(200);
    }

    @Test
    void anIdleBrowserImpersonationEndsAndTheSessionGoesBackToTheStaffUser() {
        var browser = signedIn(agent);
        browser.submit(contactsTab(), "/console/impersonate", Map.of("user_id", String.valueOf(target.user().id())));
        assertThat(browser.get("/portal").status()).isEqualTo(200);
        jdbc.sql("""
                UPDATE impersonation_log SET impersonation_start = now() - interval '30 minutes',
                    last_activity_at = now() - interval '16 minutes' WHERE target_user_id = :t""")
                .param("t", target.user().id()).update();

        var timedOut = browser.get("/portal");
        assertThat(timedOut.status()).isEqualTo(302);
        assertThat(timedOut.location().orElseThrow()).endsWith("/console/customers/" + target.customerId() + "?tab=contacts");
        var back = browser.get("/console/customers/" + target.customerId() + "?tab=contacts&lang=en");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).contains("The impersonation has ended").doesNotContain("impersonation-banner");
        assertThat(jdbc.sql("SELECT end_reason FROM impersonation_log WHERE target_user_id = :t")
                .param("t", target.user().id()).query(String.class).single()).isEqualTo("timed_out");
    }

    @Test
    void signingOutWhileImpersonatingEndsTheImpersonation() {
        var browser = signedIn(agent);
        browser.submit(contactsTab(), "/console/impersonate", Map.of("user_id", String.valueOf(target.user().id())));
        var out = browser.submit("/portal", "/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location().orElseThrow()).contains("/login?logout");
        assertThat(jdbc.sql("SELECT end_reason FROM impersonation_log WHERE target_user_id = :t")
                .param("t", target.user().id()).query(String.class).single()).isEqualTo("signed_out");
        assertThat(browser.get("/portal").status()).isEqualTo(302);
    }

    @Test
    void refusedTargetsGetAnErrorPageAndNothingChanges() {
        var browser = signedIn(agent);
        var staff = logins.withRoles("support");
        var refused = browser.submit(contactsTab(), "/console/impersonate", Map.of("user_id", String.valueOf(staff.id())));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("staff user");
        assertThat(browser.submit(contactsTab(), "/console/impersonate", Map.of("user_id", "x")).status()).isEqualTo(400);
        assertThat(browser.get(contactsTab()).status()).isEqualTo(200); // still the staff user
        var noPermission = signedIn(logins.withPermissions("view_customer", "view_customer_contact"));
        assertThat(noPermission.submit(contactsTab(), "/console/impersonate",
                Map.of("user_id", String.valueOf(target.user().id()))).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM impersonation_log WHERE target_user_id IN (:ids)")
                .param("ids", java.util.List.of(staff.id(), target.user().id())).query(Long.class).single()).isZero();
    }

    private String contactsTab() {
        return "/console/customers/" + target.customerId() + "/contacts?lang=en";
    }

    private WebBrowser signedIn(TestLogins.TestUser user) {
        var browser = new WebBrowser(port);
        var signedIn = browser.signIn(user.username(), user.password(), false);
        assertThat(signedIn.status()).isEqualTo(302);
        return browser;
    }
}
