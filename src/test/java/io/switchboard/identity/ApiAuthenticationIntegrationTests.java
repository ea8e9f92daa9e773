package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@SwitchboardIntegrationTest
@SuppressWarnings("unchecked")
class ApiAuthenticationIntegrationTests {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;

    @Test
    void loginReturnsATokenThatOpensProtectedEndpoints() {
        var admin = logins.withRoles("admin");
        var login = post("/crm/auth/login", Map.of("email", admin.email(), "password", admin.password()), null);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        var body = login.getBody();
        assertThat(body).containsKeys("token", "refresh_token", "expires_in", "user", "roles", "permissions");
        assertThat(body.get("token_type")).isEqualTo("Bearer");
        assertThat(body.get("password_change_required")).isEqualTo(false);
        assertThat((List<Object>) body.get("roles")).containsExactly("Admin");
        assertThat((List<Object>) body.get("permissions")).contains("admin", "view_customer", "view_own_provision");
        assertThat((Map<String, Object>) body.get("user")).containsEntry("username", admin.username())
                .containsEntry("email", admin.email());

        var users = get("/auth/users", (String) body.get("token"));
        assertThat(users.getStatusCode().value()).isEqualTo(200);
        assertThat(users.getBody()).containsKeys("data", "pagination");
    }

    @Test
    void loginAcceptsTheUsernameInTheEmailField() {
        var user = logins.withRoles("support");
        var login = post("/auth/login", Map.of("email", user.username(), "password", user.password()), null);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody().get("user")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", (int) user.id());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401Problem() {
        var user = logins.withRoles("support");
        var wrong = post("/crm/auth/login", Map.of("email", user.email(), "password", "Wrong-Passw0rd!"), null);
        var unknown = post("/crm/auth/login", Map.of("email", "nobody-" + user.username() + "@x.test",
                "password", "Wrong-Passw0rd!"), null);
        for (var response : List.of(wrong, unknown)) {
            assertThat(response.getStatusCode().value()).isEqualTo(401);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
        assertThat(wrong.getBody().get("detail")).isEqualTo(unknown.getBody().get("detail"));
    }

    @Test
    void requestsWithoutCredentialsGet401ProblemWithAChallenge() {
        var response = get("/auth/users", null);
        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("status", 401);

        var forged = get("/auth/users", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(forged.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
    }

    @Test
    void theEngineRestApiNeedsCredentialsToo() {
        var response = http.getForEntity("/engine-rest/engine", String.class);
        assertThat(response.getStatusCode().value()).as(response.getHeaders() + " " + response.getBody()).isEqualTo(401);
    }

    @Test
    void publicEndpointsNeedNoCredentials() {
        assertThat(get("/crm/health", null).getStatusCode().value()).isEqualTo(200);
        var openApi = http.getForEntity("/crm/openapi.json", String.class);
        assertThat(openApi.getStatusCode().value()).isEqualTo(200);
        assertThat(openApi.getBody()).contains("\"bearerAuth\"", "X-API-KEY", "/crm/auth/login", "/crm/api-keys");
        assertThat(http.getForEntity("/crm/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aSupportUserIsForbiddenFromUserAdministration() {
        var support = logins.withRoles("support");
        var response = get("/auth/users", logins.token(support));
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        var user = logins.withRoles("support");
        String token = logins.token(user);
        assertThat(get("/auth/users", token).getStatusCode().value()).isEqualTo(403);
        long adminRole = jdbc.sql("SELECT id FROM roles WHERE group_id = 'admin'").query(Long.class).single();
        jdbc.sql("INSERT INTO user_roles (user_id, role_id) VALUES (:u, :r)").param("u", user.id()).param("r", adminRole)
                .update();
        assertThat(get("/auth/users", token).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void refreshRotatesAndReuseRevokesTheFamily() {
        var user = logins.withRoles("support");
        var first = post("/crm/auth/login", Map.of("email", user.email(), "password", user.password()), null).getBody();
        String refresh1 = (String) first.get("refresh_token");

        var second = post("/crm/auth/refresh", Map.of("refresh_token", refresh1), null);
        assertThat(second.getStatusCode().value()).isEqualTo(200);
        String refresh2 = (String) second.getBody().get("refresh_token");
        String token2 = (String) second.getBody().get("token");
        assertThat(refresh2).isNotEqualTo(refresh1);
        assertThat(get("/crm/auth/whoami-does-not-exist", token2).getStatusCode().value()).isEqualTo(404);

        var reuse = post("/crm/auth/refresh", Map.of("refresh_token", refresh1), null);
        assertThat(reuse.getStatusCode().value()).isEqualTo(401);
        // the family is gone: the successor no longer works, nor does the access token issued with it
        assertThat(post("/crm/auth/refresh", Map.of("refresh_token", refresh2), null).getStatusCode().value())
                .isEqualTo(401);
        assertThat(get("/crm/auth/whoami-does-not-exist", token2).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void logoutKillsTheAccessTokenAndTheRefreshToken() {
        var user = logins.withRoles("admin");
        var login = post("/crm/auth/login", Map.of("email", user.email(), "password", user.password()), null).getBody();
        String token = (String) login.get("token");
        assertThat(get("/auth/users", token).getStatusCode().value()).isEqualTo(200);

        var logout = post("/crm/auth/logout", Map.of("refresh_token", login.get("refresh_token")), token);
        assertThat(logout.getStatusCode().value()).isEqualTo(204);
        assertThat(get("/auth/users", token).getStatusCode().value()).isEqualTo(401);
        assertThat(post("/crm/auth/refresh", Map.of("refresh_token", login.get("refresh_token")), null)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theFirstAdminIsCreatedFromTheProperties() {
        var login = post("/crm/auth/login", Map.of("email", "admin@test.local", "password", "Admin-Test-Password-1"), null);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat((Map<String, Object>) login.getBody().get("user")).containsEntry("username", "admin");
        assertThat((List<Object>) login.getBody().get("roles")).contains("Admin");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE username = 'automation' AND service_account")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(post("/crm/auth/login", Map.of("email", "automation", "password", "anything-1A!"), null)
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void malformedLoginBodiesAre400Problems() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var broken = http.exchange("/crm/auth/login", HttpMethod.POST, new HttpEntity<>("{\"email\": ", headers), JSON);
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        var missing = post("/crm/auth/login", Map.of("email", "x@y.z"), null);
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().toString()).contains("password");
    }

    ResponseEntity<Map<String, Object>> get(String path, String token) {
        var headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
    }

    ResponseEntity<Map<String, Object>> post(String path, Object body, String token) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }
}
