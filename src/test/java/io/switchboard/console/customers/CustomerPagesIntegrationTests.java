package io.switchboard.console.customers;

import static io.switchboard.console.customers.ConsoleCrm.CRM_STAFF;
import static io.switchboard.console.customers.ConsoleCrm.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.switchboard.customer.BlockingArchiveCheck;
import io.switchboard.customer.CustomerStatus;
import io.switchboard.customer.CustomerView;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/**
 * The console's customer list and customer page over MockMvc: views, models, permission-gated buttons and tabs,
 * htmx fragments, and forms that come back with their errors (422).
 */
@SwitchboardIntegrationTest
class CustomerPagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    ConsoleCrm crm;

    @BeforeEach
    void setUp() {
        mvc = Api.mvc(context);
        crm = new ConsoleCrm(mvc);
    }

    static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String target) {
        return request.header("HX-Request", "true").header("HX-Target", target);
    }

    // ---- the list ----

    @Test
    void listFindsCustomersInsideTheConsoleShell() throws Exception {
        String name = unique("Listed Telecom");
        long id = crm.customer(name);
        crm.contact(id, "Pilar", "Primary");

        mvc.perform(get("/console/customers").param("search", name).param("lang", "en").with(Api.as(CRM_STAFF)))
                .andExpect(status().isOk())
                .andExpect(view().name(CustomerListController.LIST_VIEW))
                .andExpect(model().attributeExists("results", "query", "paging"))
                .andExpect(content().string(allOf(containsString("<html"), containsString(name),
                        containsString("href=\"/console/customers/" + id + "\""), containsString("Pilar Tester"),
                        containsString("aria-current=\"page\""), containsString("data-testid=\"new-customer\""))));
    }

    @Test
    void htmxSearchGetsOnlyTheResults() throws Exception {
        String name = unique("Fragment Fibre");
        crm.customer(name);

        mvc.perform(get("/console/customers").param("search", name).header("HX-Request", "true").with(Api.as(CRM_STAFF)))
                .andExpect(status().isOk())
                .andExpect(view().name(CustomerListController.RESULTS_FRAGMENT))
                .andExpect(content().string(allOf(startsWith("<div id=\"customer-results\""), containsString(name),
                        not(containsString("<html")))));
    }

    @Test
    void listSortsByNameBothWaysAndPages() throws Exception {
        String prefix = unique("Sorted");
        for (String suffix : List.of("B", "A", "C")) {
            crm.customer(prefix + " " + suffix);
        }

        String ascending = mvc.perform(get("/console/customers").param("search", prefix).param("sort", "customer_name")
                        .param("order", "asc").with(Api.as(CRM_STAFF)))
                .andReturn().getResponse().getContentAsString();
        assertThat(ascending.indexOf(prefix + " A")).isLessThan(ascending.indexOf(prefix + " B"));
        assertThat(ascending.indexOf(prefix + " B")).isLessThan(ascending.indexOf(prefix + " C"));
        String descending = mvc.perform(get("/console/customers").param("search", prefix).param("sort", "customer_name")
                        .param("order", "desc").with(Api.as(CRM_STAFF)))
                .andReturn().getResponse().getContentAsString();
        assertThat(descending.indexOf(prefix + " C")).isLessThan(descending.indexOf(prefix + " A"));

        // a page size the list does not offer falls back to 25; a page past the end shows the last one
        var result = mvc.perform(get("/console/customers").param("search", prefix).param("size", "7")
                        .param("page", "99").with(Api.as(CRM_STAFF)))
                .andExpect(status().isOk()).andReturn();
        var query = (CustomerListController.ListQuery) result.getModelAndView().getModel().get("query");
        assertThat(query.size()).isEqualTo(25);
        assertThat(query.page()).isEqualTo(1);
        assertThat(((Page<?>) result.getModelAndView().getModel().get("results")).getTotalElements()).isEqualTo(3);
    }

    @Test
    void listFiltersByStatusAndShowsArchivedOnlyWhenAsked() throws Exception {
        String prefix = unique("Filtered");
        crm.customer(prefix + " open");
        long archived = crm.customer(prefix + " gone");
        mvc.perform(post("/console/customers/" + archived + "/archive").with(csrf()).with(Api.as(CRM_STAFF)))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/console/customers").param("search", prefix).with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(containsString(prefix + " open"), not(containsString(prefix + " gone")))));
        mvc.perform(get("/console/customers").param("search", prefix).param("archived", "true").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(containsString(prefix + " open"), containsString(prefix + " gone"))));
        mvc.perform(get("/console/customers").param("search", prefix).param("status", "Archived").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(not(containsString(prefix + " open")), containsString(prefix + " gone"))));
    }

    @Test
    void listNeedsAPermissionToViewCustomers() throws Exception {
        mvc.perform(get("/console/customers").with(Api.as(Api.staff("view_customer_site"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/customers").with(Api.as(Api.staff("view_customer"))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"new-customer\""))));
    }

    // ---- new customer ----

    @Test
    void newCustomerFormShowsTheApisFieldErrorsNextToTheFields() throws Exception {
        mvc.perform(post("/console/customers/new").with(csrf()).with(Api.as(CRM_STAFF)).param("lang", "en")
                        .param("customerName", "  ").param("customerAccountType", "BUSINESS")
                        .param("customerPaymentType", "POSTPAID")
                        .param("contractStartDate", "2026-05-01").param("contractEndDate", "2026-01-01"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(view().name(CustomerListController.NEW_VIEW))
                .andExpect(model().attributeHasFieldErrors("input", "customerName", "contractEndDate"))
                .andExpect(content().string(allOf(containsString("data-testid=\"error-customerName\""),
                        containsString("is required"), containsString("must not be before the contract start"),
                        containsString("aria-invalid=\"true\""))));
    }

    @Test
    void newCustomerFormReportsAnUnreadableDateInTheRightLanguage() throws Exception {
        mvc.perform(post("/console/customers/new").with(csrf()).with(Api.as(CRM_STAFF)).param("lang", "es")
                        .header("HX-Request", "true").header("HX-Target", "new-customer")
                        .param("customerName", "Fecha Rara").param("customerAccountType", "INDIVIDUAL")
                        .param("customerPaymentType", "PREPAID").param("contractStartDate", "mañana"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(view().name(CustomerListController.NEW_VIEW + " :: editor"))
                .andExpect(content().string(allOf(containsString("debe ser una fecha"), not(containsString("<html")))));
    }

    @Test
    void creatingACustomerOpensItsPage() throws Exception {
        String name = unique("Created Here");
        var result = mvc.perform(post("/console/customers/new").with(csrf()).with(Api.as(CRM_STAFF))
                        .param("customerName", name).param("customerAccountType", "INDIVIDUAL")
                        .param("customerPaymentType", "PREPAID").param("taxIdentifier", "ES12345678Z"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/console/customers/*"))
                .andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
        mvc.perform(get("/console/customers/" + id + "/details").with(Api.as(CRM_STAFF)).param("lang", "en"))
                .andExpect(content().string(allOf(containsString(name), containsString("ES12345678Z"),
                        containsString("Prepaid"), containsString("Individual"))));

        mvc.perform(post("/console/customers/new").with(csrf()).with(Api.as(CRM_STAFF)).header("HX-Request", "true")
                        .param("customerName", unique("Created By Htmx")).param("customerAccountType", "BUSINESS")
                        .param("customerPaymentType", "POSTPAID"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Redirect", org.hamcrest.Matchers.matchesPattern("/console/customers/\\d+")));
    }

    @Test
    void creatingNeedsCreateCustomer() throws Exception {
        mvc.perform(get("/console/customers/new").with(Api.as(Api.staff("view_customer"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/customers/new").with(csrf()).with(Api.as(Api.staff("view_customer")))
                        .param("customerName", "Nope").param("customerAccountType", "BUSINESS"))
                .andExpect(status().isForbidden());
    }

    // ---- the customer page ----

    @Test
    void customerPageShowsOnlyTheTabsAndButtonsTheActorMayUse() throws Exception {
        long id = crm.customer(unique("Tabbed"));
        var reader = Api.staff("view_customer", "view_customer_site");

        mvc.perform(get("/console/customers/" + id).with(Api.as(reader)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(forwardedUrl("/console/customers/" + id + "/details"));
        mvc.perform(get("/console/customers/" + id + "/details").with(Api.as(reader)).param("lang", "en"))
                .andExpect(view().name(CustomerPage.VIEW))
                .andExpect(content().string(allOf(containsString("data-testid=\"tab-details\""),
                        containsString("data-testid=\"tab-sites\""), not(containsString("data-testid=\"tab-contacts\"")),
                        not(containsString("data-testid=\"tab-activity\"")),
                        not(containsString("data-testid=\"edit-customer\"")),
                        not(containsString("data-testid=\"archive-customer\"")))));
        mvc.perform(get("/console/customers/" + id + "/details").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(containsString("data-testid=\"tab-activity\""),
                        containsString("data-testid=\"edit-customer\""), containsString("data-testid=\"archive-customer\""))));
        // and the server refuses what the page does not offer
        mvc.perform(get("/console/customers/" + id + "/contacts").with(Api.as(reader))).andExpect(status().isForbidden());
        mvc.perform(get("/console/customers/" + id + "/details/edit").with(Api.as(reader))).andExpect(status().isForbidden());
        mvc.perform(post("/console/customers/" + id + "/sites/new").with(csrf()).with(Api.as(reader))
                        .param("siteName", "x").param("latitude", "1").param("longitude", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTabIsDeepLinkableAndSwitchesWithHtmx() throws Exception {
        long id = crm.customer(unique("Deep Linked"));
        crm.site(id, "Almacén", 40.4168, -3.7038);

        mvc.perform(get("/console/customers/" + id).param("tab", "sites").with(Api.as(CRM_STAFF)))
                .andExpect(forwardedUrl("/console/customers/" + id + "/sites"));
        mvc.perform(get("/console/customers/" + id + "/sites").with(Api.as(CRM_STAFF)))
                .andExpect(view().name(CustomerPage.VIEW))
                .andExpect(content().string(allOf(containsString("<html"), containsString("data-testid=\"sites-panel\""),
                        containsString("Almacén"))));
        mvc.perform(htmx(get("/console/customers/" + id + "/sites"), CustomerPage.TABS_TARGET).with(Api.as(CRM_STAFF)))
                .andExpect(view().name(CustomerPage.VIEW + " :: tabs"))
                .andExpect(content().string(allOf(startsWith("<div id=\"customer-tabs\""), containsString("Almacén"))));
        mvc.perform(htmx(get("/console/customers/" + id + "/sites"), "tab-panel").with(Api.as(CRM_STAFF)))
                .andExpect(view().name("console/customers/sites :: panel"))
                .andExpect(content().string(not(containsString("customer-tabs"))));
        // a tab the actor may not see falls back to the details
        mvc.perform(get("/console/customers/" + id).param("tab", "activity").with(Api.as(Api.staff("view_customer"))))
                .andExpect(forwardedUrl("/console/customers/" + id + "/details"));
    }

    @Test
    void anUnknownOrInvisibleCustomerIsNotFound() throws Exception {
        mvc.perform(get("/console/customers/987654321/details").with(Api.as(CRM_STAFF)).accept("text/html"))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error"));
        long other = crm.customer(unique("Other"));
        long contact = crm.contact(crm.customer(unique("Owner")), "Nadia", "Billing");
        mvc.perform(get("/console/customers/" + other + "/contacts/" + contact + "/edit").with(Api.as(CRM_STAFF)))
                .andExpect(status().isNotFound());
    }

    @Test
    void customerUsersCannotOpenConsolePages() throws Exception {
        long own = crm.customer(unique("Own"));
        var customerUser = Api.customerUser(own, "view_own_customer", "view_customer");
        mvc.perform(get("/console/customers/" + own).with(Api.as(customerUser))).andExpect(status().isForbidden());
        mvc.perform(get("/console/customers").with(Api.as(customerUser))).andExpect(status().isForbidden());
    }

    @Test
    void editingTheDetailsShowsErrorsThenSavesAndRefreshesTheHeader() throws Exception {
        long id = crm.customer(unique("Editable"));
        String renamed = unique("Renamed");

        mvc.perform(get("/console/customers/" + id + "/details/edit").with(Api.as(CRM_STAFF)))
                .andExpect(model().attributeExists("input", "editableStatuses"))
                .andExpect(content().string(allOf(containsString("name=\"customerStatus\""),
                        not(containsString("value=\"ARCHIVED\"")))));
        mvc.perform(htmx(post("/console/customers/" + id + "/details/edit"), "tab-panel").with(csrf())
                        .with(Api.as(CRM_STAFF)).param("lang", "en")
                        .param("customerName", "").param("customerAccountType", "BUSINESS")
                        .param("customerStatus", "OPEN").param("customerPaymentType", "POSTPAID"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(view().name("console/customers/details :: editor"))
                .andExpect(content().string(containsString("data-testid=\"error-customerName\"")));
        mvc.perform(htmx(post("/console/customers/" + id + "/details/edit"), "tab-panel").with(csrf())
                        .with(Api.as(CRM_STAFF)).param("lang", "en")
                        .param("customerName", renamed).param("customerAccountType", "BUSINESS")
                        .param("customerStatus", "SUSPENDED").param("customerPaymentType", "POSTPAID")
                        .param("customerEnabled", "true").param("_customerEnabled", "on"))
                .andExpect(status().isOk())
                .andExpect(view().name("console/customers/details :: panel"))
                .andExpect(content().string(allOf(containsString("data-testid=\"notice\""), containsString(renamed),
                        containsString("hx-swap-oob=\"true\""), containsString("Suspended"))));
    }

    @Test
    void archivingShowsTheBlockersAndRestoringUndoesIt() throws Exception {
        long id = crm.customer(unique("Guarded"));
        BlockingArchiveCheck.block(id, "2 active services", "1 unpaid invoice");
        try {
            mvc.perform(get("/console/customers/" + id + "/archive").with(Api.as(CRM_STAFF)))
                    .andExpect(content().string(allOf(containsString("2 active services"),
                            containsString("1 unpaid invoice"), not(containsString("data-testid=\"confirm-archive\"")))));
            mvc.perform(post("/console/customers/" + id + "/archive").with(csrf()).with(Api.as(CRM_STAFF)))
                    .andExpect(status().isConflict())
                    .andExpect(content().string(containsString("2 active services")));
        } finally {
            BlockingArchiveCheck.unblock(id);
        }
        mvc.perform(get("/console/customers/" + id + "/archive").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(containsString("data-testid=\"confirm-archive\"")));
        mvc.perform(post("/console/customers/" + id + "/archive").with(csrf()).with(Api.as(CRM_STAFF)))
                .andExpect(redirectedUrl("/console/customers/" + id));
        mvc.perform(get("/console/customers/" + id + "/details").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(containsString("data-testid=\"archived-notice\""),
                        containsString("data-testid=\"restore-customer\""), not(containsString("data-testid=\"edit-customer\"")))));
        mvc.perform(htmx(post("/console/customers/" + id + "/restore"), CustomerPage.TABS_TARGET).with(csrf())
                        .with(Api.as(CRM_STAFF)))
                .andExpect(status().isOk())
                .andExpect(view().name(CustomerPage.VIEW + " :: tabs"));
        var customer = (CustomerView) mvc.perform(get("/console/customers/" + id + "/details").with(Api.as(CRM_STAFF)))
                .andReturn().getModelAndView().getModel().get("customer");
        assertThat(customer.customerStatus()).isEqualTo(CustomerStatus.OPEN);
    }
}
