package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Authenticator;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.TestLogins.TestUser;
import io.switchboard.support.WebBrowser;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SwitchboardIntegrationTest
class TwoFactorWebSignInIntegrationTests {

    static final Pattern SECRET = Pattern.compile("data-testid=\"totp-secret\">([A-Z2-7 ]+)<");
    static final Pattern BACKUP = Pattern.compile("data-testid=\"backup-code\">([0-9a-f]{8})<");

    @LocalServerPort int port;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired TwoFactor twoFactor;

    record Enrolled(Authenticator authenticator, List<String> backupCodes) {}

    /** Enrols through the security page of a signed-in browser. */
    Enrolled enrolOnThePage(WebBrowser browser, TestUser user) {
        var page = browser.get("/account/security");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"enable-form\"");
        var shown = browser.submit("/account/security", "/account/security/enable", Map.of("password", user.password()));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("<svg", "class=\"qr-code\"", "otpauth://totp/Switchboard:");
        var secret = SECRET.matcher(shown.body());
        assertThat(secret.find()).isTrue();
        var codes = BACKUP.matcher(shown.body()).results().map(m -> m.group(1)).toList();
        assertThat(codes).hasSize(10);
        var authenticator = new Authenticator(secret.group(1).replace(" ", ""));
        var confirmed = browser.submit("/account/security", "/account/security/confirm", Map.of("code", authenticator.now()));
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(twoFactor.isEnabled(user.id())).isTrue();
        var after = browser.get("/account/security");
        assertThat(after.body()).contains("data-testid=\"regenerate-form\"").doesNotContain(codes.get(0))
                .doesNotContain(secret.group(1));
        return new Enrolled(authenticator, codes);
    }

    @Test
    void afterThePasswordOnlyTheCodePageWorksUntilTheCodePasses() {
        var user = logins.withRoles("customer-care");
        var setup = new WebBrowser(port);
        setup.signIn(user.username(), user.password(), false);
        var enrolled = enrolOnThePage(setup, user);

        var browser = new WebBrowser(port);
        var passwordStep = browser.signIn(user.username(), user.password(), false);
        assertThat(passwordStep.status()).isEqualTo(302);
        assertThat(passwordStep.redirectPath()).isEqualTo("/login/2fa");
        String sessionBefore = browser.cookie("SESSION").orElseThrow().getValue();
        // not signed in: every other page sends the browser to sign in (the last one asked for is where it lands)
        assertThat(browser.get("/account/security").redirectPath()).isEqualTo("/login");
        assertThat(browser.get("/console").redirectPath()).isEqualTo("/login");
        assertThat(jdbc.sql("SELECT login_count FROM users WHERE id = :id").param("id", user.id())
                .query(Integer.class).single()).isEqualTo(1); // the enrolment browser's sign-in only

        var codePage = browser.get("/login/2fa");
        assertThat(codePage.status()).isEqualTo(200);
        assertThat(codePage.body()).contains("data-autosubmit=\"6\"", "/login/2fa/lost-device", "tab-recovery");
        var wrong = browser.submit("/login/2fa", "/login/2fa", Map.of("code", "12345"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("data-testid=\"two-factor-error\"");

        var signedIn = browser.submit("/login/2fa", "/login/2fa", Map.of("code", enrolled.authenticator().next()));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.redirectPath()).isEqualTo("/console");
        assertThat(browser.cookie("SESSION").orElseThrow().getValue()).as("a new session id").isNotEqualTo(sessionBefore);
        assertThat(browser.get("/console").status()).isEqualTo(200);
        assertThat(browser.cookie("remember-me")).isEmpty();
        // the code page is no more
        assertThat(browser.get("/login/2fa").redirectPath()).isEqualTo("/login");
    }

    @Test
    void aRecoveryCodeSignsInOnceAndRememberMeIsHonoured() {
        var user = logins.withRoles("customer-care");
        var setup = new WebBrowser(port);
        setup.signIn(user.username(), user.password(), false);
        var enrolled = enrolOnThePage(setup, user);

        var browser = new WebBrowser(port);
        assertThat(browser.signIn(user.email(), user.password(), true).redirectPath()).isEqualTo("/login/2fa");
        assertThat(browser.cookie("remember-me")).isEmpty();
        assertThat(jdbc.sql("SELECT bool_or(remember_me) FROM sign_in_challenges WHERE user_id = :id")
                .param("id", user.id()).query(Boolean.class).single()).as("remember-me kept with the challenge").isTrue();
        var signedIn = browser.submit("/login/2fa?mode=recovery", "/login/2fa",
                Map.of("mode", "recovery", "code", enrolled.backupCodes().get(0)));
        assertThat(signedIn.redirectPath()).isEqualTo("/console");
        assertThat(browser.cookie("remember-me")).isPresent();

        var again = new WebBrowser(port);
        again.signIn(user.email(), user.password(), false);
        var reused = again.submit("/login/2fa?mode=recovery", "/login/2fa",
                Map.of("mode", "recovery", "code", enrolled.backupCodes().get(0)));
        assertThat(reused.status()).isEqualTo(200);
        assertThat(reused.body()).contains("data-testid=\"two-factor-error\"");
    }

    @Test
    void cancelEndsTheChallengeAndFiveWrongCodesToo() {
        var user = logins.withRoles("customer-care");
        var setup = new WebBrowser(port);
        setup.signIn(user.username(), user.password(), false);
        var enrolled = enrolOnThePage(setup, user);

        var browser = new WebBrowser(port);
        browser.signIn(user.username(), user.password(), false);
        var cancelled = browser.submit("/login/2fa", "/login/2fa/cancel", Map.of());
        assertThat(cancelled.redirectPath()).isEqualTo("/login");
        assertThat(browser.get("/login/2fa").redirectPath()).isEqualTo("/login");

        browser.signIn(user.username(), user.password(), false);
        for (int i = 0; i < 5; i++) {
            browser.submit("/login/2fa", "/login/2fa", Map.of("code", TwoFactorApiIntegrationTests.otherThan(enrolled.authenticator())));
        }
        var dead = browser.post("/login/2fa", Map.of("code", enrolled.authenticator().next(),
                "_csrf", browser.get("/login").csrf()));
        assertThat(dead.status()).isEqualTo(302);
        assertThat(dead.redirectPath()).isEqualTo("/login");
        assertThat(browser.get("/console").redirectPath()).isEqualTo("/login");
    }

    @Test
    void aRoleThatRequires2faHoldsTheUserOnTheSecurityPageUntilEnrolled() {
        var operator = logins.withRoles("broadcast-operator");
        var browser = new WebBrowser(port);
        var signedIn = browser.signIn(operator.username(), operator.password(), false);
        assertThat(signedIn.status()).isEqualTo(302);
        var console = browser.get("/console");
        assertThat(console.status()).isEqualTo(302);
        assertThat(console.redirectPath()).isEqualTo("/account/security");
        var page = browser.get("/account/security");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"enrolment-required\"");
        enrolOnThePage(browser, operator);
        assertThat(browser.get("/console").status()).isEqualTo(200);
        assertThat(browser.get("/account/security").body()).doesNotContain("data-testid=\"disable-form\"")
                .contains("data-testid=\"required-hint\"");
    }

    @Test
    void customersSeeOptional2faInThePortalLayout() {
        var customer = logins.withRoles("customer");
        var browser = new WebBrowser(port);
        browser.signIn(customer.username(), customer.password(), false);
        var page = browser.get("/account/security");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("portal").doesNotContain("data-testid=\"enrolment-required\"")
                .doesNotContain("admin-two-factor-warning");
        assertThat(browser.get("/account/security?lang=es").body()).contains("Autenticación en dos pasos");
    }

    @Test
    void theAdminPageShowsAndResets2fa() {
        var admin = logins.withRoles("admin");
        var user = logins.withRoles("customer-care");
        var setup = new WebBrowser(port);
        setup.signIn(user.username(), user.password(), false);
        enrolOnThePage(setup, user);

        var browser = new WebBrowser(port);
        browser.signIn(admin.username(), admin.password(), false);
        var console = browser.get("/console");
        assertThat(console.body()).contains("data-testid=\"admin-two-factor-warning\"");
        var page = browser.get("/console/users/" + user.id());
        assertThat(page.body()).contains("data-testid=\"user-two-factor\"", "data-testid=\"reset-two-factor\"");
        var list = browser.get("/console/users?twofa=on&search=" + user.username());
        assertThat(list.body()).contains(user.username()).contains("data-testid=\"two-factor-shield\"");
        assertThat(browser.get("/console/users?twofa=off&search=" + user.username()).body())
                .doesNotContain("data-user-id=\"" + user.id() + "\"");
        var reset = browser.submit("/console/users/" + user.id(), "/console/users/" + user.id() + "/reset-2fa", Map.of());
        assertThat(reset.status()).isEqualTo(302);
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
        assertThat(browser.get("/console/users/" + user.id()).body()).contains("data-testid=\"notice\"")
                .doesNotContain("data-testid=\"reset-two-factor\"");
        var signIn = new WebBrowser(port).signIn(user.username(), user.password(), false);
        assertThat(signIn.redirectPath()).isEqualTo("/console");
    }
}
