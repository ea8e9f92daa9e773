package io.switchboard.identity;

import static io.switchboard.identity.UserAdministrationIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.activity.ActivityEntry;
import io.switchboard.activity.ActivityLog;
import io.switchboard.identity.internal.Secrets;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
class ApiKeyIntegrationTests {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired ActivityLog activity;

    HttpHeaders admin;

    @BeforeEach
    void signIn() {
        admin = logins.bearerFor("admin");
    }

    Map<String, Object> create(HttpHeaders as, Map<String, Object> body) {
        var response = exchange(HttpMethod.POST, "/crm/api-keys", body, as);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    Map<String, Object> keyRequest(String name, Object permissions) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("description", "for the tests");
        body.put("permissions", permissions);
        return body;
    }

    @Test
    void aKeyIsShownOnceStoredAsAHashAndAuthenticates() {
        var key = create(admin, keyRequest("grafana", List.of("admin")));
        String secret = (String) key.get("api_key");
        long id = ((Number) key.get("api_key_id")).longValue();
        assertThat(secret).startsWith("sk_live_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(key).containsEntry("status", "active").containsEntry("expiry_date", null);

        String stored = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = :id").param("id", id).query(String.class).single();
        assertThat(stored).isEqualTo(Secrets.sha256(secret)).doesNotContain(secret);

        var shown = exchange(HttpMethod.GET, "/crm/api-keys/" + id, null, admin).getBody();
        assertThat(shown).doesNotContainKey("api_key");
        assertThat((String) shown.get("masked_key")).startsWith(secret.substring(0, 12)).endsWith(secret.substring(secret.length() - 4));
        assertThat(shown.toString()).doesNotContain(secret);

        var withKey = withKey(secret);
        assertThat(exchange(HttpMethod.GET, "/auth/users?per_page=1", null, withKey).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_keys WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(activity.forEntity("api_key", String.valueOf(id))).extracting(ActivityEntry::action).contains("CREATED");
    }

    @Test
    void aKeyActsWithItsOwnPermissionsOnly() {
        var key = create(admin, keyRequest("read-only", List.of("view_customer")));
        var withKey = withKey((String) key.get("api_key"));
        assertThat(exchange(HttpMethod.GET, "/auth/users", null, withKey).getStatusCode().value()).isEqualTo(403);
        // keys cannot manage keys
        assertThat(exchange(HttpMethod.GET, "/crm/api-keys", null, withKey).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void revokedExpiredAndUnknownKeysGet401AtOnce() {
        var key = create(admin, keyRequest("to-revoke", List.of("admin")));
        String secret = (String) key.get("api_key");
        long id = ((Number) key.get("api_key_id")).longValue();
        assertThat(exchange(HttpMethod.DELETE, "/crm/api-keys/" + id, null, admin).getStatusCode().value()).isEqualTo(200);
        var revoked = exchange(HttpMethod.GET, "/auth/users", null, withKey(secret));
        assertThat(revoked.getStatusCode().value()).isEqualTo(401);
        assertThat(revoked.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(exchange(HttpMethod.GET, "/crm/api-keys/" + id, null, admin).getBody())
                .containsEntry("status", "revoked");
        assertThat(exchange(HttpMethod.POST, "/crm/api-keys/" + id + "/regenerate", null, admin).getStatusCode().value())
                .isEqualTo(409);

        var expiring = create(admin, keyRequest("to-expire", List.of("admin")));
        long expiringId = ((Number) expiring.get("api_key_id")).longValue();
        jdbc.sql("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = :id").param("id", expiringId)
                .update();
        assertThat(exchange(HttpMethod.GET, "/auth/users", null, withKey((String) expiring.get("api_key")))
                .getStatusCode().value()).isEqualTo(401);
        assertThat(exchange(HttpMethod.GET, "/crm/api-keys/" + expiringId, null, admin).getBody())
                .containsEntry("status", "expired");

        assertThat(exchange(HttpMethod.GET, "/auth/users", null, withKey("sk_live_made-up")).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void regenerateKillsTheOldSecretAndKeepsTheRest() {
        var key = create(admin, keyRequest("rotating", List.of("view_customer", "admin")));
        long id = ((Number) key.get("api_key_id")).longValue();
        var regenerated = exchange(HttpMethod.POST, "/crm/api-keys/" + id + "/regenerate", null, admin);
        assertThat(regenerated.getStatusCode().value()).isEqualTo(200);
        String fresh = (String) regenerated.getBody().get("api_key");
        assertThat(fresh).isNotEqualTo(key.get("api_key"));
        assertThat(regenerated.getBody()).containsEntry("api_key_id", key.get("api_key_id"))
                .containsEntry("name", "rotating").containsEntry("permissions", List.of("admin", "view_customer"));
        assertThat(exchange(HttpMethod.GET, "/auth/users", null, withKey((String) key.get("api_key")))
                .getStatusCode().value()).isEqualTo(401);
        assertThat(exchange(HttpMethod.GET, "/auth/users", null, withKey(fresh)).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aDateOnlyExpiryEndsThatDayAndNearExpiryIsExpiringSoon() {
        String inTenDays = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        var body = keyRequest("soon", List.of("view_customer"));
        body.put("expiry_date", inTenDays);
        var key = create(admin, body);
        assertThat(key).containsEntry("expiry_date", inTenDays + "T23:59:59Z").containsEntry("status", "expiring_soon");
        long id = ((Number) key.get("api_key_id")).longValue();

        var patched = exchange(HttpMethod.PATCH, "/crm/api-keys/" + id,
                Map.of("expiry_date", LocalDate.now(ZoneOffset.UTC).plusDays(90) + "T12:00:00Z", "name", "later"), admin);
        assertThat(patched.getBody()).containsEntry("status", "active").containsEntry("name", "later");

        var renamed = exchange(HttpMethod.PATCH, "/crm/api-keys/" + id, Map.of("description", "kept expiry"), admin);
        assertThat(renamed.getBody().get("expiry_date")).isEqualTo(patched.getBody().get("expiry_date"));
        assertProblem(exchange(HttpMethod.PATCH, "/crm/api-keys/" + id, Map.of("expiry_date", 5), admin), 400,
                "expiry_date", "string");

        var never = new HashMap<String, Object>();
        never.put("expiry_date", null);
        assertThat(exchange(HttpMethod.PATCH, "/crm/api-keys/" + id, never, admin).getBody())
                .containsEntry("expiry_date", null).containsEntry("status", "active");

        var list = exchange(HttpMethod.GET, "/crm/api-keys?status=active&search=later&per_page=100", null, admin).getBody();
        assertThat((List<Map<String, Object>>) list.get("data")).extracting(k -> k.get("api_key_id"))
                .contains(key.get("api_key_id"));
        assertThat(exchange(HttpMethod.GET, "/crm/api-keys/summary", null, admin).getBody())
                .containsKeys("total", "active", "expiring_soon", "expired", "revoked");
    }

    @Test
    void badKeyRequestsAreProblemsNamingTheField() {
        assertProblem(exchange(HttpMethod.POST, "/crm/api-keys", keyRequest("x", List.of("view_everything")), admin),
                400, "permissions", "view_everything");
        var past = keyRequest("x", List.of("view_customer"));
        past.put("expiry_date", "2020-01-01");
        assertProblem(exchange(HttpMethod.POST, "/crm/api-keys", past, admin), 400, "expiry_date", "future");
        var garbled = keyRequest("x", List.of("view_customer"));
        garbled.put("expiry_date", "next tuesday");
        assertProblem(exchange(HttpMethod.POST, "/crm/api-keys", garbled, admin), 400, "expiry_date", "date");
        assertProblem(exchange(HttpMethod.POST, "/crm/api-keys", keyRequest("x", List.of()), admin), 400, "permissions", "");
        assertProblem(exchange(HttpMethod.POST, "/crm/api-keys", keyRequest("y".repeat(101), List.of("admin")), admin),
                400, "name", "");
        assertProblem(exchange(HttpMethod.GET, "/crm/api-keys?status=sleeping", null, admin), 400, "status", "");
    }

    @Test
    void usersWithManageApiKeysManageTheirOwnKeysWithinTheirOwnPermissions() {
        var owner = logins.withPermissions("manage_api_keys", "view_customer");
        var headers = logins.bearer(owner);
        assertProblem(exchange(HttpMethod.POST, "/crm/api-keys", keyRequest("too much", List.of("delete_customer")), headers),
                422, "permissions", "delete_customer");
        var own = create(headers, keyRequest("mine", List.of("view_customer")));
        long id = ((Number) own.get("api_key_id")).longValue();
        var theirList = exchange(HttpMethod.GET, "/crm/api-keys?per_page=100", null, headers).getBody();
        assertThat((List<Map<String, Object>>) theirList.get("data")).extracting(k -> k.get("api_key_id"))
                .containsExactly(own.get("api_key_id"));

        var adminsKey = create(admin, keyRequest("admin's", List.of("admin")));
        assertThat(exchange(HttpMethod.GET, "/crm/api-keys/" + adminsKey.get("api_key_id"), null, headers)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(exchange(HttpMethod.GET, "/crm/api-keys/" + id, null, admin).getStatusCode().value()).isEqualTo(200);

        assertThat(exchange(HttpMethod.GET, "/crm/api-keys", null, logins.bearerFor("support")).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void aKeyDiesWithItsCreator() {
        var creator = logins.withRoles("admin");
        var key = create(logins.bearer(creator), keyRequest("orphan", List.of("admin")));
        var withKey = withKey((String) key.get("api_key"));
        assertThat(exchange(HttpMethod.GET, "/auth/users?per_page=1", null, withKey).getStatusCode().value()).isEqualTo(200);
        assertThat(exchange(HttpMethod.DELETE, "/auth/users/" + creator.id(), null, admin).getStatusCode().value())
                .isEqualTo(200);
        assertThat(exchange(HttpMethod.GET, "/auth/users?per_page=1", null, withKey).getStatusCode().value()).isEqualTo(401);
    }

    static HttpHeaders withKey(String key) {
        var headers = new HttpHeaders();
        headers.set("X-API-KEY", key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body, HttpHeaders headers) {
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }
}
