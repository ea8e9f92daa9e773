package io.switchboard.customer;

import static io.switchboard.customer.CrmFixtures.CRM_ADMIN;
import static io.switchboard.customer.CrmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/** A-SITE-02..06, W-SITE-1: sites with a server-computed plus code and the save validation. */
@SwitchboardIntegrationTest
class SiteApiIntegrationTests {

    // Zürich, the Open Location Code reference example: 8FVC9G8F+6X at 10 digits
    static final double LAT = 47.365590;
    static final double LNG = 8.524997;

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    CrmFixtures crm;
    long customer;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Api.mvc(context);
        crm = new CrmFixtures(mvc);
        customer = crm.customer(unique("Sited"));
    }

    ResultActions putSite(String json) throws Exception {
        return mvc.perform(put("/crm/site/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void computesTheTwelveCharacterPlusCodeAndDefaultsTheCountry() throws Exception {
        putSite("""
                {"customer_id": %d, "site_name": "Head office", "address_line_1": "Bahnhofstrasse 1",
                 "address_line_2": "3rd floor", "city": "Zürich", "state": "ZH", "zip_code": "8001",
                 "latitude": %s, "longitude": %s, "google_maps_place_id": "ChIJ-zurich", "address_note": "ring twice"}"""
                .formatted(customer, LAT, LNG))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plus_code").value("8FVC9G8F+6XQ"))
                .andExpect(jsonPath("$.country").value("GB"))
                .andExpect(jsonPath("$.address_line_1").value("Bahnhofstrasse 1"))
                .andExpect(jsonPath("$.address_line_2").value("3rd floor"))
                .andExpect(jsonPath("$.address_note").value("ring twice"));
        // the guide's playbooks read the first element of this array
        mvc.perform(get("/crm/site/customer_id/" + customer).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].city").value("Zürich"))
                .andExpect(jsonPath("$[0].latitude").value(LAT));
    }

    @Test
    void acceptsACountryNameOrCodeAndAPlusCodeThatAgreesWithTheCoordinates() throws Exception {
        putSite("""
                {"customer_id": %d, "site_name": "Shop", "country": "Switzerland", "latitude": %s, "longitude": %s,
                 "plus_code": "8fvc9g8f+6x"}""".formatted(customer, LAT, LNG))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country").value("CH"))
                .andExpect(jsonPath("$.plus_code").value("8FVC9G8F+6XQ"));
        putSite("""
                {"customer_id": %d, "site_name": "Almacén", "country": "España", "latitude": 40.4168, "longitude": -3.7038}"""
                .formatted(customer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.country").value("ES"));
    }

    @Test
    void rejectsAPlusCodeThatDisagreesWithTheCoordinatesAndWritesNothing() throws Exception {
        long activity = CrmFixtures.activityCount(jdbc, customer);
        putSite("""
                {"customer_id": %d, "site_name": "Elsewhere", "latitude": %s, "longitude": %s, "plus_code": "9C3XGPHC+3Q"}"""
                .formatted(customer, LAT, LNG))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plus_code"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("8FVC9G8F+6XQ")));
        putSite("""
                {"customer_id": %d, "site_name": "Short", "latitude": %s, "longitude": %s, "plus_code": "9G8F+6X"}"""
                .formatted(customer, LAT, LNG))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plus_code"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_site WHERE customer_id = ?", Long.class, customer))
                .isZero();
        assertThat(CrmFixtures.activityCount(jdbc, customer)).isEqualTo(activity);
    }

    @Test
    void requiresCoordinatesInRangeAKnownCountryAndAName() throws Exception {
        putSite("{\"customer_id\": %d, \"site_name\": \"Nowhere\", \"longitude\": 1.0}".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("latitude"));
        putSite("{\"customer_id\": %d, \"site_name\": \"Off map\", \"latitude\": 91, \"longitude\": 181}".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("latitude"))
                .andExpect(jsonPath("$.errors[1].field").value("longitude"));
        putSite("{\"customer_id\": %d, \"site_name\": \"X\", \"country\": \"Atlantis\", \"latitude\": 1, \"longitude\": 1}"
                .formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("country"));
        putSite("{\"customer_id\": %d, \"latitude\": 1, \"longitude\": 1}".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("site_name"));
        putSite("{\"customer_id\": %d, \"site_name\": \"X\", \"latitude\": \"north\", \"longitude\": 1}".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("latitude"));
        putSite("{\"customer_id\": 987654321987, \"site_name\": \"X\", \"latitude\": 1, \"longitude\": 1}")
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_site WHERE customer_id = ?", Long.class, customer))
                .isZero();
    }

    @Test
    void movingASiteRecomputesItsPlusCodeAndLogsTheChange() throws Exception {
        long site = crm.site(customer, "Depot");
        mvc.perform(patch("/crm/site/site_id/" + site).with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"latitude\": %s, \"longitude\": %s}".formatted(LAT, LNG)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.site_name").value("Depot"))
                .andExpect(jsonPath("$.plus_code").value("8FVC9G8F+6XQ"));
        mvc.perform(get("/crm/activity/customer_id/" + customer).with(Api.as(CRM_ADMIN)).param("entity_type", "customer_site"))
                .andExpect(jsonPath("$.data", hasSize(2)))
                .andExpect(jsonPath("$.data[0].action").value("UPDATED"))
                .andExpect(jsonPath("$.data[0].entity_id").value(String.valueOf(site)))
                .andExpect(jsonPath("$.data[0].changes.plus_code.after").value("8FVC9G8F+6XQ"))
                .andExpect(jsonPath("$.data[0].changes.latitude.before").value("51.5074"));
        mvc.perform(patch("/crm/site/site_id/" + site).with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer_id\": %d}".formatted(crm.customer(unique("Other")))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("customer_id"));
        mvc.perform(delete("/crm/site/site_id/" + site).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$.result").value("success"));
        mvc.perform(get("/crm/site/site_id/" + site).with(Api.as(CRM_ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/crm/activity/customer_id/" + customer).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$.data[0].action").value("DELETED"))
                .andExpect(jsonPath("$.data[0].changes.site_name.before").value("Depot"));
    }

    @Test
    void listsSitesPagedAndComputesPlusCodesOnRequest() throws Exception {
        String name = unique("Tower");
        crm.site(customer, name + " A");
        crm.site(customer, name + " B");
        mvc.perform(get("/crm/sites").with(Api.as(CRM_ADMIN)).param("search", name).param("per_page", "1")
                        .param("sort", "site_name").param("order", "desc"))
                .andExpect(jsonPath("$.pagination.total_items").value(2))
                .andExpect(jsonPath("$.data[0].site_name").value(name + " B"));
        mvc.perform(get("/crm/site/plus_code").with(Api.as(Api.staff()))
                        .param("latitude", String.valueOf(LAT)).param("longitude", String.valueOf(LNG)))
                .andExpect(jsonPath("$.plus_code").value("8FVC9G8F+6XQ"));
        mvc.perform(get("/crm/site/plus_code").with(Api.as(Api.staff())).param("latitude", "95").param("longitude", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("latitude"));
    }
}
