package io.switchboard.customer;

import static io.switchboard.customer.CrmFixtures.CRM_ADMIN;
import static io.switchboard.customer.CrmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** Tenant isolation and the coordinator rule, enforced in the queries: other customers are absent, not forbidden. */
@SwitchboardIntegrationTest
class CustomerScopeIntegrationTests {

    static final String[] OWN = {"view_own_customer", "view_own_customer_contact", "view_own_customer_site",
            "view_own_customer_tag", "view_own_customer_attribute", "view_own_customer_activity"};

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    CrmFixtures crm;
    long mine;
    long theirs;
    long theirContact;
    long theirSite;
    long theirTag;
    long theirAttribute;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Api.mvc(context);
        crm = new CrmFixtures(mvc);
        mine = crm.customer(unique("Mine"), "{\"customer_notes\": \"internal remark\", \"assigned_user_id\": 42}");
        theirs = crm.customer(unique("Theirs"));
        crm.contact(mine, "Me");
        theirContact = crm.contact(theirs, "Them");
        theirSite = crm.site(theirs, "Their office");
        theirTag = crm.putJson("/crm/tag/", "{\"customer_id\": %d, \"tag_text\": \"VIP\", \"tag_hex_color\": \"FFD700\"}"
                .formatted(theirs)).get("tag_id").asLong();
        theirAttribute = crm.putJson("/crm/attribute/",
                "{\"customer_id\": %d, \"attribute_name\": \"vlan_id\", \"attribute_value\": \"101\"}".formatted(theirs))
                .get("attribute_id").asLong();
    }

    @Test
    void aCustomerUserSeesOnlyTheirOwnCustomerAndEverythingElseIs404() throws Exception {
        Actor user = Api.customerUser(mine, OWN);
        mvc.perform(get("/crm/customer/customer_id/" + mine).with(Api.as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts", hasSize(1)))
                // staff-only fields are not shown to the customer
                .andExpect(jsonPath("$.customer_notes").value(nullValue()))
                .andExpect(jsonPath("$.assigned_user_id").value(nullValue()));
        mvc.perform(get("/crm/customers").with(Api.as(user)).param("per_page", "100"))
                .andExpect(jsonPath("$.pagination.total_items").value(1))
                .andExpect(jsonPath("$.data[0].customer_id").value(mine));

        for (String path : new String[] {"/crm/customer/customer_id/" + theirs, "/crm/contact/customer_id/" + theirs,
                "/crm/contact/contact_id/" + theirContact, "/crm/site/customer_id/" + theirs,
                "/crm/site/site_id/" + theirSite, "/crm/tag/customer_id/" + theirs, "/crm/tag/tag_id/" + theirTag,
                "/crm/attribute/customer_id/" + theirs, "/crm/attribute/attribute_id/" + theirAttribute,
                "/crm/activity/customer_id/" + theirs, "/crm/customer/customer_id/" + theirs + "/activity"}) {
            mvc.perform(get(path).with(Api.as(user))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/crm/contacts").with(Api.as(user)).param("customer_id", String.valueOf(theirs)))
                .andExpect(jsonPath("$.pagination.total_items").value(0));
        mvc.perform(get("/crm/sites").with(Api.as(user)))
                .andExpect(jsonPath("$.data[?(@.customer_id == %d)]".formatted(theirs)).isEmpty());
        mvc.perform(get("/crm/activity/customer_id/" + mine).with(Api.as(user))).andExpect(status().isOk());
    }

    @Test
    void aCustomerUserCannotUseStaffWritesEvenWithThePermission() throws Exception {
        Actor user = Api.customerUser(mine, "view_own_customer", "create_customer_contact", "update_customer");
        mvc.perform(put("/crm/contact/").with(Api.as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer_id\": %d, \"contact_firstname\": \"Sneaky\"}".formatted(mine)))
                .andExpect(status().isForbidden());
        mvc.perform(patch("/crm/customer/customer_id/" + mine).with(Api.as(user))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_account_type\": \"Individual\"}"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_contact WHERE customer_id = ? AND contact_firstname = 'Sneaky'",
                Long.class, mine)).isZero();
    }

    @Test
    void aCustomerUserWithoutTheOwnPermissionIsForbidden() throws Exception {
        Actor user = Api.customerUser(mine, "view_own_customer");
        mvc.perform(get("/crm/site/customer_id/" + mine).with(Api.as(user))).andExpect(status().isForbidden());
    }

    @Test
    void aCoordinatorSeesOnlyTheCustomersAssignedToThem() throws Exception {
        Actor coordinator = Api.staff("view_assigned_customer", "view_customer_contact", "view_customer_site",
                "create_customer", "update_customer", "view_customer_activity");
        String prefix = unique("Coord");
        long assigned = crm.customer(prefix + " assigned", "{\"assigned_user_id\": %d}".formatted(coordinator.userId()));
        long other = crm.customer(prefix + " other", "{\"assigned_user_id\": 1}");
        crm.contact(other, "Hidden");

        mvc.perform(get("/crm/customer/customer_id/" + assigned).with(Api.as(coordinator))).andExpect(status().isOk());
        mvc.perform(get("/crm/customer/customer_id/" + other).with(Api.as(coordinator))).andExpect(status().isNotFound());
        mvc.perform(get("/crm/contact/customer_id/" + other).with(Api.as(coordinator))).andExpect(status().isNotFound());
        mvc.perform(get("/crm/activity/customer_id/" + other).with(Api.as(coordinator))).andExpect(status().isNotFound());
        mvc.perform(patch("/crm/customer/customer_id/" + other).with(Api.as(coordinator))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_notes\": \"mine now\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/crm/customers").with(Api.as(coordinator)).param("search", prefix))
                .andExpect(jsonPath("$.pagination.total_items").value(1))
                .andExpect(jsonPath("$.data[0].customer_id").value(assigned));

        // a coordinator's new customer is theirs; handing one to someone else is refused
        long created = crm.customer(unique("Coord new"), "{}");
        String body = "{\"customer_name\": \"%s\", \"customer_account_type\": \"Individual\"}".formatted(unique("Own new"));
        var response = mvc.perform(put("/crm/customer/").with(Api.as(coordinator)).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.assigned_user_id").value(coordinator.userId()))
                .andReturn();
        assertThat(response.getResponse().getContentAsString()).contains("\"customer_status\":\"Open\"");
        mvc.perform(patch("/crm/customer/customer_id/" + assigned).with(Api.as(coordinator))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"assigned_user_id\": 7}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("assigned_user_id"));
        mvc.perform(get("/crm/customer/customer_id/" + created).with(Api.as(coordinator))).andExpect(status().isNotFound());
    }

    @Test
    void staffWithViewCustomerSeeEveryCustomer() throws Exception {
        Actor support = Api.staff("view_customer");
        mvc.perform(get("/crm/customer/customer_id/" + mine).with(Api.as(support)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customer_notes").value("internal remark"))
                // no view_customer_contact: contacts are not embedded
                .andExpect(jsonPath("$.contacts", hasSize(0)));
        mvc.perform(get("/crm/customer/customer_id/" + theirs).with(Api.as(support))).andExpect(status().isOk());
        mvc.perform(get("/crm/customers").with(Api.as(Api.staff("view_customer_site")))).andExpect(status().isForbidden());
    }
}
