package io.switchboard.customer;

import static io.switchboard.customer.CrmFixtures.CRM_ADMIN;
import static io.switchboard.customer.CrmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
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

/** A-TAG and A-ATTR with the guide's bodies, plus the rules it implies (I-18, I-19). */
@SwitchboardIntegrationTest
class TagAndAttributeApiIntegrationTests {

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    CrmFixtures crm;
    long customer;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Api.mvc(context);
        crm = new CrmFixtures(mvc);
        customer = crm.customer(unique("Tagged"));
    }

    ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void createsATagWithTheGuidesBodyAndFiltersActiveOnes() throws Exception {
        send(put("/crm/tag/"), """
                {"tag_text": "VIP Customer", "tag_hex_color": "FFD700", "tag_link": "https://example.com/vip",
                 "tag_active_date": "2025-01-01 00:00:00", "tag_deactivate_date": "2099-12-31 23:59:59",
                 "customer_id": %d}""".formatted(customer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tag_hex_color").value("FFD700"))
                .andExpect(jsonPath("$.tag_active_date").value("2025-01-01 00:00:00"))
                .andExpect(jsonPath("$.active").value(true));
        send(put("/crm/tag/"), """
                {"tag_text": "Old promo", "tag_hex_color": "#ff0000", "tag_active_date": "2020-01-01",
                 "tag_deactivate_date": "2020-02-01T00:00:00", "customer_id": %d}""".formatted(customer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tag_hex_color").value("FF0000"))
                .andExpect(jsonPath("$.active").value(false));
        var created = send(put("/crm/tag/"), "{\"tag_text\": \"Defaults\", \"tag_hex_color\": \"00ff00\", \"customer_id\": %d}"
                        .formatted(customer))
                .andExpect(jsonPath("$.tag_deactivate_date").value("2099-01-01 00:00:00"))
                .andExpect(jsonPath("$.active").value(true))
                .andReturn().getResponse().getContentAsString();
        long tagId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created).get("tag_id").asLong();

        mvc.perform(get("/crm/tag/customer_id/" + customer).with(Api.as(CRM_ADMIN))).andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(get("/crm/tag/customer_id/" + customer).with(Api.as(CRM_ADMIN)).param("active", "true"))
                .andExpect(jsonPath("$", hasSize(2)));

        send(patch("/crm/tag/tag_id/" + tagId), "{\"tag_text\": \"Texto de Etiqueta Actualizado\", \"tag_hex_color\": \"FF0000\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tag_text").value("Texto de Etiqueta Actualizado"))
                .andExpect(jsonPath("$.tag_deactivate_date").value("2099-01-01 00:00:00"));
        mvc.perform(delete("/crm/tag/tag_id/" + tagId).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$.result").value("success"));
        mvc.perform(get("/crm/tag/tag_id/" + tagId).with(Api.as(CRM_ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/crm/activity/customer_id/" + customer).with(Api.as(CRM_ADMIN)).param("entity_type", "customer_tag"))
                .andExpect(jsonPath("$.pagination.total_items").value(5))
                .andExpect(jsonPath("$.data[0].action").value("DELETED"))
                .andExpect(jsonPath("$.data[1].changes.tag_text.after").value("Texto de Etiqueta Actualizado"));
    }

    @Test
    void rejectsBadColoursLinksAndWindowsWritingNothing() throws Exception {
        send(put("/crm/tag/"), "{\"tag_text\": \"x\", \"tag_hex_color\": \"gold\", \"customer_id\": %d}".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tag_hex_color"));
        send(put("/crm/tag/"), "{\"tag_text\": \"x\", \"tag_hex_color\": \"FFD700\", \"tag_link\": \"javascript:alert(1)\", \"customer_id\": %d}"
                        .formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tag_link"));
        send(put("/crm/tag/"), """
                {"tag_text": "x", "tag_hex_color": "FFD700", "tag_active_date": "2025-02-01 00:00:00",
                 "tag_deactivate_date": "2025-01-01 00:00:00", "customer_id": %d}""".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tag_deactivate_date"));
        send(put("/crm/tag/"), "{\"tag_text\": \"x\", \"tag_hex_color\": \"FFD700\", \"tag_active_date\": \"yesterday\", \"customer_id\": %d}"
                        .formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tag_active_date"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_tag WHERE customer_id = ?", Long.class, customer)).isZero();
        assertThat(CrmFixtures.activityCount(jdbc, customer)).isEqualTo(1);
    }

    @Test
    void putCreatesOrUpdatesAnAttributeByNameAsTheGuideDocuments() throws Exception {
        String first = send(put("/crm/attribute/"), """
                {"customer_id": %d, "attribute_name": "external_crm_id", "attribute_value": "SF-12345"}""".formatted(customer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attribute_value").value("SF-12345"))
                .andExpect(jsonPath("$.last_modified").exists())
                .andReturn().getResponse().getContentAsString();
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first).get("attribute_id").asLong();
        send(put("/crm/attribute/"), """
                {"customer_id": %d, "attribute_name": "external_crm_id", "attribute_value": "SF-54321"}""".formatted(customer))
                .andExpect(jsonPath("$.attribute_id").value(id))
                .andExpect(jsonPath("$.attribute_value").value("SF-54321"));
        send(put("/crm/attribute/"), """
                {"customer_id": %d, "attribute_name": "billing_cycle", "attribute_value": "quarterly"}""".formatted(customer));

        mvc.perform(get("/crm/attribute/customer_id/" + customer).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].attribute_name").value("billing_cycle"));
        send(patch("/crm/attribute/attribute_id/" + id), "{\"attribute_value\": \"SF-0\"}")
                .andExpect(jsonPath("$.attribute_value").value("SF-0"))
                .andExpect(jsonPath("$.attribute_name").value("external_crm_id"));
        // renaming onto a name the customer already has is a conflict
        send(patch("/crm/attribute/attribute_id/" + id), "{\"attribute_name\": \"billing_cycle\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("attribute_name"));
        // A-ATTR-15: the attribute must belong to the customer named in the body
        send(patch("/crm/attribute/attribute_id/" + id), "{\"customer_id\": %d, \"attribute_value\": \"x\"}"
                        .formatted(crm.customer(unique("Not owner"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("customer_id"));
        mvc.perform(delete("/crm/attribute/attribute_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("success"));
        mvc.perform(get("/crm/attribute/attribute_id/" + id).with(Api.as(CRM_ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/crm/activity/customer_id/" + customer).with(Api.as(CRM_ADMIN)).param("entity_type", "customer_attribute"))
                .andExpect(jsonPath("$.data[0].action").value("DELETED"))
                .andExpect(jsonPath("$.data[1].changes.attribute_value.before").value("SF-54321"))
                .andExpect(jsonPath("$.data[1].changes.attribute_value.after").value("SF-0"));
    }

    @Test
    void refusesLongValuesAndSpacedNamesInsteadOfTruncating() throws Exception {
        send(put("/crm/attribute/"), "{\"customer_id\": %d, \"attribute_name\": \"notes\", \"attribute_value\": \"%s\"}"
                        .formatted(customer, "v".repeat(151)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attribute_value"));
        send(put("/crm/attribute/"), "{\"customer_id\": %d, \"attribute_name\": \"external system id\", \"attribute_value\": \"1\"}"
                        .formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attribute_name"));
        mvc.perform(put("/crm/attribute/").with(Api.as(Api.staff("view_customer_attribute")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer_id\": %d, \"attribute_name\": \"a\", \"attribute_value\": \"1\"}".formatted(customer)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_attribute WHERE customer_id = ?", Long.class, customer))
                .isZero();
    }
}
