package io.switchboard.catalog;

import static io.switchboard.catalog.CatalogFixtures.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.context.WebApplicationContext;

@SwitchboardIntegrationTest
class EligibilityApiIntegrationTests {

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired Eligibility eligibility;
    @Autowired TestLogins logins;
    @Autowired TestRestTemplate http;
    @Autowired org.camunda.bpm.engine.RepositoryService repository;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    MockMvc mvc;
    CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        mvc = Api.mvc(context);
        catalog = new CatalogFixtures(mvc, jdbc);
    }

    JsonNode available(io.switchboard.shared.Actor actor, String query) throws Exception {
        var body = mvc.perform(get("/crm/product/available?" + query).with(Api.as(actor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return CatalogFixtures.JSON.readTree(body);
    }

    static JsonNode offer(JsonNode offers, long productId) {
        for (JsonNode offer : offers) {
            if (offer.get("product_id").asLong() == productId) {
                return offer;
            }
        }
        throw new AssertionError("product " + productId + " not offered in " + offers);
    }

    @Test
    void availableListsActiveProductsWithTheDecisionAndItsReasonForTheCustomer() throws Exception {
        long individual = catalog.customer("Individual", "prepaid");
        long businessOnly = catalog.activeProduct("biz", "standalone", "mobile",
                "{\"residential\": false, \"business\": true}").get("product_id").asLong();
        long forAll = catalog.activeProduct("all", "standalone", "mobile", "{\"customer_can_purchase\": true}")
                .get("product_id").asLong();
        long staffOnly = catalog.activeProduct("staffonly", "standalone", "mobile", "{}").get("product_id").asLong();
        long fixed = catalog.activeProduct("fibre", "standalone", "internet", "{}").get("product_id").asLong();
        long draft = catalog.product("draft", "standalone", "mobile", "{}").get("product_id").asLong();

        var offers = available(MANAGER, "customer_id=" + individual);
        assertThat(offer(offers, businessOnly).get("eligible").asBoolean()).isFalse();
        assertThat(offer(offers, businessOnly).get("reason").asText()).isEqualTo("The product is for business customers only");
        assertThat(offer(offers, forAll).get("eligible").asBoolean()).isTrue();
        assertThat(offer(offers, staffOnly).get("eligible").asBoolean()).isTrue();
        assertThat(offer(offers, fixed).get("reason").asText()).isEqualTo("Needs an installation site");
        assertThat(offers.findValues("product_id").stream().map(JsonNode::asLong)).doesNotContain(draft);
        assertThat(offer(offers, forAll).has("wholesale_cost")).isFalse();

        // a site makes the fixed product eligible; the self-care channel refuses staff-only products
        catalog.site(individual, "ES");
        offers = available(MANAGER, "customer_id=" + individual + "&channel=self-care");
        assertThat(offer(offers, fixed).get("reason").asText()).isEqualTo("This product can only be sold by staff");
        assertThat(offer(offers, staffOnly).get("reason").asText()).isEqualTo("This product can only be sold by staff");
        assertThat(offer(offers, forAll).get("eligible").asBoolean()).isTrue();

        mvc.perform(get("/crm/product/product_id/" + businessOnly + "/eligibility")
                        .param("customer_id", String.valueOf(individual)).with(Api.as(MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.reason").value("The product is for business customers only"));
    }

    @Test
    void customerUsersSeeOnlyTheirOwnCustomerAndAlwaysTheSelfCareRules() throws Exception {
        long own = catalog.customer("Individual", "prepaid");
        long other = catalog.customer("Individual", "prepaid");
        long staffOnly = catalog.activeProduct("staffonly", "standalone", "mobile", "{}").get("product_id").asLong();
        var customer = Api.customerUser(own, "view_own_customer");

        var offers = available(customer, "customer_id=" + own + "&channel=staff");
        assertThat(offer(offers, staffOnly).get("reason").asText()).isEqualTo("This product can only be sold by staff");
        mvc.perform(get("/crm/product/available").param("customer_id", String.valueOf(other)).with(Api.as(customer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/crm/product/available").param("customer_id", String.valueOf(own))
                .with(Api.as(Api.staff("view_customer_site")))).andExpect(status().isForbidden());
    }

    @Test
    void serviceQueriesAnswer404ForUnknownServicesAndCombineBothDecisionsForKnownOnes() throws Exception {
        mvc.perform(get("/crm/product/available").param("service_id", "987654321").with(Api.as(MANAGER)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.entity").value("service"));

        long customerId = catalog.customer("Business", "postpaid");
        long base = catalog.activeProduct("mobile", "standalone", "mobile", "{}").get("product_id").asLong();
        long boost = catalog.activeProduct("boost", "addon", "mobile", "{}").get("product_id").asLong();
        long modem = catalog.activeProduct("modem", "addon", "internet", "{}").get("product_id").asLong();
        long topup = catalog.activeProduct("topup", "topup", "mobile", "{}").get("product_id").asLong();
        long serviceId = 800_000_000L + (System.nanoTime() % 100_000_000L);
        var slug = jdbc.queryForObject("SELECT product_slug FROM product WHERE product_id = ?", String.class, base);
        TestCatalogPorts.Services.add(new ExistingService(serviceId, customerId, base, slug, "mobile", "ACTIVE"));
        try {
            var offers = available(MANAGER, "service_id=" + serviceId);
            assertThat(offer(offers, boost).get("eligible").asBoolean()).isTrue();
            assertThat(offer(offers, modem).get("reason").asText()).isEqualTo("Needs an existing internet service");
            assertThat(offer(offers, topup).get("reason").asText()).isEqualTo("Top-ups are for prepaid customers");
            assertThat(offers.findValues("product_id").stream().map(JsonNode::asLong)).doesNotContain(base);

            var decision = eligibility.checkAddon(serviceId, boost, SalesChannel.STAFF);
            assertThat(decision.eligible()).isTrue();
        } finally {
            TestCatalogPorts.Services.remove(serviceId);
        }
    }

    @Test
    void anAnalystRedeploysTheEligibilityTableThroughEngineRestAndTheNextEvaluationUsesIt() throws Exception {
        long customerId = catalog.customer("Individual", "prepaid");
        long productId = catalog.activeProduct("promo", "standalone", "mobile", "{}").get("product_id").asLong();
        assertThat(checkAsManager(customerId, productId).reason()).isEqualTo("Eligible");

        String original;
        try (var in = getClass().getClassLoader().getResourceAsStream("decisions/product-eligibility.dmn")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the analyst's change: a new first row that stops every sale with its own reason
        String changed = original.replace("<rule id=\"Rule1\">", """
                <rule id="AnalystFreeze">
                        <description>Catalogue freeze</description>
                """ + freezeEntries(original) + "      </rule>\n      <rule id=\"Rule1\">");
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("deployment-name", "analyst-eligibility-change");
        body.add("data", new ByteArrayResource(changed.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "product-eligibility.dmn";
            }
        });
        var headers = logins.bearerFor("admin");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var deployed = http.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers),
                String.class);
        assertThat(deployed.getStatusCode().value()).as(deployed.getBody()).isEqualTo(200);
        String deploymentId = CatalogFixtures.JSON.readTree(deployed.getBody()).get("id").asText();
        try {
            var decision = checkAsManager(customerId, productId);
            assertThat(decision.eligible()).isFalse();
            assertThat(decision.reason()).isEqualTo("Catalogue frozen for the year-end audit");
            // the start-up deployment's duplicate filter leaves the analyst's version in place
            io.switchboard.workflow.ModelDeployments.deployNow(engine);
            assertThat(checkAsManager(customerId, productId).reason())
                    .isEqualTo("Catalogue frozen for the year-end audit");
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
        assertThat(checkAsManager(customerId, productId).reason()).isEqualTo("Eligible");
    }

    private EligibilityDecision checkAsManager(long customerId, long productId) throws Exception {
        var body = mvc.perform(get("/crm/product/product_id/" + productId + "/eligibility")
                        .param("customer_id", String.valueOf(customerId)).with(Api.as(MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var json = CatalogFixtures.JSON.readTree(body);
        return new EligibilityDecision(json.get("eligible").asBoolean(), json.get("reason").asText());
    }

    /** One "-" per input column, then the outputs of the freeze row. */
    private static String freezeEntries(String dmn) {
        int inputs = dmn.split("<input id=", -1).length - 1;
        var entries = new StringBuilder();
        for (int i = 1; i <= inputs; i++) {
            entries.append("        <inputEntry id=\"FreezeIn").append(i).append("\"><text>-</text></inputEntry>\n");
        }
        entries.append("        <outputEntry id=\"FreezeOut1\"><text>false</text></outputEntry>\n");
        entries.append("        <outputEntry id=\"FreezeOut2\"><text>\"Catalogue frozen for the year-end audit\"</text></outputEntry>\n");
        return entries.toString();
    }
}
