package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.support.Authenticator;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.TestLogins.TestUser;
import io.switchboard.support.WebBrowser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The quality bar of issue 3 for its endpoints: bad input (malformed JSON, wrong types, missing, oversized or unknown
 * fields, bad path ids, wrong content type, empty body) is a 4xx problem document naming the field where there is
 * one, never a 500, and nothing is written.
 */
@SwitchboardIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityEndpointsBadInputIntegrationTests {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String LONG = "x".repeat(3000);
    static final String HUGE_ID = "99999999999999999999999";

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.boot.logging.LoggingSystem logging;
    @LocalServerPort int port;

    TestUser user;
    TestUser admin;
    TestUser enrolled;
    Authenticator enrolledAuthenticator;
    String userToken;
    String adminToken;

    /** Who sends the request. */
    enum As { NOBODY, USER, ADMIN }

    /**
     * One probe. In {@code path} and {@code body}, {@code {me}} is the signed-in user's id, {@code {enrolled}} the id
     * of a user with 2FA on, {@code {challenge}} a fresh sign-in challenge of that user.
     */
    record Probe(String method, String path, String contentType, String body, As as, int status, String field) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "…" : body;
            return method + " " + (path.length() > 70 ? path.substring(0, 70) + "…" : path) + " " + shown + " → "
                    + status + (field == null ? "" : " " + field);
        }
    }

    static Probe json(String method, String path, String body, As as, int status, String field) {
        return new Probe(method, path, MediaType.APPLICATION_JSON_VALUE, body, as, status, field);
    }

    static Probe typed(String method, String path, String contentType, String body, As as, int status) {
        return new Probe(method, path, contentType, body, as, status, null);
    }

    static Stream<Probe> probes() {
        var p = new ArrayList<Probe>();
        As N = As.NOBODY;
        As U = As.USER;
        As A = As.ADMIN;
        // sign-in
        p.add(json("POST", "/crm/auth/login", "{", N, 400, null));
        p.add(json("POST", "/crm/auth/login", "", N, 400, null));
        p.add(json("POST", "/crm/auth/login", "[]", N, 400, null));
        p.add(json("POST", "/crm/auth/login", "null", N, 400, null));
        p.add(json("POST", "/crm/auth/login", "{\"password\":\"x\"}", N, 400, "email"));
        p.add(json("POST", "/crm/auth/login", "{\"email\":[\"a\"],\"password\":\"x\"}", N, 400, "email"));
        p.add(json("POST", "/crm/auth/login", "{\"email\":\"" + LONG + "\",\"password\":\"x\"}", N, 400, "email"));
        p.add(json("POST", "/crm/auth/login", "{\"email\":\"a@b.c\",\"password\":\"x\",\"admin\":true}", N, 400, "admin"));
        p.add(typed("POST", "/crm/auth/login", MediaType.TEXT_PLAIN_VALUE, "email=a&password=b", N, 415));
        p.add(typed("POST", "/auth/login", MediaType.APPLICATION_FORM_URLENCODED_VALUE, "email=a&password=b", N, 415));
        p.add(json("POST", "/crm/auth/refresh", "{}", N, 400, "refresh_token"));
        p.add(json("POST", "/crm/auth/refresh", "{\"refresh_token\":{}}", N, 400, "refresh_token"));
        p.add(json("POST", "/crm/auth/refresh", "{\"refresh_token\":\"" + LONG + "\"}", N, 400, "refresh_token"));
        p.add(json("POST", "/crm/auth/logout", "{\"refresh_token\":[1]}", U, 400, "refresh_token"));
        p.add(json("POST", "/crm/auth/logout", "{\"refresh_token\":\"" + LONG + "\"}", U, 400, "refresh_token"));
        // own password and email
        p.add(json("POST", "/auth/change_password", "{\"current_password\":\"x\"}", U, 400, "new_password"));
        p.add(json("POST", "/auth/change_password", "{\"current_password\":\"x\",\"new_password\":" + "[]}", U, 400,
                "new_password"));
        p.add(json("POST", "/auth/change_password", "{\"current_password\":\"wrong\",\"new_password\":\"Another-Passw0rd!\"}",
                U, 400, "current_password"));
        p.add(json("POST", "/auth/change_email", "{\"password\":\"x\"}", U, 400, "new_email"));
        p.add(json("POST", "/auth/change_email", "{\"new_email\":\"not an address\",\"password\":\"" + TestLogins.PASSWORD
                + "\"}", U, 400, "new_email"));
        p.add(json("POST", "/auth/change_email", "{\"new_email\":\"" + LONG + "@x.io\",\"password\":\"x\"}", U, 400,
                "new_email"));
        p.add(json("POST", "/auth/change_email", "{\"new_email\":\"fresh-bad-input@example.com\",\"password\":\"wrong\"}",
                U, 400, "password"));
        p.add(json("POST", "/crm/auth/change_email", "{\"new_email\":\"a@b.io\",\"password\":\"x\",\"role\":\"admin\"}", U,
                400, "role"));
        p.add(json("POST", "/auth/verify_email", "{}", N, 400, "token"));
        p.add(json("POST", "/auth/verify_email", "{\"token\":\"no-such-token\"}", N, 400, "token"));
        p.add(json("POST", "/auth/verify_email", "{\"token\":\"" + LONG + "\"}", N, 400, "token"));
        p.add(json("POST", "/auth/verify_email", "{\"token\":123}", N, 400, "token"));
        // forgotten password
        p.add(json("POST", "/auth/forgot_password", "{}", N, 400, "email"));
        p.add(json("POST", "/auth/forgot_password", "{\"email\":\"" + LONG + "\"}", N, 400, "email"));
        p.add(json("POST", "/auth/forgot_password", "{\"email\":{\"$ne\":null}}", N, 400, "email"));
        p.add(json("POST", "/crm/auth/forgot_password", "{\"email\":\"a@b.io\",\"user_id\":1}", N, 400, "user_id"));
        p.add(typed("POST", "/auth/forgot_password", MediaType.TEXT_PLAIN_VALUE, "a@b.io", N, 415));
        p.add(json("POST", "/auth/reset_password", "{\"token\":\"x\"}", N, 400, "new_password"));
        p.add(json("POST", "/auth/reset_password", "{\"new_password\":\"Another-Passw0rd!\"}", N, 400, "token"));
        p.add(json("POST", "/auth/reset_password", "{\"token\":\"bogus\",\"new_password\":\"Another-Passw0rd!\"}", N, 400,
                "token"));
        p.add(json("POST", "/crm/auth/reset_password", "{\"token\":\"" + LONG + "\",\"new_password\":\"x\"}", N, 400,
                "token"));
        // sessions
        p.add(json("DELETE", "/crm/auth/sessions/api-not-a-uuid", null, U, 404, null));
        p.add(json("DELETE", "/crm/auth/sessions/web-nope", null, U, 404, null));
        p.add(json("DELETE", "/crm/auth/sessions/remember-nope", null, U, 404, null));
        p.add(json("DELETE", "/crm/auth/sessions/" + "a".repeat(500), null, U, 404, null));
        p.add(json("DELETE", "/auth/sessions/api-00000000-0000-0000-0000-000000000000", null, U, 404, null));
        // two-factor: enrolment, status, backup codes, own disable
        p.add(json("POST", "/2fa/enable/user/abc", "{}", U, 400, "user_id"));
        p.add(json("POST", "/2fa/enable/user/" + HUGE_ID, "{}", U, 400, "user_id"));
        p.add(json("POST", "/2fa/enable/user/-1", "{}", U, 403, null));
        p.add(json("POST", "/2fa/enable/user/-1", "{}", A, 404, null));
        p.add(json("POST", "/2fa/enable/user/{me}", "{", U, 400, null));
        p.add(json("POST", "/2fa/enable/user/{me}", "{\"password\":[1]}", U, 400, "password"));
        p.add(json("POST", "/2fa/enable/user/{me}", "{\"password\":\"" + LONG + "\"}", U, 400, "password"));
        p.add(json("POST", "/2fa/enable/user/{me}", "{\"password\":\"wrong\"}", U, 400, "password"));
        p.add(json("POST", "/2fa/enable/user/{me}", "{\"password\":\"x\",\"secret\":\"AAAA\"}", U, 400, "secret"));
        p.add(typed("POST", "/2fa/enable/user/{me}", MediaType.TEXT_PLAIN_VALUE, "password", U, 415));
        p.add(json("POST", "/2fa/verify-setup/user/{me}", "", U, 400, null));
        p.add(json("POST", "/2fa/verify-setup/user/{me}", "{\"code\":{}}", U, 400, "code"));
        p.add(json("POST", "/2fa/verify-setup/user/{me}", "{\"code\":\"" + LONG + "\"}", U, 400, "code"));
        p.add(json("POST", "/2fa/verify-setup/user/{me}", "{\"code\":\"abc\"}", U, 409, null));
        p.add(json("POST", "/2fa/verify-setup/user/notanid", "{\"code\":\"123456\"}", U, 400, "user_id"));
        p.add(json("GET", "/2fa/status/user/abc", null, U, 400, "user_id"));
        p.add(json("GET", "/2fa/status/user/" + HUGE_ID, null, A, 400, "user_id"));
        p.add(json("GET", "/2fa/status/user/-5", null, A, 404, null));
        p.add(json("GET", "/2fa/status/user/1.5", null, A, 400, "user_id"));
        p.add(json("POST", "/2fa/backup-codes/regenerate/user/abc", null, U, 400, "user_id"));
        p.add(json("POST", "/2fa/backup-codes/regenerate/user/{me}", null, U, 409, null));
        p.add(json("POST", "/2fa/disable/user/{me}", "{}", U, 400, "password"));
        p.add(json("POST", "/2fa/disable/user/{me}", "{\"password\":1,\"code\":[\"1\"]}", U, 400, "code"));
        p.add(json("POST", "/2fa/disable/user/x", "{}", U, 400, "user_id"));
        p.add(json("POST", "/2fa/admin/disable/user/abc", null, A, 400, "user_id"));
        p.add(json("POST", "/2fa/admin/disable/user/-1", null, A, 404, null));
        // two-factor: the sign-in's second step, a new device, a lost device
        p.add(json("POST", "/2fa/verify/user/{enrolled}", "{\"code\":\"123456\"}", N, 400, "challenge_token"));
        p.add(json("POST", "/2fa/verify/user/{enrolled}", "{\"code\":\"123456\",\"challenge_token\":\"" + LONG + "\"}", N,
                400, "challenge_token"));
        p.add(json("POST", "/2fa/verify/user/{enrolled}", "{\"code\":\"123456\",\"challenge_token\":\"{challenge}\","
                + "\"trust\":true}", N, 400, "trust"));
        p.add(json("POST", "/2fa/verify/user/{enrolled}", "{\"code\":\"" + LONG + "\",\"challenge_token\":\"{challenge}\"}",
                N, 400, "code"));
        p.add(json("POST", "/2fa/verify/user/abc", "{\"code\":\"123456\",\"challenge_token\":\"{challenge}\"}", N, 400,
                "user_id"));
        p.add(json("POST", "/2fa/verify/user/{enrolled}", "{", N, 400, null));
        p.add(typed("POST", "/2fa/verify/user/{enrolled}", MediaType.APPLICATION_XML_VALUE, "<code>1</code>", N, 415));
        p.add(json("POST", "/2fa/reset-for-new-device/user/{enrolled}", "{\"backup_code\":\"abcdabcd\"}", N, 400,
                "challenge_token"));
        p.add(json("POST", "/2fa/reset-for-new-device/user/{enrolled}", "{\"backup_code\":\"" + LONG
                + "\",\"challenge_token\":\"{challenge}\"}", N, 400, "backup_code"));
        p.add(json("POST", "/2fa/reset-for-new-device/user/{me}", "{\"backup_code\":{}}", U, 400, "backup_code"));
        p.add(json("POST", "/2fa/reset-request/user/{enrolled}", "{}", N, 400, "challenge_token"));
        p.add(json("POST", "/2fa/reset-request/user/{enrolled}", "{\"challenge_token\":\"{challenge}\"}", N, 400, "reason"));
        p.add(json("POST", "/2fa/reset-request/user/{enrolled}", "{\"challenge_token\":\"{challenge}\",\"reason\":\""
                + "r".repeat(2001) + "\"}", N, 400, "reason"));
        p.add(json("POST", "/2fa/reset-request/user/{enrolled}", "{\"challenge_token\":\"{challenge}\",\"reason\":\"lost\","
                + "\"contact_phone\":\"call me maybe\"}", N, 400, "contact_phone"));
        p.add(json("POST", "/2fa/reset-request/user/{enrolled}", "{\"challenge_token\":\"bogus\",\"reason\":\"lost\"}", N,
                400, "challenge_token"));
        p.add(json("POST", "/2fa/reset-request/user/{me}", "{\"challenge_token\":\"{challenge}\",\"reason\":\"lost\"}", N,
                400, "challenge_token"));
        p.add(json("POST", "/2fa/reset-request/user/{enrolled}", "{\"challenge_token\":\"{challenge}\",\"reason\":\"lost\","
                + "\"status\":\"APPROVED\"}", N, 400, "status"));
        p.add(json("POST", "/2fa/reset-request/user/-1", "{\"challenge_token\":\"{challenge}\",\"reason\":\"lost\"}", N,
                400, "challenge_token"));
        p.add(json("POST", "/2fa/reset-request/user/" + HUGE_ID, "{\"challenge_token\":\"x\",\"reason\":\"lost\"}", N, 400,
                "user_id"));
        p.add(typed("POST", "/2fa/reset-request/user/{enrolled}", MediaType.TEXT_PLAIN_VALUE, "lost", N, 415));
        // users (admin)
        p.add(json("GET", "/auth/users/abc", null, A, 400, "id"));
        p.add(json("GET", "/auth/users/" + HUGE_ID, null, A, 400, "id"));
        p.add(json("GET", "/auth/users/-1", null, A, 404, null));
        p.add(json("PUT", "/auth/users/{me}", "{\"contact_id\":\"abc\"}", A, 400, "contact_id"));
        p.add(json("PUT", "/auth/users/{me}", "{\"enabled\":\"maybe\"}", A, 400, "enabled"));
        p.add(json("PUT", "/auth/users/{me}", "{\"email\":\"not an address\"}", A, 400, "email"));
        p.add(json("PUT", "/auth/users/{me}", "{\"totp_secret\":null}", A, 400, "totp_secret"));
        p.add(json("PUT", "/auth/users/{me}", "{\"first_name\":\"" + LONG + "\"}", A, 400, "first_name"));
        p.add(json("POST", "/auth/users", "{\"username\":\"badinput-probe\"}", A, 400, "email"));
        p.add(json("POST", "/auth/users/{me}/admin_reset_password", "{\"force_change\":\"maybe\"}", A, 400, "force_change"));
        p.add(json("POST", "/auth/users/{me}/admin_reset_password", "{\"new_password\":\"short\"}", A, 400, "new_password"));
        p.add(json("POST", "/auth/users/abc/unlock", null, A, 400, "id"));
        p.add(json("POST", "/auth/users/-1/unlock", null, A, 404, null));
        p.add(json("GET", "/auth/users/search?filters=%7Bbad", null, A, 400, "filters"));
        // impersonation
        p.add(json("POST", "/auth/impersonate", "{}", A, 400, "user_id"));
        p.add(json("POST", "/auth/impersonate", "{\"user_id\":\"abc\"}", A, 400, "user_id"));
        p.add(json("POST", "/auth/impersonate", "{\"user_id\":-1}", A, 400, "user_id"));
        p.add(json("POST", "/auth/impersonate", "{\"user_id\":" + HUGE_ID + "}", A, 400, "user_id"));
        p.add(json("POST", "/crm/auth/impersonate", "{\"user_id\":{me}}", A, 403, "user_id"));
        p.add(json("POST", "/crm/auth/impersonate", "{\"user_id\":1,\"as_admin\":true}", A, 400, "as_admin"));
        p.add(typed("POST", "/auth/impersonate", MediaType.TEXT_PLAIN_VALUE, "1", A, 415));
        p.add(json("POST", "/auth/stop_impersonation", null, A, 409, null));
        p.add(json("GET", "/auth/impersonation_logs?start_date=yesterday", null, A, 400, "start_date"));
        p.add(json("GET", "/auth/impersonation_logs?min_duration=abc", null, A, 400, "min_duration"));
        p.add(json("GET", "/auth/impersonation_logs?min_duration=-1", null, A, 400, "min_duration"));
        p.add(json("GET", "/auth/impersonation_logs?user_id=" + HUGE_ID, null, A, 400, "user_id"));
        return p.stream();
    }

    @BeforeAll
    void users() {
        user = logins.withRoles("support");
        admin = logins.withRoles("admin");
        enrolled = logins.withRoles("support");
        userToken = logins.token(user);
        adminToken = logins.token(admin);
        String token = logins.token(enrolled);
        var enabled = send("POST", "/2fa/enable/user/" + enrolled.id(), MediaType.APPLICATION_JSON_VALUE,
                "{\"password\":\"" + enrolled.password() + "\"}", token);
        assertThat(enabled.status()).as("%s", enabled.body()).isEqualTo(200);
        enrolledAuthenticator = new Authenticator(enabled.body().get("totp_secret").asText());
        var verified = send("POST", "/2fa/verify-setup/user/" + enrolled.id(), MediaType.APPLICATION_JSON_VALUE,
                "{\"code\":\"" + enrolledAuthenticator.now() + "\"}", token);
        assertThat(verified.status()).as("%s", verified.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void badInputIsA4xxProblemAndWritesNothing(Probe probe) {
        String path = substitute(probe.path(), null);
        String challenge = probe.path().contains("{challenge}") || (probe.body() != null
                && probe.body().contains("{challenge}")) ? challenge() : null;
        String body = probe.body() == null ? null : substitute(probe.body(), challenge);
        String token = switch (probe.as()) {
            case NOBODY -> null;
            case USER -> userToken;
            case ADMIN -> adminToken;
        };
        var before = snapshot();

        var answer = send(probe.method(), path, probe.contentType(), body, token);

        assertThat(answer.status()).as("%s: %s", probe, answer.raw()).isEqualTo(probe.status());
        assertThat(answer.contentType()).as("%s: %s", probe, answer.raw()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body().path("status").asInt()).isEqualTo(probe.status());
        assertThat(answer.body().path("type").asText()).startsWith("https://switchboard.local/problems/");
        if (probe.field() != null) {
            var fields = new ArrayList<String>();
            answer.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertThat(fields).as("%s: %s", probe, answer.raw()).contains(probe.field());
        }
        assertThat(snapshot()).as("nothing written by %s", probe).isEqualTo(before);
    }

    /** A body the parser refuses is answered to its sender, and what it held is not written to the log. */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void refusedBodiesAreNotLogged(org.springframework.boot.test.system.CapturedOutput output) {
        // Switchboard's loggers at DEBUG; Spring MVC's at their usual level (at DEBUG, Spring itself quotes the text it
        // failed to parse when it resolves the exception)
        var previous = logging.getLoggerConfiguration("io.switchboard");
        logging.setLogLevel("io.switchboard", org.springframework.boot.logging.LogLevel.DEBUG);
        try {
            refusedBodies(output);
        } finally {
            logging.setLogLevel("io.switchboard", previous == null ? null : previous.getConfiguredLevel());
        }
    }

    private void refusedBodies(org.springframework.boot.test.system.CapturedOutput output) {
        String secret = "Leaked" + System.nanoTime();
        for (String body : List.of("{\"email\":\"a@b.io\",\"password\":" + secret + "}",
                "{\"email\":\"a@b.io\",\"password\":\"" + secret + "\",\"" + secret + "\":1}",
                "{\"email\":\"" + secret + "\",\"password\":[\"" + secret + "\"]}")) {
            var answer = send("POST", "/crm/auth/login", MediaType.APPLICATION_JSON_VALUE, body, null);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(400);
        }
        var reset = send("POST", "/auth/reset_password", MediaType.APPLICATION_JSON_VALUE,
                "{\"token\":\"" + secret + "\",\"new_password\":\"" + secret + "-Passw0rd!\"}", null);
        assertThat(reset.status()).isEqualTo(400);
        var unknown = send("POST", "/crm/auth/login", MediaType.APPLICATION_JSON_VALUE,
                "{\"email\":\"nobody-" + secret.toLowerCase() + "@example.com\",\"password\":\"" + secret + "\"}", null);
        assertThat(unknown.status()).isEqualTo(401);
        // an unknown identifier is logged only as a fingerprint: a password typed into the e-mail field stays out
        assertThat(output.getAll()).contains("Sign-in refused for unknown account #").doesNotContain(secret)
                .doesNotContain("nobody-" + secret.toLowerCase());
    }

    /** Web pages of issue 3 answer bad form input with a page or a redirect, never a server error. */
    @Test
    void webPagesNeverAnswerBadInputWithAServerError() {
        var browser = new WebBrowser(port);
        var anonymous = List.of(
                browser.get("/reset-password/" + "t".repeat(5000)),
                browser.submit("/login/forgot-password", "/login/forgot-password", Map.of("email", LONG)),
                browser.submit("/login/forgot-password", "/login/forgot-password", Map.of()),
                browser.get("/verify-email/" + "%00%ff"),
                browser.get("/login/2fa"),
                browser.get("/login/2fa/lost-device"));
        for (var page : anonymous) {
            assertThat(page.status()).as(page.body()).isLessThan(500);
        }
        var before = snapshot();
        var signedIn = new WebBrowser(port);
        signedIn.signIn(user.username(), user.password(), false);
        var pages = List.of(
                signedIn.submit("/account/security", "/account/security/enable", Map.of("password", LONG)),
                signedIn.submit("/account/security", "/account/security/confirm", Map.of("code", LONG)),
                signedIn.submit("/account/security", "/account/security/confirm", Map.of()),
                signedIn.submit("/account/security", "/account/security/disable", Map.of("password", "x", "code", "y")),
                signedIn.submit("/account/security", "/account/security/backup-codes", Map.of()),
                signedIn.submit("/account/sessions", "/account/sessions/" + "z".repeat(400) + "/end", Map.of()),
                signedIn.submit("/account/password", "/account/password", Map.of("current_password", LONG)));
        for (var page : pages) {
            assertThat(page.status()).as(page.body()).isLessThan(500);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    // -- helpers

    String substitute(String text, String challenge) {
        String out = text.replace("{me}", String.valueOf(user.id())).replace("{enrolled}", String.valueOf(enrolled.id()));
        return challenge == null ? out : out.replace("{challenge}", challenge);
    }

    /** A fresh sign-in challenge of the enrolled user. */
    String challenge() {
        var login = send("POST", "/crm/auth/login", MediaType.APPLICATION_JSON_VALUE,
                "{\"email\":\"" + enrolled.email() + "\",\"password\":\"" + enrolled.password() + "\"}", null);
        assertThat(login.status()).as("%s", login.raw()).isEqualTo(200);
        return login.body().path("challenge_token").asText();
    }

    record Answer(int status, String contentType, String raw, JsonNode body) {}

    Answer send(String method, String path, String contentType, String body, String token) {
        var headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (contentType != null && body != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        var response = http.exchange(java.net.URI.create(http.getRootUri() + path), HttpMethod.valueOf(method),
                new HttpEntity<>(body, headers), String.class);
        JsonNode json;
        try {
            json = response.getBody() == null ? MAPPER.createObjectNode() : MAPPER.readTree(response.getBody());
        } catch (java.io.IOException e) {
            json = MAPPER.createObjectNode();
        }
        var type = response.getHeaders().getContentType();
        return new Answer(response.getStatusCode().value(), type == null ? "" : type.toString(), response.getBody(), json);
    }

    /** What these probes could write: the test users' rows, their activity and mail, and the security tables. */
    Map<String, Object> snapshot() {
        var ids = List.of(user.id(), admin.id(), enrolled.id());
        var idTexts = ids.stream().map(String::valueOf).toList();
        var emails = List.of(user.email(), admin.email(), enrolled.email(), "fresh-bad-input@example.com", "a@b.io");
        return Map.of(
                "users", jdbc.sql("""
                        SELECT string_agg(concat_ws('|', id, email, password_hash, enabled, deleted, totp_secret IS NULL,
                            totp_pending_secret IS NULL, failed_sign_ins, locked_until, contact_id, first_name,
                            token_version), ',' ORDER BY id) FROM users WHERE id IN (:ids)""")
                        .param("ids", ids).query(String.class).optional().orElse(""),
                "newUsers", jdbc.sql("SELECT count(*) FROM users WHERE username LIKE 'badinput-%'").query(Long.class).single(),
                "activity", jdbc.sql("""
                        SELECT count(*) FROM activity_log WHERE actor_user_id IN (:ids)
                            OR (entity_type = 'user' AND entity_id IN (:texts))""")
                        .param("ids", ids).param("texts", idTexts).query(Long.class).single(),
                "mail", jdbc.sql("SELECT count(*) FROM notification_outbox WHERE lower(recipient_email) IN (:emails)")
                        .param("emails", emails).query(Long.class).single(),
                "backupCodes", jdbc.sql("SELECT count(*) FROM two_factor_backup_codes WHERE user_id IN (:ids)")
                        .param("ids", ids).query(Long.class).single(),
                "resetRequests", jdbc.sql("SELECT count(*) FROM two_factor_reset_requests").query(Long.class).single(),
                "resetTokens", jdbc.sql("SELECT count(*) FROM password_reset_tokens").query(Long.class).single(),
                "emailTokens", jdbc.sql("SELECT count(*) FROM email_verification_tokens").query(Long.class).single(),
                "impersonations", jdbc.sql("SELECT count(*) FROM impersonation_log").query(Long.class).single(),
                "refreshTokens", jdbc.sql("SELECT count(*) FROM refresh_tokens WHERE user_id IN (:ids) AND revoked_at IS NULL")
                        .param("ids", ids).query(Long.class).single());
    }
}
