package io.switchboard.customer;

import static io.switchboard.customer.CrmFixtures.CRM_ADMIN;
import static io.switchboard.customer.CrmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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

@SwitchboardIntegrationTest
class CustomerApiIntegrationTests {

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
    void createsACustomerWithDefaultsAndReadsItBackWithItsContacts() throws Exception {
        String name = unique("Acme Telecom");
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_name": "%s", "customer_account_type": "Business", "tax_identifier": "GB123456789",
                         "contract_start_date": "2025-01-01", "contract_end_date": "2026-12-31"}""".formatted(name)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customer_name").value(name))
                .andExpect(jsonPath("$.customer_status").value("Open"))
                .andExpect(jsonPath("$.customer_payment_type").value("postpaid"))
                .andExpect(jsonPath("$.customer_enabled").value(true))
                .andExpect(jsonPath("$.contract_end_date").value("2026-12-31"))
                .andExpect(jsonPath("$.created").value(org.hamcrest.Matchers.matchesPattern(
                        "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")));
        long id = jdbc.queryForObject("SELECT customer_id FROM customer WHERE customer_name = ?", Long.class, name);
        crm.contact(id, "Jane");

        mvc.perform(get("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customer_id").value(id))
                .andExpect(jsonPath("$.tax_identifier").value("GB123456789"))
                .andExpect(jsonPath("$.contacts", hasSize(1)))
                .andExpect(jsonPath("$.contacts[0].contact_firstname").value("Jane"))
                .andExpect(jsonPath("$.contacts[0].contact_email").value("jane@example.com"));
    }

    @Test
    void acceptsTheGuidesSuspensionSpellingAndStoresSuspended() throws Exception {
        long id = crm.customer(unique("Suspended Ltd"), """
                {"customer_status": "Suspension", "customer_payment_type": "PREPAID"}""");
        mvc.perform(get("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$.customer_status").value("Suspended"))
                .andExpect(jsonPath("$.customer_payment_type").value("prepaid"));
    }

    @Test
    void rejectsAnUnknownStatusNamingTheFieldAndTheAllowedValuesAndWritesNothing() throws Exception {
        String name = unique("Bad Status");
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_name": "%s", "customer_account_type": "Business", "customer_status": "Dormant"}"""
                        .formatted(name)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("customer_status"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("Open, Suspended, Closed, Archived")));
        assertNoCustomerNamed(name);
    }

    @Test
    void rejectsOversizeValuesNamingEachFieldAndWritesNothing() throws Exception {
        String name = unique("N") + "x".repeat(200);
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_name": "%s", "customer_account_type": "Individual", "tax_identifier": "%s"}"""
                        .formatted(name, "9".repeat(51))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_name"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("200")))
                .andExpect(jsonPath("$.errors[1].field").value("tax_identifier"));
        assertNoCustomerNamed(name);
    }

    @Test
    void rejectsAContractThatEndsBeforeItStarts() throws Exception {
        String name = unique("Backwards");
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_name": "%s", "customer_account_type": "Individual",
                         "contract_start_date": "2025-06-01", "contract_end_date": "2025-05-31"}""".formatted(name)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contract_end_date"));
        assertNoCustomerNamed(name);
    }

    @Test
    void rejectsMalformedJsonWrongTypesMissingAndUnknownFields() throws Exception {
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer_name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(containsString("malformed-body")));
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_name": "x", "customer_account_type": "Business", "customer_enabled": "maybe"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_enabled"));
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_name": "x", "customer_account_type": "Business", "contract_start_date": "01/02/2025"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contract_start_date"));
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_name": "x", "customer_account_type": "Business", "customer_colour": "red"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_colour"));
        mvc.perform(put("/crm/customer/").with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"customer_account_type": "Business"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_name"));
        mvc.perform(get("/crm/customer/customer_id/abc").with(Api.as(CRM_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerId"));
    }

    @Test
    void anUnknownCustomerIsA404Problem() throws Exception {
        mvc.perform(get("/crm/customer/customer_id/987654321987").with(Api.as(CRM_ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.entity").value("customer"));
        mvc.perform(patch("/crm/customer/customer_id/987654321987").with(Api.as(CRM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_name\": \"x\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMissingPermissionIsA403AndWritesNothing() throws Exception {
        String name = unique("Forbidden");
        mvc.perform(put("/crm/customer/").with(Api.as(Api.staff("view_customer"))).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer_name\": \"%s\", \"customer_account_type\": \"Business\"}".formatted(name)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(containsString("forbidden")));
        assertNoCustomerNamed(name);
        long id = crm.customer(unique("Readable"));
        mvc.perform(get("/crm/customer/customer_id/" + id).with(Api.as(Api.staff("view_customer_site"))))
                .andExpect(status().isForbidden());
        long before = CrmFixtures.activityCount(jdbc, id);
        mvc.perform(patch("/crm/customer/customer_id/" + id).with(Api.as(Api.staff("view_customer")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_name\": \"changed\"}"))
                .andExpect(status().isForbidden());
        assertThat(CrmFixtures.activityCount(jdbc, id)).isEqualTo(before);
    }

    @Test
    void patchChangesOnlyTheGivenFieldsClearsExplicitNullsAndLogsBeforeAndAfter() throws Exception {
        String name = unique("Patchable");
        long id = crm.customer(name, """
                {"tax_identifier": "ES-B123", "customer_notes": "call before noon"}""");
        String renamed = name + " Ltd";
        mvc.perform(patch("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"customer_name\": \"%s\", \"tax_identifier\": null}".formatted(renamed)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customer_name").value(renamed))
                .andExpect(jsonPath("$.tax_identifier").value(nullValue()))
                .andExpect(jsonPath("$.customer_notes").value("call before noon"))
                .andExpect(jsonPath("$.customer_account_type").value("Business"));

        mvc.perform(get("/crm/activity/customer_id/" + id).with(Api.as(CRM_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[0].action").value("UPDATED"))
                .andExpect(jsonPath("$.data[0].entity_type").value("customer"))
                .andExpect(jsonPath("$.data[0].actor_username").value(CRM_ADMIN.username()))
                .andExpect(jsonPath("$.data[0].channel").value("API"))
                .andExpect(jsonPath("$.data[0].changes.customer_name.before").value(name))
                .andExpect(jsonPath("$.data[0].changes.customer_name.after").value(renamed))
                .andExpect(jsonPath("$.data[0].changes.tax_identifier.before").value("ES-B123"))
                .andExpect(jsonPath("$.data[0].changes.tax_identifier.after").value(nullValue()))
                .andExpect(jsonPath("$.data[0].changes.customer_notes").doesNotExist())
                .andExpect(jsonPath("$.data[1].action").value("CREATED"));
    }

    @Test
    void patchRefusesArchivedStatusBadValuesAndUnknownFieldsWritingNothing() throws Exception {
        String name = unique("Guarded");
        long id = crm.customer(name);
        long before = CrmFixtures.activityCount(jdbc, id);
        mvc.perform(patch("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_status\": \"Archived\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_status"));
        mvc.perform(patch("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_name\": null}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_name"));
        mvc.perform(patch("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_account_type\": \"Martian\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_account_type"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("Individual, Business")));
        mvc.perform(patch("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"customer_id\": 5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_id"));
        mvc.perform(patch("/crm/customer/customer_id/" + id).with(Api.as(CRM_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
                .andExpect(status().isBadRequest());
        assertThat(CrmFixtures.activityCount(jdbc, id)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT customer_name FROM customer WHERE customer_id = ?", String.class, id))
                .isEqualTo(name);
    }

    @Test
    void listsCustomersPagedSortedAndSearchedWithLiteralWildcards() throws Exception {
        String tag = unique("Lst").replace(' ', '-');
        crm.customer("Zulu_" + tag);
        crm.customer("Alpha_" + tag);
        crm.customer("AlphaX" + tag, "{\"customer_account_type\": \"Individual\"}");
        crm.customer("Mid%" + tag);

        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN))
                        .param("search", tag.toLowerCase()).param("per_page", "2").param("sort", "customer_name"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", hasSize(2)))
                .andExpect(jsonPath("$.data[0].customer_name").value("Alpha_" + tag))
                .andExpect(jsonPath("$.data[1].customer_name").value("AlphaX" + tag))
                .andExpect(jsonPath("$.pagination.total_items").value(4))
                .andExpect(jsonPath("$.pagination.total_pages").value(2))
                .andExpect(jsonPath("$.pagination.current_page").value(1))
                .andExpect(jsonPath("$.pagination.per_page").value(2));
        mvc.perform(get("/crm/customer/").with(Api.as(CRM_ADMIN)).param("search", tag)
                        .param("sort", "customer_name").param("order", "desc").param("page", "2").param("per_page", "3"))
                .andExpect(jsonPath("$.data", hasSize(1)))
                .andExpect(jsonPath("$.data[0].customer_name").value("Alpha_" + tag));
        // '_' and '%' are literal: "Alpha_" must not match "AlphaX", "%" must not match everything
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("search", "alpha_" + tag))
                .andExpect(jsonPath("$.pagination.total_items").value(1));
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("search", "%" + tag))
                .andExpect(jsonPath("$.pagination.total_items").value(1))
                .andExpect(jsonPath("$.data[0].customer_name").value("Mid%" + tag));
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("search", tag)
                        .param("customer_account_type", "individual"))
                .andExpect(jsonPath("$.pagination.total_items").value(1));
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("sort", "colour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("per_page", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("per_page"));
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("customer_status", "Asleep"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customer_status"));
    }

    @Test
    void searchFindsACustomerByItsId() throws Exception {
        long id = crm.customer(unique("By Id"));
        mvc.perform(get("/crm/customers").with(Api.as(CRM_ADMIN)).param("search", String.valueOf(id)))
                .andExpect(jsonPath("$.data[?(@.customer_id == %d)]".formatted(id)).exists());
    }

    @Test
    void theOpenApiDocumentDescribesTheCrmEndpoints() throws Exception {
        mvc.perform(get("/crm/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/crm/customer/'].put.summary").value("Create a customer"))
                .andExpect(jsonPath("$.paths['/crm/customer/customer_id/{customerId}'].delete").exists())
                .andExpect(jsonPath("$.paths['/crm/site/customer_id/{customerId}'].get").exists())
                .andExpect(jsonPath("$.paths['/crm/attribute/attribute_id/{attributeId}'].patch").exists())
                .andExpect(jsonPath("$.paths['/crm/activity/customer_id/{customerId}'].get").exists())
                .andExpect(jsonPath("$.components.schemas.CustomerForm.properties.customer_name").exists());
    }

    private void assertNoCustomerNamed(String name) {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer WHERE customer_name = ?", Long.class, name))
                .isZero();
    }
}
