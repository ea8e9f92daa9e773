package io.switchboard.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.identity.ServiceAccounts;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * A-CFG-14 with the test entry of application-test.yml: 10.99.0.0/16 and fd99:99::/32 may GET and PUT tags without
 * credentials, as the ip-allow-list service account, whose role the tests grant the tag permissions.
 */
@SwitchboardIntegrationTest
class IpAllowListIntegrationTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired WebApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired TestLogins logins;
    @Autowired ServiceAccounts accounts;
    @Autowired TestRestTemplate http;

    MockMvc mvc;
    long customer;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Api.mvc(context);
        grantToAllowList("view_customer_tag", "create_customer_tag");
        var created = mvc.perform(put("/crm/customer/").with(Api.as(Api.staff("create_customer", "view_customer")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer_name\": \"Allow-list " + UUID.randomUUID() + "\", "
                                + "\"customer_account_type\": \"Business\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        customer = JSON.readTree(created).get("customer_id").asLong();
    }

    @Test
    void aListedNetworkActsAsTheServiceAccountAndTheActivityLogNamesItAndTheAddress() throws Exception {
        String text = "allow-listed " + UUID.randomUUID().toString().substring(0, 8);
        var body = mvc.perform(createTag(text).with(from("10.99.3.4")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long tagId = JSON.readTree(body).get("tag_id").asLong();

        var entry = jdbc.sql("""
                        SELECT actor_user_id, actor_username, ip_address, channel FROM activity_log
                        WHERE entity_type = 'customer_tag' AND entity_id = :id""")
                .param("id", String.valueOf(tagId)).query().singleRow();
        long account = jdbc.sql("SELECT id FROM users WHERE username = 'ip-allow-list' AND service_account")
                .query(Long.class).single();
        assertThat(entry).containsEntry("actor_username", "ip-allow-list").containsEntry("actor_user_id", account)
                .containsEntry("ip_address", "10.99.3.4").containsEntry("channel", "API");

        mvc.perform(get("/crm/tag/tag_id/" + tagId).with(from("fd99:99::5")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tag_text").value(text));
    }

    @Test
    void theSamePathFromOutsideTheListIsForbiddenNotUnauthorized() throws Exception {
        for (String outside : new String[] {"192.168.7.7", "10.98.0.1", "127.0.0.1", "fd99:98::1", "203.0.113.5"}) {
            mvc.perform(createTag("outside").with(from(outside)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://switchboard.local/problems/ip-not-allowed"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("allow-list")));
        }
        assertThat(jdbc.sql("SELECT count(*) FROM customer_tag WHERE customer_id = :c").param("c", customer)
                .query(Long.class).single()).isZero();
    }

    @Test
    void pathsAndMethodsNotListedNeedCredentialsAsBefore() throws Exception {
        mvc.perform(get("/crm/customer/customer_id/" + customer).with(from("10.99.3.4")))
                .andExpect(status().isUnauthorized());
        mvc.perform(delete("/crm/tag/tag_id/1").with(from("10.99.3.4")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/auth/users").with(from("10.99.3.4")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void credentialsKeepTheirNormalBehaviourFromAnywhere() throws Exception {
        var tagger = logins.withPermissions("create_customer_tag", "view_customer_tag");
        for (String address : new String[] {"192.168.7.7", "10.99.3.4"}) {
            mvc.perform(createTag("with a token").with(from(address))
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + logins.token(tagger)))
                    .andExpect(status().isOk());
        }
        var noTags = logins.withPermissions("view_customer");
        mvc.perform(createTag("not allowed").with(from("10.99.3.4"))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + logins.token(noTags)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://switchboard.local/problems/forbidden"));
        mvc.perform(createTag("bad key").with(from("10.99.3.4")).header("X-API-KEY", "not-a-key"))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("""
                        SELECT actor_username FROM activity_log WHERE entity_type = 'customer_tag' AND customer_id = :c""")
                .param("c", customer).query(String.class).list()).containsOnly(tagger.username());
    }

    @Test
    void theAccountDoesOnlyWhatItsRoleGrants() throws Exception {
        jdbc.sql("""
                        DELETE FROM role_permissions WHERE role_id = (SELECT id FROM roles WHERE group_id = 'ip-allow-list')
                        AND permission_id = (SELECT id FROM permissions WHERE name = 'create_customer_tag')""").update();
        try {
            mvc.perform(createTag("not granted").with(from("10.99.3.4")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://switchboard.local/problems/forbidden"));
        } finally {
            grantToAllowList("create_customer_tag");
        }
    }

    @Test
    void neverAdminEvenWhenItsRoleSaysSo() throws Exception {
        grantToAllowList("admin");
        try {
            var actor = accounts.ipAllowList().orElseThrow();
            assertThat(actor.permissions()).doesNotContain("admin");
            assertThat(actor.can("delete_customer")).isFalse();
            assertThat(actor.can("create_customer_tag")).isTrue();
            mvc.perform(createTag("still fine").with(from("10.99.3.4"))).andExpect(status().isOk());
        } finally {
            jdbc.sql("""
                    DELETE FROM role_permissions WHERE role_id = (SELECT id FROM roles WHERE group_id = 'ip-allow-list')
                    AND permission_id = (SELECT id FROM permissions WHERE name = 'admin')""").update();
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM role_permissions rp JOIN roles r ON r.id = rp.role_id
                JOIN permissions p ON p.id = rp.permission_id WHERE r.group_id = 'ip-allow-list' AND p.name = 'admin'""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void throughTheRealPortTheClientAddressComesFromTheTrustedProxysHeader() {
        // The test profile trusts 127.0.0.1 as a reverse proxy: the right-most untrusted X-Forwarded-For is the client.
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("X-Forwarded-For", "203.0.113.77, 10.99.8.9");
        var body = Map.of("tag_text", "via proxy", "tag_hex_color", "00FF00", "customer_id", customer);
        var allowed = http.exchange("/crm/tag/", HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class);
        assertThat(allowed.getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT ip_address FROM activity_log WHERE entity_type = 'customer_tag' AND entity_id = :id")
                .param("id", String.valueOf(allowed.getBody().get("tag_id"))).query(String.class).single())
                .isEqualTo("10.99.8.9");

        // A client inside the network cannot pretend by writing the header itself: the proxy appends the real one.
        var spoofed = new HttpHeaders();
        spoofed.setContentType(MediaType.APPLICATION_JSON);
        spoofed.add("X-Forwarded-For", "10.99.8.9, 203.0.113.77");
        var refused = http.exchange("/crm/tag/", HttpMethod.PUT, new HttpEntity<>(body, spoofed), Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).containsEntry("type", "https://switchboard.local/problems/ip-not-allowed");

        // Without the header the proxy itself (loopback) is the client: never on the list.
        var direct = new HttpHeaders();
        direct.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.exchange("/crm/tag/", HttpMethod.PUT, new HttpEntity<>(body, direct), Map.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    private MockHttpServletRequestBuilder createTag(String text) {
        return put("/crm/tag/").contentType(MediaType.APPLICATION_JSON)
                .content("{\"tag_text\": \"%s\", \"tag_hex_color\": \"00FF00\", \"customer_id\": %d}".formatted(text, customer));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private void grantToAllowList(String... permissions) {
        for (String permission : permissions) {
            jdbc.sql("""
                            INSERT INTO role_permissions (role_id, permission_id)
                            SELECT r.id, p.id FROM roles r, permissions p WHERE r.group_id = 'ip-allow-list' AND p.name = :p
                            ON CONFLICT DO NOTHING""")
                    .param("p", permission).update();
        }
    }
}
