package io.switchboard.customer;

import static io.switchboard.customer.CrmFixtures.CRM_ADMIN;
import static io.switchboard.customer.CrmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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

/** A-CON: contacts with several types, checked emails, phones kept as written plus digits for search. */
@SwitchboardIntegrationTest
class ContactApiIntegrationTests {

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;
    @Autowired Contacts contacts;

    MockMvc mvc;
    CrmFixtures crm;
    long customer;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Api.mvc(context);
        crm = new CrmFixtures(mvc);
        customer = crm.customer(unique("Contactable"));
    }

    ResultActions putContact(String json) throws Exception {
        return mvc.perform(put("/crm/contact/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void createsAContactWithSeveralTypesAndADigitsCopyOfThePhone() throws Exception {
        var body = putContact("""
                {"customer_id": %d, "contact_firstname": "John", "contact_lastname": "Smith",
                 "contact_email": "john.smith@example.com", "contact_phone": "+44 7700 900123",
                 "contact_types": ["technical", "Billing", "Billing"]}""".formatted(customer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact_types", contains("Billing", "Technical")))
                .andExpect(jsonPath("$.contact_phone").value("+44 7700 900123"))
                .andExpect(jsonPath("$.linked_user_id").value(org.hamcrest.Matchers.nullValue()))
                .andReturn().getResponse().getContentAsString();
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("contact_id").asLong();
        assertThat(jdbc.queryForObject("SELECT contact_phone_digits FROM customer_contact WHERE contact_id = ?",
                String.class, id)).isEqualTo("447700900123");
        // a single label is accepted for the list
        putContact("{\"customer_id\": %d, \"contact_firstname\": \"Solo\", \"contact_types\": \"Primary\"}".formatted(customer))
                .andExpect(jsonPath("$.contact_types", contains("Primary")));
        mvc.perform(get("/crm/contact/customer_id/" + customer).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/crm/contacts").with(Api.as(CRM_ADMIN)).param("search", "7700900123"))
                .andExpect(jsonPath("$.data[?(@.contact_id == %d)]".formatted(id)).exists());
        mvc.perform(get("/crm/contacts").with(Api.as(CRM_ADMIN)).param("customer_id", String.valueOf(customer))
                        .param("contact_type", "Technical"))
                .andExpect(jsonPath("$.pagination.total_items").value(1));
    }

    @Test
    void rejectsBadEmailsPhonesAndTypesWritingNothing() throws Exception {
        putContact("{\"customer_id\": %d, \"contact_firstname\": \"A\", \"contact_email\": \"not-an-email\"}".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact_email"));
        putContact("{\"customer_id\": %d, \"contact_firstname\": \"A\", \"contact_phone\": \"call me\"}".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact_phone"));
        putContact("{\"customer_id\": %d, \"contact_firstname\": \"A\", \"contact_types\": [\"Boss\"]}".formatted(customer))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact_types[0]"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("Primary, Billing, Technical")));
        putContact("{\"customer_id\": %d, \"contact_firstname\": \"%s\"}".formatted(customer, "x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact_firstname"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_contact WHERE customer_id = ?", Long.class, customer))
                .isZero();
    }

    @Test
    void updatesAndDeletesAContactButNotWhileAPortalUserIsLinked() throws Exception {
        long id = crm.contact(customer, "Pat");
        mvc.perform(patch("/crm/contact/contact_id/" + id).with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact_types\": [\"Billing\"], \"contact_phone\": \"(02) 9999-1234\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact_types", contains("Billing")))
                .andExpect(jsonPath("$.contact_firstname").value("Pat"));
        mvc.perform(get("/crm/activity/customer_id/" + customer).with(Api.as(CRM_ADMIN)).param("entity_type", "customer_contact"))
                .andExpect(jsonPath("$.data[0].changes.contact_types.before").value("Primary"))
                .andExpect(jsonPath("$.data[0].changes.contact_types.after").value("Billing"));

        long userId = 8_000_000_000L + id;
        contacts.linkUser(id, userId);
        assertThat(contacts.findContact(id)).get()
                .satisfies(c -> assertThat(c.linkedUserId()).isEqualTo(userId))
                .satisfies(c -> assertThat(c.customerId()).isEqualTo(customer));
        mvc.perform(get("/crm/contact/contact_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$.linked_user_id").value(userId));
        mvc.perform(delete("/crm/contact/contact_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("linked_user_id"));
        contacts.linkUser(id, null);
        mvc.perform(delete("/crm/contact/contact_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/crm/contact/contact_id/" + id).with(Api.as(CRM_ADMIN))).andExpect(status().isNotFound());
        mvc.perform(get("/crm/activity/customer_id/" + customer).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$.data[0].action").value("DELETED"))
                .andExpect(jsonPath("$.data[1].action").value("USER_UNLINKED"))
                .andExpect(jsonPath("$.data[2].action").value("USER_LINKED"));
    }
}
