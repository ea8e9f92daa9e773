package io.switchboard.identity;

import static io.switchboard.identity.UserAdministrationIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.switchboard.activity.ActivityEntry;
import io.switchboard.activity.ActivityLog;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SwitchboardIntegrationTest
@SuppressWarnings("unchecked")
class RoleAdministrationIntegrationTests {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired ActivityLog activity;
    @Autowired WebApplicationContext context;

    HttpHeaders admin;

    @BeforeEach
    void signIn() {
        admin = logins.bearerFor("admin");
    }

    @Test
    void theCatalogueAndTheSeededRolesAreThere() {
        var permissions = exchange(HttpMethod.GET, "/auth/permissions", null, admin).getBody();
        var names = ((List<Map<String, Object>>) permissions.get("data")).stream().map(p -> p.get("name")).toList();
        assertThat(names).contains("admin", "can_impersonate", "view_customer", "delete_provision_event",
                "view_own_customer", "view_own_provision", "view_assigned_customer", "manage_api_keys", "reset_user_2fa");
        assertThat(jdbc.sql("SELECT count(*) FROM permissions WHERE system AND id <= 201").query(Long.class).single()).isEqualTo(86);
        assertThat(jdbc.sql("SELECT id FROM permissions WHERE name = 'view_customer'").query(Long.class).single())
                .isEqualTo(10);

        var roles = exchange(HttpMethod.GET, "/auth/roles", null, admin).getBody();
        assertThat(((List<Map<String, Object>>) roles.get("data")).stream().map(r -> r.get("group_id")).toList())
                .contains("admin", "customer-care", "support", "coordinator", "supervisor", "finance",
                        "broadcast-operator", "broadcast-approver", "customer", "customer-admin");
        var supervisor = ((List<Map<String, Object>>) roles.get("data")).stream()
                .filter(r -> r.get("group_id").equals("supervisor")).findFirst().orElseThrow();
        assertThat((List<String>) supervisor.get("permissions")).allMatch(p -> p.startsWith("view_")).hasSize(17);
    }

    @Test
    void aNewRoleGetsPermissionsAndMembersThatTakeEffectAtOnce() {
        String name = "Tier2 " + UUID.randomUUID().toString().substring(0, 8);
        var created = exchange(HttpMethod.POST, "/auth/roles", Map.of("name", name, "description", "second line"), admin);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("permissions", List.of()).containsEntry("users", List.of());
        long roleId = ((Number) created.getBody().get("id")).longValue();
        assertThat((String) created.getBody().get("group_id")).startsWith("tier2-");

        var user = logins.withRoles("support");
        String token = logins.token(user);
        var asUser = UserAdministrationIntegrationTests.bearer(token);
        assertThat(exchange(HttpMethod.GET, "/auth/roles", null, asUser).getStatusCode().value()).isEqualTo(403);

        assertThat(exchange(HttpMethod.POST, "/auth/roles/" + roleId + "/users/" + user.id(), null, admin)
                .getStatusCode().value()).isEqualTo(200);
        var granted = exchange(HttpMethod.POST, "/auth/roles/" + roleId + "/permissions", Map.of("permission_ids", List.of(1)),
                admin);
        assertThat((List<Map<String, Object>>) granted.getBody().get("permissions")).extracting(p -> p.get("name"))
                .containsExactly("admin");
        assertThat((List<Map<String, Object>>) granted.getBody().get("users")).extracting(u -> u.get("username"))
                .containsExactly(user.username());
        assertThat(exchange(HttpMethod.GET, "/auth/roles", null, asUser).getStatusCode().value()).isEqualTo(200);

        assertThat(exchange(HttpMethod.DELETE, "/auth/roles/" + roleId + "/permissions/1", null, admin)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(exchange(HttpMethod.GET, "/auth/roles", null, asUser).getStatusCode().value()).isEqualTo(403);

        var members = exchange(HttpMethod.GET, "/auth/roles/" + roleId + "/users", null, admin).getBody();
        assertThat((List<Map<String, Object>>) members.get("data")).extracting(u -> u.get("id")).containsExactly((int) user.id());

        assertThat(exchange(HttpMethod.DELETE, "/auth/roles/" + roleId, null, admin).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM user_roles WHERE role_id = :r").param("r", roleId).query(Long.class)
                .single()).isZero();
        assertThat(activity.forEntity("role", String.valueOf(roleId))).extracting(ActivityEntry::action)
                .contains("CREATED", "PERMISSIONS_ADDED", "PERMISSION_REMOVED", "DELETED");
    }

    @Test
    void seededRolesCannotBeRenamedOrDeleted() {
        long support = jdbc.sql("SELECT id FROM roles WHERE group_id = 'support'").query(Long.class).single();
        assertProblem(exchange(HttpMethod.PUT, "/auth/roles/" + support, Map.of("name", "Helpdesk"), admin), 409, "name", "");
        assertThat(exchange(HttpMethod.DELETE, "/auth/roles/" + support, null, admin).getStatusCode().value()).isEqualTo(409);
        var described = exchange(HttpMethod.PUT, "/auth/roles/" + support,
                Map.of("description", "Technical support, second line"), admin);
        assertThat(described.getBody()).containsEntry("description", "Technical support, second line");
    }

    @Test
    void badRoleRequestsAreProblemsNamingTheField() {
        assertProblem(exchange(HttpMethod.POST, "/auth/roles", Map.of("name", "Support"), admin), 409, "name", "");
        assertProblem(exchange(HttpMethod.POST, "/auth/roles", Map.of("description", "no name"), admin), 400, "name", "");
        long support = jdbc.sql("SELECT id FROM roles WHERE group_id = 'support'").query(Long.class).single();
        assertProblem(exchange(HttpMethod.POST, "/auth/roles/" + support + "/permissions",
                Map.of("permission_ids", List.of(999999)), admin), 400, "permission_ids", "999999");
        assertProblem(exchange(HttpMethod.POST, "/auth/roles/" + support + "/permissions",
                Map.of("permission_id", "many"), admin), 400, "permission_id", "number");
        assertThat(exchange(HttpMethod.GET, "/auth/roles/999999", null, admin).getStatusCode().value()).isEqualTo(404);
        assertProblem(exchange(HttpMethod.POST, "/auth/permissions", Map.of("name", "View Widgets"), admin), 400, "name",
                "snake_case");
    }

    @Test
    void newPermissionsCanBeAddedToTheCatalogue() {
        String name = "view_widget_" + UUID.randomUUID().toString().substring(0, 6);
        var created = exchange(HttpMethod.POST, "/auth/permissions", Map.of("name", name, "description", "Widgets"), admin);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(((Number) created.getBody().get("id")).longValue()).isGreaterThanOrEqualTo(1000);
        assertThat(created.getBody()).containsEntry("system", false);
        assertThat(exchange(HttpMethod.POST, "/auth/permissions", Map.of("name", name), admin).getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    void mockMvcTestsCanAuthenticateWithAnActorPrincipal() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        var adminUser = logins.withRoles("admin");
        mvc.perform(get("/auth/roles").with(authentication(logins.authentication(adminUser)))).andExpect(status().isOk());
        var supportUser = logins.withPermissions("view_customer");
        mvc.perform(get("/auth/roles").with(authentication(logins.authentication(supportUser))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/auth/roles")).andExpect(status().isUnauthorized());
    }

    ResponseEntity<Map<String, Object>> exchange(HttpMethod method, String path, Object body, HttpHeaders headers) {
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }
}
