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

/** The web pages of passwords, e-mail verification and sessions, through real HTTP with cookies and CSRF. */
@SwitchboardIntegrationTest
class AccountPagesIntegrationTests {

    @LocalServerPort int port;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;

    @Test
    void theLoginPageLinksToTheForgotPasswordPageWhichNeverSaysWhetherAnAccountExists() {
        var browser = new WebBrowser(port);
        assertThat(browser.get("/login").body()).contains("/login/forgot-password");
        var page = browser.get("/login/forgot-password?lang=es");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Enviar enlace");

        var user = logins.withRoles("support");
        var known = browser.submit("/login/forgot-password", "/login/forgot-password", Map.of("email", user.email()));
        var unknown = browser.submit("/login/forgot-password", "/login/forgot-password",
                Map.of("email", "nobody-" + System.nanoTime() + "@test.switchboard"));
        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(known.body()).contains("data-testid=\"forgot-sent\"");
        assertThat(stripCsrf(unknown.body())).isEqualTo(stripCsrf(known.body()));
        assertThat(AccountMail.count(jdbc, "PASSWORD_RESET", user.email())).isEqualTo(1);

        var malformed = browser.submit("/login/forgot-password", "/login/forgot-password", Map.of("email", "nope"));
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.body()).contains("email-error");
    }

    @Test
    void theResetPageOffersANewLinkForABadTokenAndSignsInAfterwards() {
        var browser = new WebBrowser(port);
        var bad = browser.get("/reset-password/not-a-real-token-0123456789abcdef");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("request-new-link");

        var user = logins.withRoles("customer");
        browser.submit("/login/forgot-password", "/login/forgot-password", Map.of("email", user.email()));
        String token = AccountMail.token(jdbc, "PASSWORD_RESET", user.email());
        var form = browser.get("/reset-password/" + token);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.headers().get("Referrer-Policy")).isEqualTo("no-referrer");

        var weak = browser.submit("/reset-password/" + token, "/reset-password/" + token,
                Map.of("new_password", "weakweak", "confirm_password", "weakweak"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body()).contains("new_password-error");

        var done = browser.submit("/reset-password/" + token, "/reset-password/" + token,
                Map.of("new_password", "Web-Reset-Passw0rd!", "confirm_password", "Web-Reset-Passw0rd!"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.location().orElseThrow()).endsWith("/login?reset");
        assertThat(browser.get("/login?reset").body()).contains("login-reset");
        assertThat(browser.signIn(user.email(), "Web-Reset-Passw0rd!", false).redirectPath()).isEqualTo("/portal");
    }

    @Test
    void theVerifyLinkWorksWithoutSigningInAndOnlyOnPost() {
        var user = logins.withRoles("support");
        var api = new WebBrowser(port);
        assertThat(api.signIn(user.username(), user.password(), false).status()).isEqualTo(302);
        String newEmail = "verified-" + user.username() + "@test.switchboard";
        requestChange(user, newEmail);
        String token = AccountMail.token(jdbc, "EMAIL_VERIFICATION", newEmail);

        var anonymous = new WebBrowser(port);
        var page = anonymous.get("/verify-email/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(emailOf(user.id())).isEqualTo(user.email());
        var confirmed = anonymous.submit("/verify-email/" + token, "/verify-email/" + token, Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("verify-done", newEmail);
        assertThat(emailOf(user.id())).isEqualTo(newEmail);
        var again = anonymous.submit("/verify-email/" + token, "/verify-email/" + token, Map.of());
        assertThat(again.status()).isEqualTo(400);
    }

    @Test
    void theSessionsPageListsAndEndsOtherSessions() {
        var user = logins.withRoles("support");
        var here = new WebBrowser(port);
        var elsewhere = new WebBrowser(port);
        here.signIn(user.username(), user.password(), false);
        elsewhere.signIn(user.username(), user.password(), true);

        var page = here.get("/account/sessions");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"current-session\"", "data-kind=\"WEB\"", "data-kind=\"REMEMBER_ME\"",
                "127.0.0.1");
        assertThat(countOf(page.body(), "data-testid=\"session\"")).isEqualTo(3);

        var ended = here.submit("/account/sessions", "/account/sessions/end-others", Map.of());
        assertThat(ended.status()).isEqualTo(302);
        assertThat(here.get("/account/sessions").body()).contains("ended-others");
        assertThat(countOf(here.get("/account/sessions").body(), "data-testid=\"session\"")).isEqualTo(1);
        elsewhere.dropCookie("SESSION");
        var other = elsewhere.get("/console");
        assertThat(other.status()).isEqualTo(302);
        assertThat(other.redirectPath()).isEqualTo("/login");
    }

    @Test
    void aCustomerSeesTheSessionsPageInThePortalShell() {
        var user = logins.withRoles("customer");
        var browser = new WebBrowser(port);
        browser.signIn(user.email(), user.password(), false);
        var page = browser.get("/account/sessions");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("portal-nav");
    }

    @Test
    void anAdminUnlocksFromTheUserPage() {
        var user = logins.withRoles("support");
        jdbc.sql("UPDATE users SET locked_until = now() + interval '30 minutes' WHERE id = :id").param("id", user.id()).update();
        var admin = logins.withRoles("admin");
        var browser = new WebBrowser(port);
        browser.signIn(admin.username(), admin.password(), false);
        var page = browser.get("/console/users/" + user.id());
        assertThat(page.body()).contains("unlock-user", "user-locked");
        var unlocked = browser.submit("/console/users/" + user.id(), "/console/users/" + user.id() + "/unlock", Map.of());
        assertThat(unlocked.status()).isEqualTo(302);
        assertThat(browser.get("/console/users/" + user.id()).body()).doesNotContain("unlock-user");
        assertThat(jdbc.sql("SELECT locked_until FROM users WHERE id = :id").param("id", user.id())
                .query(java.sql.Timestamp.class).optional()).isEmpty();
    }

    private void requestChange(TestLogins.TestUser user, String newEmail) {
        var headers = logins.bearer(user);
        var rest = new org.springframework.web.client.RestTemplate();
        rest.exchange("http://localhost:" + port + "/auth/change_email", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(Map.of("new_email", newEmail, "password", user.password()), headers),
                Map.class);
    }

    private String emailOf(long userId) {
        return jdbc.sql("SELECT email FROM users WHERE id = :id").param("id", userId).query(String.class).single();
    }

    private static String stripCsrf(String body) {
        return body.replaceAll("name=\"_csrf\"\\s+(value|content)=\"[^\"]+\"", "");
    }

    private static int countOf(String body, String needle) {
        int count = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }
}
