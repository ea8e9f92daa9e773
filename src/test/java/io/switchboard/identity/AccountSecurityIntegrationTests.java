package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lockout, password reset by e-mail, password history, e-mail change verification and the sessions API. */
@SwitchboardIntegrationTest
class AccountSecurityIntegrationTests {

    static final String NEW_PASSWORD = "Brand-New-Passw0rd!";

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;

    // ---- lockout ----

    @Test
    void fiveWrongPasswordsLockTheApiLoginWithTheSameAnswerAsAWrongPassword() {
        var user = logins.withRoles("support");
        ResponseEntity<Map> wrong = null;
        for (int i = 0; i < 5; i++) {
            wrong = login(user.email(), "Wrong-Passw0rd!" + i);
            assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        }
        var locked = login(user.email(), user.password());
        var unknown = login("nobody-" + System.nanoTime() + "@test.switchboard", user.password());

        assertThat(locked.getStatusCode().value()).isEqualTo(401);
        assertThat(locked.getBody()).isEqualTo(wrong.getBody());
        assertThat(unknown.getStatusCode().value()).isEqualTo(401);
        assertThat(unknown.getBody()).isEqualTo(wrong.getBody());
        assertThat(jdbc.sql("SELECT locked_until > now() FROM users WHERE id = :id").param("id", user.id())
                .query(Boolean.class).single()).isTrue();

        // the security e-mail with a reset link, and an activity entry with the address but no token
        var mail = AccountMail.newest(jdbc, "ACCOUNT_LOCKED", user.email()).orElseThrow();
        String token = AccountMail.token(jdbc, "ACCOUNT_LOCKED", user.email());
        var activity = activityText(user.id());
        assertThat(activity).contains("LOCKED", "127.0.0.1").doesNotContain(token);
        assertThat(mail.get("idempotency_key").toString()).startsWith("account-locked:" + user.id());

        // the lock ends by itself: move it into the past
        jdbc.sql("UPDATE users SET locked_until = now() - interval '1 minute' WHERE id = :id").param("id", user.id()).update();
        assertThat(login(user.email(), user.password()).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT failed_sign_ins FROM users WHERE id = :id").param("id", user.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theLockHoldsForTheWebFormAndAnAdminCanLiftIt() {
        var user = logins.withRoles("support");
        var browser = new WebBrowser(port);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(user.username(), "Wrong-Passw0rd!", false).location().orElseThrow())
                    .endsWith("/login?error");
        }
        assertThat(browser.signIn(user.username(), user.password(), false).location().orElseThrow())
                .endsWith("/login?error");

        var admin = logins.bearerFor("admin");
        var listed = http.exchange("/auth/users/" + user.id(), HttpMethod.GET, new HttpEntity<>(admin), Map.class);
        assertThat(listed.getBody().get("locked_until")).isNotNull();
        var unlocked = http.exchange("/auth/users/" + user.id() + "/unlock", HttpMethod.POST, new HttpEntity<>(admin), Map.class);
        assertThat(unlocked.getStatusCode().value()).isEqualTo(200);
        assertThat(unlocked.getBody().get("locked_until")).isNull();
        var again = http.exchange("/auth/users/" + user.id() + "/unlock", HttpMethod.POST, new HttpEntity<>(admin), Map.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);

        assertThat(browser.signIn(user.username(), user.password(), false).redirectPath()).isEqualTo("/console");
    }

    @Test
    void aCorrectPasswordStartsTheCountAgain() {
        var user = logins.withRoles("support");
        for (int i = 0; i < 4; i++) {
            login(user.email(), "Wrong-Passw0rd!");
        }
        assertThat(login(user.email(), user.password()).getStatusCode().value()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            login(user.email(), "Wrong-Passw0rd!");
        }
        assertThat(login(user.email(), user.password()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void onlyAdminsUnlockAndOnlyExistingUsers() {
        var user = logins.withRoles("support");
        assertThat(http.exchange("/auth/users/" + user.id() + "/unlock", HttpMethod.POST,
                new HttpEntity<>(logins.bearerFor("support")), Map.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.exchange("/auth/users/999999999/unlock", HttpMethod.POST,
                new HttpEntity<>(logins.bearerFor("admin")), Map.class).getStatusCode().value()).isEqualTo(404);
    }

    // ---- forgot / reset ----

    @Test
    void forgotPasswordAnswersTheSameForUnknownAddressesAndEmailsOnlyRealAccountsOncePerMinute() {
        var user = logins.withRoles("support");
        String unknownAddress = "nobody-" + System.nanoTime() + "@test.switchboard";
        var known = forgot(user.email());
        var unknown = forgot(unknownAddress);
        var again = forgot(user.email());

        assertThat(known.getStatusCode().value()).isEqualTo(202);
        assertThat(unknown.getStatusCode().value()).isEqualTo(202);
        assertThat(unknown.getBody()).isEqualTo(known.getBody());
        assertThat(again.getBody()).isEqualTo(known.getBody());
        assertThat(AccountMail.count(jdbc, "PASSWORD_RESET", user.email())).isEqualTo(1);
        assertThat(AccountMail.count(jdbc, "PASSWORD_RESET", unknownAddress)).isZero();
        String token = AccountMail.token(jdbc, "PASSWORD_RESET", user.email());
        assertThat(activityText(user.id())).contains("PASSWORD_RESET_REQUESTED").doesNotContain(token);
        assertThat(known.getBody().toString()).doesNotContain(token);
    }

    @Test
    void forgotPasswordRefusesMalformedInput() {
        assertThat(post("/auth/forgot_password", Map.of("email", "not an address"), null).getStatusCode().value())
                .isEqualTo(400);
        assertThat(post("/auth/forgot_password", Map.of(), null).getStatusCode().value()).isEqualTo(400);
        assertThat(post("/crm/auth/forgot_password", Map.of("email", "a@b.c", "extra", 1), null).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void aResetLinkWorksOnceEnforcesThePolicyAndSignsTheUserOutEverywhere() {
        var user = logins.withRoles("support");
        var apiLogin = login(user.email(), user.password());
        String refreshToken = (String) apiLogin.getBody().get("refresh_token");
        var browser = new WebBrowser(port);
        assertThat(browser.signIn(user.username(), user.password(), false).redirectPath()).isEqualTo("/console");
        forgot(user.email());
        String token = AccountMail.token(jdbc, "PASSWORD_RESET", user.email());

        var weak = post("/auth/reset_password", Map.of("token", token, "new_password", "weak"), null);
        assertThat(weak.getStatusCode().value()).isEqualTo(400);
        assertThat(weak.getBody().toString()).contains("new_password");

        var done = post("/auth/reset_password", Map.of("token", token, "new_password", NEW_PASSWORD), null);
        assertThat(done.getStatusCode().value()).isEqualTo(200);
        var reused = post("/crm/auth/reset_password", Map.of("token", token, "new_password", NEW_PASSWORD + "x"), null);
        assertThat(reused.getStatusCode().value()).isEqualTo(400);
        assertThat(reused.getBody().toString()).contains("token").doesNotContain(token);

        assertThat(login(user.email(), user.password()).getStatusCode().value()).isEqualTo(401);
        assertThat(login(user.email(), NEW_PASSWORD).getStatusCode().value()).isEqualTo(200);
        assertThat(post("/crm/auth/refresh", Map.of("refresh_token", refreshToken), null).getStatusCode().value())
                .isEqualTo(401);
        assertThat(browser.get("/console").status()).isEqualTo(302);
        assertThat(AccountMail.count(jdbc, "PASSWORD_RESET_SUCCESS", user.email())).isEqualTo(1);
        assertThat(activityText(user.id())).contains("PASSWORD_RESET_COMPLETED").doesNotContain(token);
    }

    @Test
    void anExpiredOrSupersededLinkIsRefusedNamingTheToken() {
        var user = logins.withRoles("support");
        forgot(user.email());
        String first = AccountMail.token(jdbc, "PASSWORD_RESET", user.email());
        jdbc.sql("UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = :id")
                .param("id", user.id()).update();
        var expired = post("/auth/reset_password", Map.of("token", first, "new_password", NEW_PASSWORD), null);
        assertThat(expired.getStatusCode().value()).isEqualTo(400);
        assertThat(expired.getBody().toString()).contains("token");

        // a newer link supersedes an older one (past the one-a-minute limit)
        jdbc.sql("UPDATE password_reset_tokens SET created_at = now() - interval '2 minutes', "
                + "expires_at = now() + interval '1 hour' WHERE user_id = :id").param("id", user.id()).update();
        forgot(user.email());
        String second = AccountMail.token(jdbc, "PASSWORD_RESET", user.email());
        assertThat(second).isNotEqualTo(first);
        assertThat(post("/auth/reset_password", Map.of("token", first, "new_password", NEW_PASSWORD), null)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(post("/auth/reset_password", Map.of("token", second, "new_password", NEW_PASSWORD), null)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(post("/auth/reset_password", Map.of("token", "x".repeat(43), "new_password", NEW_PASSWORD), null)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aResetUnlocksALockedAccount() {
        var user = logins.withRoles("support");
        for (int i = 0; i < 5; i++) {
            login(user.email(), "Wrong-Passw0rd!");
        }
        String token = AccountMail.token(jdbc, "ACCOUNT_LOCKED", user.email());
        assertThat(post("/auth/reset_password", Map.of("token", token, "new_password", NEW_PASSWORD), null)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(login(user.email(), NEW_PASSWORD).getStatusCode().value()).isEqualTo(200);
    }

    // ---- history ----

    @Test
    void aNewPasswordMayNotRepeatOneOfTheLastFive() {
        var user = logins.withRoles("support");
        var headers = logins.bearer(user);
        var first = post("/auth/change_password", Map.of("current_password", user.password(), "new_password", NEW_PASSWORD), headers);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        var fresh = bearerHeaders((String) first.getBody().get("access_token"));
        var back = post("/auth/change_password", Map.of("current_password", NEW_PASSWORD, "new_password", user.password()), fresh);
        assertThat(back.getStatusCode().value()).isEqualTo(400);
        assertThat(back.getBody().toString()).contains("new_password", "last 5");

        // admin reset is held to it too
        var admin = logins.bearerFor("admin");
        var adminReset = http.exchange("/auth/users/" + user.id() + "/admin_reset_password", HttpMethod.POST,
                new HttpEntity<>(Map.of("new_password", user.password()), admin), Map.class);
        assertThat(adminReset.getStatusCode().value()).isEqualTo(400);
        // and the self-service reset
        forgot(user.email());
        String token = AccountMail.token(jdbc, "PASSWORD_RESET", user.email());
        var reset = post("/auth/reset_password", Map.of("token", token, "new_password", user.password()), null);
        assertThat(reset.getStatusCode().value()).isEqualTo(400);
        assertThat(reset.getBody().toString()).contains("new_password");
        assertThat(AccountMail.count(jdbc, "PASSWORD_CHANGE", user.email())).isEqualTo(1);
    }

    // ---- e-mail change ----

    @Test
    void aNewEmailIsUsedOnlyOnceItsLinkIsFollowed() {
        var user = logins.withRoles("support");
        String newEmail = "new-" + user.username() + "@test.switchboard";
        var wrongPassword = post("/auth/change_email", Map.of("new_email", newEmail, "password", "nope"), logins.bearer(user));
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongPassword.getBody().toString()).contains("password");

        var asked = post("/auth/change_email", Map.of("new_email", newEmail, "password", user.password()), logins.bearer(user));
        assertThat(asked.getStatusCode().value()).isEqualTo(202);
        assertThat(asked.getBody()).containsEntry("pending_email", newEmail);

        assertThat(emailOf(user.id())).isEqualTo(user.email());
        assertThat(login(newEmail, user.password()).getStatusCode().value()).isEqualTo(401);
        assertThat(login(user.email(), user.password()).getStatusCode().value()).isEqualTo(200);
        var profile = http.exchange("/auth/users/" + user.id(), HttpMethod.GET, new HttpEntity<>(logins.bearerFor("admin")), Map.class);
        assertThat(profile.getBody()).containsEntry("pending_email", newEmail).containsEntry("email", user.email());

        String token = AccountMail.token(jdbc, "EMAIL_VERIFICATION", newEmail);
        assertThat(activityText(user.id())).contains("EMAIL_CHANGE_REQUESTED").doesNotContain(token);
        var verified = post("/auth/verify_email", Map.of("token", token), null);
        assertThat(verified.getStatusCode().value()).isEqualTo(200);
        assertThat(emailOf(user.id())).isEqualTo(newEmail);
        assertThat(jdbc.sql("SELECT email_verified FROM users WHERE id = :id").param("id", user.id()).query(Boolean.class).single()).isTrue();
        assertThat(login(newEmail, user.password()).getStatusCode().value()).isEqualTo(200);
        assertThat(post("/auth/verify_email", Map.of("token", token), null).getStatusCode().value()).isEqualTo(400);
        assertThat(activityText(user.id())).contains("EMAIL_CHANGED").doesNotContain(token);
    }

    @Test
    void anAdminsChangeOfSomeonesEmailAlsoWaitsForTheLink() {
        var user = logins.withRoles("support");
        String newEmail = "admin-set-" + user.username() + "@test.switchboard";
        var changed = http.exchange("/auth/users/" + user.id(), HttpMethod.PUT,
                new HttpEntity<>(Map.of("email", newEmail), logins.bearerFor("admin")), Map.class);
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        assertThat(changed.getBody()).containsEntry("email", user.email()).containsEntry("pending_email", newEmail);
        assertThat(emailOf(user.id())).isEqualTo(user.email());
        assertThat(login(user.email(), user.password()).getStatusCode().value()).isEqualTo(200);

        String token = AccountMail.token(jdbc, "EMAIL_VERIFICATION", newEmail);
        assertThat(activityText(user.id())).contains("EMAIL_CHANGE_REQUESTED").doesNotContain(token);
        assertThat(post("/auth/verify_email", Map.of("token", token), null).getStatusCode().value()).isEqualTo(200);
        assertThat(emailOf(user.id())).isEqualTo(newEmail);
        assertThat(login(newEmail, user.password()).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anAddressTakenBeforeConfirmationChangesNothing() {
        var user = logins.withRoles("support");
        var other = logins.withRoles("support");
        String wanted = "wanted-" + user.username() + "@test.switchboard";
        post("/auth/change_email", Map.of("new_email", wanted, "password", user.password()), logins.bearer(user));
        String token = AccountMail.token(jdbc, "EMAIL_VERIFICATION", wanted);
        jdbc.sql("UPDATE users SET email = :e WHERE id = :id").param("e", wanted).param("id", other.id()).update();

        var refused = post("/auth/verify_email", Map.of("token", token), null);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(emailOf(user.id())).isEqualTo(user.email());
        assertThat(post("/auth/change_email", Map.of("new_email", wanted, "password", user.password()),
                logins.bearer(user)).getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aNewerChangeRequestSupersedesTheOlderOne() {
        var user = logins.withRoles("support");
        String first = "first-" + user.username() + "@test.switchboard";
        String second = "second-" + user.username() + "@test.switchboard";
        post("/auth/change_email", Map.of("new_email", first, "password", user.password()), logins.bearer(user));
        String firstToken = AccountMail.token(jdbc, "EMAIL_VERIFICATION", first);
        post("/auth/change_email", Map.of("new_email", second, "password", user.password()), logins.bearer(user));
        assertThat(post("/auth/verify_email", Map.of("token", firstToken), null).getStatusCode().value()).isEqualTo(400);
        assertThat(post("/auth/verify_email", Map.of("token", AccountMail.token(jdbc, "EMAIL_VERIFICATION", second)), null)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(emailOf(user.id())).isEqualTo(second);
    }

    // ---- sessions API ----

    @Test
    void theSessionsApiListsAndEndsTokenFamilies() {
        var user = logins.withRoles("support");
        var first = login(user.email(), user.password()).getBody();
        var second = login(user.email(), user.password()).getBody();
        var headers = bearerHeaders((String) second.get("access_token"));

        var listed = http.exchange("/crm/auth/sessions", HttpMethod.GET, new HttpEntity<>(headers), List.class);
        assertThat(listed.getStatusCode().value()).isEqualTo(200);
        assertThat(listed.getBody()).hasSize(2);
        String id = (String) ((Map<?, ?>) listed.getBody().get(0)).get("id");
        assertThat(id).startsWith("api-");

        assertThat(http.exchange("/crm/auth/sessions/" + id, HttpMethod.DELETE, new HttpEntity<>(headers), Void.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(http.exchange("/crm/auth/sessions/api-" + java.util.UUID.randomUUID(), HttpMethod.DELETE,
                new HttpEntity<>(headers), Map.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/crm/auth/sessions", HttpMethod.GET, new HttpEntity<>(headers), List.class).getBody())
                .hasSize(1);
        // someone else's session is not found
        var stranger = logins.bearerFor("support");
        var remaining = (String) ((Map<?, ?>) http.exchange("/crm/auth/sessions", HttpMethod.GET, new HttpEntity<>(headers),
                List.class).getBody().get(0)).get("id");
        assertThat(http.exchange("/crm/auth/sessions/" + remaining, HttpMethod.DELETE, new HttpEntity<>(stranger), Map.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(first).isNotNull();
    }

    // ---- helpers ----

    private ResponseEntity<Map> login(String email, String password) {
        return post("/crm/auth/login", Map.of("email", email, "password", password), null);
    }

    private ResponseEntity<Map> forgot(String email) {
        return post("/auth/forgot_password", Map.of("email", email), null);
    }

    private ResponseEntity<Map> post(String path, Map<String, ?> body, HttpHeaders headers) {
        var h = headers != null ? headers : new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), Map.class);
    }

    private static HttpHeaders bearerHeaders(String token) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private String emailOf(long userId) {
        return jdbc.sql("SELECT email FROM users WHERE id = :id").param("id", userId).query(String.class).single();
    }

    private String activityText(long userId) {
        return String.join("\n", jdbc.sql("""
                SELECT action || ' ' || summary || ' ' || coalesce(changes::text, '') FROM activity_log
                WHERE entity_type = 'user' AND entity_id = :id ORDER BY id""")
                .param("id", String.valueOf(userId)).query(String.class).list());
    }
}
