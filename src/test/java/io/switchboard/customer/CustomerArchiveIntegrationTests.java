package io.switchboard.customer;

import static io.switchboard.customer.CrmFixtures.CRM_ADMIN;
import static io.switchboard.customer.CrmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.web.context.WebApplicationContext;

/** A-CUS-06/07, W-CUS-1: delete archives, guarded by every registered {@link CustomerArchiveCheck}; restore undoes it. */
@SwitchboardIntegrationTest
class CustomerArchiveIntegrationTests {

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    CrmFixtures crm;

    @BeforeEach
    void setUp() {
        mvc = Api.mvc(context);
        crm = new CrmFixtures(mvc);
    }

    @Test
    void deleteArchivesTheCustomerAndRestorePutsBackItsPreviousStatus() throws Exception {
        String name = unique("Archivable");
        long id = crm.customer(name, "{\"customer_status\": \"Suspended\"}");
        long contactId = crm.contact(id, "Ann");

        mvc.perform(delete("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("success"));
        mvc.perform(get("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$.customer_status").value("Archived"))
                .andExpect(jsonPath("$.archived_at").value(notNullValue()))
                .andExpect(jsonPath("$.contacts", hasSize(1)));

        // left out of lists unless asked for
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("search", name))
                .andExpect(jsonPath("$.pagination.total_items").value(0));
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("search", name).param("include_archived", "true"))
                .andExpect(jsonPath("$.pagination.total_items").value(1));
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("search", name).param("customer_status", "Archived"))
                .andExpect(jsonPath("$.pagination.total_items").value(1));
        mvc.perform(get("/crm/contacts").with(Api.as(CRM_ADMIN)).param("customer_id", String.valueOf(id)))
                .andExpect(jsonPath("$.pagination.total_items").value(0));

        // an archived customer and its records are read-only until restored
        mvc.perform(patch("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_name\": \"x\"}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/crm/contact/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer_id\": %d, \"contact_firstname\": \"Late\"}".formatted(id)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("customer_id"));
        mvc.perform(delete("/crm/contact/contact_id/" + contactId).with(Api.as(CRM_ADMIN)))
                .andExpect(status().isConflict());
        mvc.perform(delete("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(status().isConflict());

        mvc.perform(post("/crm/customer/customer_id/" + id + "/restore").with(Api.as(CRM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customer_status").value("Suspended"))
                .andExpect(jsonPath("$.archived_at").value(nullValue()));
        mvc.perform(post("/crm/customer/customer_id/" + id + "/restore").with(Api.as(CRM_ADMIN)))
                .andExpect(status().isConflict());

        mvc.perform(get("/crm/activity/customer_id/" + id).with(Api.as(CRM_ADMIN)).param("entity_type", "customer"))
                .andExpect(jsonPath("$.data[0].action").value("RESTORED"))
                .andExpect(jsonPath("$.data[0].changes.customer_status.before").value("Archived"))
                .andExpect(jsonPath("$.data[0].changes.customer_status.after").value("Suspended"))
                .andExpect(jsonPath("$.data[1].action").value("ARCHIVED"))
                .andExpect(jsonPath("$.data[1].changes.customer_status.before").value("Suspended"))
                .andExpect(jsonPath("$.data[1].changes.customer_status.after").value("Archived"))
                .andExpect(jsonPath("$.data[2].action").value("CREATED"));
    }

    @Test
    void aBlockingCheckRefusesTheArchiveWith409ListingEveryBlockerAndNothingChanges() throws Exception {
        long id = crm.customer(unique("Owes Money"));
        BlockingArchiveCheck.block(id, "2 active services", "1 unpaid invoice");
        try {
            long before = CrmFixtures.activityCount(jdbc, id);
            mvc.perform(get("/crm/customer/customer_id/" + id + "/archive_blockers").with(Api.as(CRM_ADMIN)))
                    .andExpect(jsonPath("$.blockers", hasSize(2)));
            mvc.perform(delete("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value(containsString("archive-blocked")))
                    .andExpect(jsonPath("$.blockers[0]").value("2 active services"))
                    .andExpect(jsonPath("$.blockers[1]").value("1 unpaid invoice"))
                    .andExpect(jsonPath("$.errors[0].field").value("customer_id"))
                    .andExpect(jsonPath("$.detail").value(containsString("1 unpaid invoice")));
            assertThat(jdbc.queryForObject("SELECT customer_status FROM customer WHERE customer_id = ?", String.class, id))
                    .isEqualTo("Open");
            assertThat(CrmFixtures.activityCount(jdbc, id)).isEqualTo(before);
        } finally {
            BlockingArchiveCheck.unblock(id);
        }
        mvc.perform(delete("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))).andExpect(status().isOk());
    }

    @Test
    void archivingAndRestoringNeedDeleteCustomer() throws Exception {
        long id = crm.customer(unique("Protected"));
        var updater = Api.staff("view_customer", "update_customer");
        mvc.perform(delete("/crm/customer/customer_id/" + id).with(Api.as(updater))).andExpect(status().isForbidden());
        mvc.perform(delete("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))).andExpect(status().isOk());
        mvc.perform(post("/crm/customer/customer_id/" + id + "/restore").with(Api.as(updater)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT customer_status FROM customer WHERE customer_id = ?", String.class, id))
                .isEqualTo("Archived");
    }
}
