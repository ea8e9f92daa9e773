package io.switchboard.identity.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/** Camunda sees our users and roles, trusts our sign-in, and enforces its authorizations per role. */
@SwitchboardIntegrationTest
class CamundaOnOurIdentityIntegrationTests {

    @Autowired TestLogins logins;
    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @LocalServerPort int port;

    @Test
    void theEngineSeesOurStaffAsUsersAndTheirRolesAsGroups() {
        var support = logins.withRoles("support", "finance");

        var user = identity.createUserQuery().userId(support.username()).singleResult();
        assertThat(user).isNotNull();
        assertThat(user.getEmail()).isEqualTo(support.email());
        assertThat(identity.createGroupQuery().groupMember(support.username()).list())
                .extracting(g -> g.getId()).containsExactlyInAnyOrder("support", "finance");
        assertThat(identity.createUserQuery().memberOfGroup("support").list())
                .extracting(u -> u.getId()).contains(support.username());
        assertThat(identity.createGroupQuery().groupId("supervisor").singleResult().getName()).isEqualTo("Supervisor");
        assertThat(identity.checkPassword(support.username(), TestLogins.PASSWORD)).isTrue();
        assertThat(identity.checkPassword(support.username(), "wrong")).isFalse();
        assertThat(identity.isReadOnly()).isTrue();
    }

    @Test
    void customerUsersAndServiceAccountsAreNotCamundaUsers() {
        var customer = logins.forCustomer(9_100_000L + System.nanoTime() % 100_000, 9_200_000L + System.nanoTime() % 100_000,
                "customer");
        assertThat(identity.createUserQuery().userId(customer.username()).singleResult()).isNull();
        assertThat(identity.createUserQuery().userId("automation").singleResult()).isNull();
    }

    @Test
    void engineRestNeedsOurCredentialsAndKeepsCustomersOut() {
        assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode().value())
                .isEqualTo(401);
        var customer = logins.forCustomer(9_300_000L + System.nanoTime() % 100_000, 9_400_000L + System.nanoTime() % 100_000,
                "customer");
        assertThat(get("/engine-rest/process-definition", logins.bearer(customer)).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void engineRestAppliesCamundaAuthorizationsPerRole() {
        String supportView = get("/engine-rest/process-definition?key=DeploymentSmokeProcess",
                logins.bearerFor("support")).getBody();
        String supervisorView = get("/engine-rest/process-definition?key=DeploymentSmokeProcess",
                logins.bearerFor("supervisor")).getBody();
        String adminView = get("/engine-rest/process-definition?key=DeploymentSmokeProcess",
                logins.bearerFor("admin")).getBody();

        assertThat(supportView).isEqualTo("[]");
        assertThat(supervisorView).contains("DeploymentSmokeProcess");
        assertThat(adminView).contains("DeploymentSmokeProcess");

        // read-only for supervisors: starting an instance is refused by the engine
        var started = exchange(HttpMethod.POST, "/engine-rest/process-definition/key/DeploymentSmokeProcess/start",
                "{}", logins.bearerFor("supervisor"));
        assertThat(started.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void engineRestRunsEachCallAsTheSignedInUser() {
        var admin = logins.withRoles("admin");
        var started = exchange(HttpMethod.POST, "/engine-rest/process-definition/key/DeploymentSmokeProcess/start",
                "{\"businessKey\":\"run-as-" + admin.username() + "\"}", logins.bearer(admin));
        assertThat(started.getStatusCode().value()).isEqualTo(200);

        var instance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("run-as-" + admin.username()).singleResult();
        assertThat(instance.getStartUserId()).isEqualTo(admin.username());
    }

    @Test
    void anAnalystWithAdminRightsDeploysAModelThroughEngineRest() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="RestDeployedProcess" isExecutable="true">
                    <bpmn:startEvent id="s"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "analyst-change");
        body.add("data", new ByteArrayResource(bpmn.getBytes()) {
            @Override
            public String getFilename() {
                return "rest-deployed.bpmn";
            }
        });
        var supportHeaders = logins.bearerFor("support");
        supportHeaders.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(body, supportHeaders), String.class).getStatusCode().value()).isEqualTo(403);

        var adminHeaders = logins.bearerFor("admin");
        adminHeaders.setContentType(MediaType.MULTIPART_FORM_DATA);
        var deployed = http.exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(body, adminHeaders), String.class);
        assertThat(deployed.getStatusCode().value()).isEqualTo(200);
        assertThat(deployed.getBody()).contains("RestDeployedProcess");
    }

    @Test
    void theWebappsTrustOurWebSignInAndOpenTheAppsEachRoleMayUse() {
        assertThat(authorizedApps("support")).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(authorizedApps("supervisor")).contains("tasklist", "cockpit").doesNotContain("admin");
        assertThat(authorizedApps("admin")).contains("tasklist", "cockpit", "admin");
    }

    @Test
    void customersCannotOpenTheWebapps() {
        var customer = logins.forCustomer(9_500_000L + System.nanoTime() % 100_000, 9_600_000L + System.nanoTime() % 100_000,
                "customer");
        var browser = new WebBrowser(port);
        browser.signIn(customer.username(), customer.password(), false);
        assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(403);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(403);
    }

    @Test
    void anonymousVisitorsAreSentToOurSignInPage() {
        var page = new WebBrowser(port).get("/camunda/app/tasklist/default/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.redirectPath()).isEqualTo("/login");
    }

    private List<String> authorizedApps(String role) {
        var user = logins.withRoles(role);
        var browser = new WebBrowser(port);
        browser.signIn(user.username(), user.password(), false);
        // opening an app hands the web sign-in to Camunda (no Camunda login form); its API then knows the user
        assertThat(browser.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        var page = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                parse(page.body()), Map.class);
        assertThat(auth).containsEntry("userId", user.username());
        @SuppressWarnings("unchecked")
        var apps = (List<String>) auth.get("authorizedApps");
        return apps;
    }

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }

    private org.springframework.http.ResponseEntity<String> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private org.springframework.http.ResponseEntity<String> exchange(HttpMethod method, String path, String json,
            HttpHeaders headers) {
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }
}
