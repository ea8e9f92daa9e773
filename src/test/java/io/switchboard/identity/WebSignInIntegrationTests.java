package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SwitchboardIntegrationTest
class WebSignInIntegrationTests {

    @LocalServerPort int port;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired UserAdministration users;

    @Test
    void formSignInKeepsTheSessionInTheDatabaseAndLandsStaffOnTheConsole() {
        var user = logins.withRoles("customer-care");
        var browser = new WebBrowser(port);
        var signedIn = browser.signIn(user.username(), user.password(), false);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.redirectPath()).isEqualTo("/console");
        assertThat(browser.cookie("SESSION")).isPresent();
        assertThat(sessionsOf(user.username())).isEqualTo(1);
        assertThat(browser.get("/account/password").status()).isEqualTo(200);
    }

    @Test
    void customerUsersLandOnThePortal() {
        var user = logins.withRoles("customer");
        var signedIn = new WebBrowser(port).signIn(user.email(), user.password(), false);
        assertThat(signedIn.redirectPath()).isEqualTo("/portal");
    }

    @Test
    void aUserLinkedToACustomerContactActsForThatCustomerAndLandsOnThePortal() {
        var user = logins.forCustomer(4242, 900_000_000L + System.nanoTime() % 1_000_000, "customer-care");
        assertThat(logins.actor(user).customerId()).isEqualTo(4242L);
        assertThat(new WebBrowser(port).signIn(user.username(), user.password(), false).redirectPath())
                .isEqualTo("/portal");
    }

    @Test
    void camundaWebappsNeedTheSameSignIn() {
        var page = new WebBrowser(port).get("/camunda/app/cockpit/default/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.redirectPath()).isEqualTo("/login");
    }

    @Test
    void htmxRequestsWithoutASessionAreToldToReload() {
        var browser = new WebBrowser(port);
        var page = browser.get("/account/password", java.util.Map.of("HX-Request", "true"));
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.headers().get("HX-Redirect")).isEqualTo("/login");
    }

    @Test
    void wrongCredentialsGoBackToTheSignInPage() {
        var user = logins.withRoles("support");
        var browser = new WebBrowser(port);
        var refused = browser.signIn(user.username(), "Wrong-Passw0rd!", false);
        assertThat(refused.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("data-testid=\"login-error\"");
    }

    @Test
    void pagesNeedASignIn() {
        var page = new WebBrowser(port).get("/account/password");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.redirectPath()).isEqualTo("/login");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        var user = logins.withRoles("support");
        var browser = new WebBrowser(port);
        browser.get("/login");
        var withoutToken = browser.post("/login", Map.of("username", user.username(), "password", user.password()));
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(sessionsOf(user.username())).isZero();

        browser.signIn(user.username(), user.password(), false);
        var change = browser.post("/account/password", Map.of("current_password", user.password(),
                "new_password", "Other-Passw0rd!", "confirm_password", "Other-Passw0rd!"));
        assertThat(change.status()).isEqualTo(403);
    }

    @Test
    void rememberMeSignsInAgainAfterTheSessionIsGone() {
        var user = logins.withRoles("support");
        var browser = new WebBrowser(port);
        browser.signIn(user.username(), user.password(), true);
        assertThat(browser.cookie("remember-me")).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM persistent_logins WHERE username = :u").param("u", user.username())
                .query(Long.class).single()).isEqualTo(1);

        browser.dropCookie("SESSION");
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = :u").param("u", user.username()).update();
        assertThat(browser.get("/account/password").status()).isEqualTo(200);
        assertThat(sessionsOf(user.username())).isEqualTo(1);
    }

    @Test
    void signingOutEndsTheSessionAndForgetsTheBrowser() {
        var user = logins.withRoles("support");
        var browser = new WebBrowser(port);
        browser.signIn(user.username(), user.password(), true);
        var out = browser.submit("/account/password", "/logout", Map.of());
        assertThat(out.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(browser.get("/account/password").status()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM persistent_logins WHERE username = :u").param("u", user.username())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTemporaryPasswordSendsEveryPageToTheChangePasswordPage() {
        var user = logins.withRoles("support");
        users.resetPassword(user.id(), "Tempor4ry!pass", true);
        var browser = new WebBrowser(port);
        assertThat(browser.signIn(user.username(), "Tempor4ry!pass", false).redirectPath()).isEqualTo("/account/password");
        assertThat(browser.get("/console").redirectPath()).isEqualTo("/account/password");
        assertThat(browser.get("/account/password").body()).contains("data-testid=\"temporary-password-notice\"")
                .doesNotContain("data-testid=\"cancel\"");

        var mismatch = browser.submit("/account/password", "/account/password", Map.of("current_password",
                "Tempor4ry!pass", "new_password", "Mine-N0w!pass", "confirm_password", "Something-else1!"));
        assertThat(mismatch.status()).isEqualTo(200);
        assertThat(mismatch.body()).contains("does not match").contains("id=\"confirm_password-error\"")
                .contains("data-testid=\"temporary-password-notice\"");

        var weak = browser.submit("/account/password", "/account/password", Map.of("current_password",
                "Tempor4ry!pass", "new_password", "weakpass", "confirm_password", "weakpass"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("an upper-case letter");

        var changed = browser.submit("/account/password", "/account/password", Map.of("current_password",
                "Tempor4ry!pass", "new_password", "Mine-N0w!pass", "confirm_password", "Mine-N0w!pass"));
        assertThat(changed.redirectPath()).isEqualTo("/console");
        var console = browser.get("/console");
        assertThat(console.location()).isEmpty(); // no more detour (the console page itself comes with the web shell)
        var own = browser.get("/account/password");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("data-testid=\"temporary-password-notice\"")
                .contains("data-testid=\"cancel\"");
    }

    @Test
    void changingOnesPasswordEndsTheOtherSessionsOnly() {
        var user = logins.withRoles("support");
        var here = new WebBrowser(port);
        var elsewhere = new WebBrowser(port);
        here.signIn(user.username(), user.password(), false);
        elsewhere.signIn(user.username(), user.password(), false);
        assertThat(sessionsOf(user.username())).isEqualTo(2);

        var changed = here.submit("/account/password", "/account/password", Map.of("current_password", user.password(),
                "new_password", "Fresh-Passw0rd!", "confirm_password", "Fresh-Passw0rd!"));
        assertThat(changed.redirectPath()).isEqualTo("/console");
        assertThat(here.get("/account/password").status()).isEqualTo(200);
        assertThat(elsewhere.get("/account/password").redirectPath()).isEqualTo("/login");
    }

    @Test
    void deletingAUserEndsTheirSessionsAtOnce() {
        var user = logins.withRoles("support");
        var browser = new WebBrowser(port);
        browser.signIn(user.username(), user.password(), true);
        assertThat(browser.get("/account/password").status()).isEqualTo(200);

        users.delete(user.id());
        assertThat(sessionsOf(user.username())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM persistent_logins WHERE username = :u").param("u", user.username())
                .query(Long.class).single()).isZero();
        var after = browser.get("/account/password");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.redirectPath()).isEqualTo("/login");
        assertThat(browser.signIn(user.username(), user.password(), false).location())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
    }

    @Test
    void disablingAUserSignsOutTheirOpenSessionOnTheNextRequest() {
        var user = logins.withRoles("support");
        var browser = new WebBrowser(port);
        browser.signIn(user.username(), user.password(), false);
        jdbc.sql("UPDATE users SET enabled = false WHERE id = :id").param("id", user.id()).update();
        assertThat(browser.get("/account/password").redirectPath()).isEqualTo("/login");
    }

    long sessionsOf(String username) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :u").param("u", username)
                .query(Long.class).single();
    }
}
