package io.switchboard.console.customers;

import static io.switchboard.console.customers.ConsoleCrm.CRM_STAFF;
import static io.switchboard.console.customers.ConsoleCrm.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.google.openlocationcode.OpenLocationCode;
import io.switchboard.activity.ActivityEntry;
import io.switchboard.customer.AttributeView;
import io.switchboard.customer.ContactType;
import io.switchboard.customer.ContactView;
import io.switchboard.customer.SiteView;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

/** The tabs of the console's customer page over MockMvc: contacts, sites, tags, attributes and activity. */
@SwitchboardIntegrationTest
class CustomerTabsIntegrationTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    ConsoleCrm crm;

    @BeforeEach
    void setUp() {
        mvc = Api.mvc(context);
        crm = new ConsoleCrm(mvc);
    }

    static MockHttpServletRequestBuilder inPanel(MockHttpServletRequestBuilder request) {
        return request.header("HX-Request", "true").header("HX-Target", "tab-panel").with(csrf())
                .with(Api.as(CRM_STAFF)).param("lang", "en");
    }

    @SuppressWarnings("unchecked")
    <T> T modelValue(MockHttpServletRequestBuilder request, String name) throws Exception {
        return (T) mvc.perform(request).andReturn().getModelAndView().getModel().get(name);
    }

    // ---- contacts ----

    @Test
    void contactsAreAddedEditedAndDeleted() throws Exception {
        long id = crm.customer(unique("Contactable"));

        mvc.perform(inPanel(post("/console/customers/" + id + "/contacts/new"))
                        .param("contactFirstname", "Lucía").param("contactEmail", "not-an-email")
                        .param("contactPhone", "call me"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(view().name("console/customers/contacts :: editor"))
                .andExpect(model().attributeHasFieldErrors("input", "contactEmail", "contactPhone"))
                .andExpect(result -> assertThat(((ContactInput) result.getModelAndView().getModel().get("input"))
                        .getContactFirstname()).isEqualTo("Lucía"))
                .andExpect(content().string(allOf(containsString("must be an email address"),
                        containsString("must be a phone number"))));

        mvc.perform(inPanel(post("/console/customers/" + id + "/contacts/new"))
                        .param("contactFirstname", "Lucía").param("contactLastname", "Gil")
                        .param("contactEmail", "lucia@example.com").param("contactPhone", "+34 600 111 222")
                        .param("contactTypes", "BILLING", "TECHNICAL"))
                .andExpect(status().isOk())
                .andExpect(view().name("console/customers/contacts :: panel"))
                .andExpect(content().string(allOf(containsString("The contact is added."),
                        containsString("Lucía Gil"), containsString("Billing"), containsString("Technical"),
                        containsString("href=\"tel:+34 600 111 222\""))));
        List<ContactView> contacts = modelValue(get("/console/customers/" + id + "/contacts").with(Api.as(CRM_STAFF)), "contacts");
        var lucia = contacts.get(0);
        assertThat(lucia.contactTypes()).containsExactly(ContactType.BILLING, ContactType.TECHNICAL);

        mvc.perform(get("/console/customers/" + id + "/contacts/" + lucia.contactId() + "/edit").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(containsString("value=\"lucia@example.com\""),
                        containsString("checked=\"checked\""))));
        mvc.perform(post("/console/customers/" + id + "/contacts/" + lucia.contactId() + "/edit").with(csrf())
                        .with(Api.as(CRM_STAFF)).param("contactFirstname", "Lucía").param("contactLastname", "Gil Soto")
                        .param("contactEmail", "lucia@example.com").param("contactTypes", "PRIMARY"))
                .andExpect(redirectedUrl("/console/customers/" + id + "?tab=contacts"))
                .andExpect(flash().attribute("notice", "customers.contacts.saved"));
        contacts = modelValue(get("/console/customers/" + id + "/contacts").with(Api.as(CRM_STAFF)), "contacts");
        assertThat(contacts.get(0).fullName()).isEqualTo("Lucía Gil Soto");
        assertThat(contacts.get(0).contactPhone()).isNull();
        assertThat(contacts.get(0).contactTypes()).containsExactly(ContactType.PRIMARY);

        mvc.perform(inPanel(post("/console/customers/" + id + "/contacts/" + lucia.contactId() + "/delete")))
                .andExpect(content().string(allOf(containsString("The contact is deleted."),
                        containsString("data-testid=\"no-contacts\""))));
    }

    @Test
    void contactButtonsFollowThePermissions() throws Exception {
        long id = crm.customer(unique("Read Only Contacts"));
        crm.contact(id, "Omar", "Primary");
        var reader = Api.staff("view_customer", "view_customer_contact");

        mvc.perform(get("/console/customers/" + id + "/contacts").with(Api.as(reader)))
                .andExpect(content().string(allOf(containsString("Omar Tester"),
                        not(containsString("data-testid=\"add-contact\"")), not(containsString("data-testid=\"edit-contact\"")),
                        not(containsString("data-testid=\"delete-contact\"")))));
        mvc.perform(get("/console/customers/" + id + "/contacts").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(containsString("data-testid=\"add-contact\""),
                        containsString("data-testid=\"edit-contact\""), containsString("data-testid=\"delete-contact\""),
                        // the shared row-delete form posts both ways, with its CSRF token
                        containsString("hx-post=\"/console/customers/" + id + "/contacts/"),
                        containsString("action=\"/console/customers/" + id + "/contacts/"),
                        containsString("name=\"_csrf\""))));
    }

    // ---- sites ----

    @Test
    void aSiteIsAddedWithTheServersPlusCode() throws Exception {
        long id = crm.customer(unique("Located"));
        String expected = OpenLocationCode.encode(40.416775, -3.70379, 11);

        mvc.perform(get("/console/customers/" + id + "/sites/new").with(Api.as(CRM_STAFF)).param("lang", "es"))
                .andExpect(content().string(allOf(containsString("data-site-map"),
                        containsString("data-latitude-input=\"#latitude\""), containsString("option value=\"GB\" selected"),
                        containsString(">España<"))));
        mvc.perform(inPanel(post("/console/customers/" + id + "/sites/new"))
                        .param("siteName", "Sede Madrid").param("addressLine1", "Puerta del Sol 1").param("city", "Madrid")
                        .param("zipCode", "28013").param("country", "ES")
                        .param("latitude", "40.416775").param("longitude", "-3.703790").param("plusCode", expected))
                .andExpect(status().isOk())
                .andExpect(view().name("console/customers/sites :: panel"))
                .andExpect(content().string(allOf(containsString("Site Sede Madrid is added. Its plus code is " + expected),
                        containsString("is-highlighted"), containsString("Spain"), containsString("Puerta del Sol 1"))));
        List<SiteView> sites = modelValue(get("/console/customers/" + id + "/sites").with(Api.as(CRM_STAFF)), "sites");
        assertThat(sites).singleElement().satisfies(site -> {
            assertThat(site.plusCode()).isEqualTo(expected);
            assertThat(site.country()).isEqualTo("ES");
        });
    }

    @Test
    void aSiteWithoutCoordinatesOrWithAForeignPlusCodeIsRefused() throws Exception {
        long id = crm.customer(unique("Unlocated"));

        mvc.perform(inPanel(post("/console/customers/" + id + "/sites/new")).param("siteName", "Nowhere"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "latitude", "longitude"));
        mvc.perform(inPanel(post("/console/customers/" + id + "/sites/new")).param("siteName", "Typo")
                        .param("latitude", "forty").param("longitude", "-3.7"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("must be a number")));
        mvc.perform(inPanel(post("/console/customers/" + id + "/sites/new")).param("siteName", "Elsewhere")
                        .param("latitude", "40.416775").param("longitude", "-3.70379")
                        .param("plusCode", OpenLocationCode.encode(51.5, -0.12, 11)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "plusCode"));
    }

    @Test
    void theLiveCheckShowsThePlusCodeTheServerWillStore() throws Exception {
        long id = crm.customer(unique("Checked"));
        mvc.perform(post("/console/customers/" + id + "/sites/check").with(csrf()).with(Api.as(CRM_STAFF))
                        .param("latitude", "-34.603722").param("longitude", "-58.381592").param("country", "")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(view().name("console/customers/sites :: check"))
                .andExpect(content().string(allOf(containsString("data-testid=\"location-ok\""),
                        containsString(OpenLocationCode.encode(-34.603722, -58.381592, 11)),
                        containsString("United Kingdom"))));
        mvc.perform(post("/console/customers/" + id + "/sites/check").with(csrf()).with(Api.as(CRM_STAFF))
                        .param("latitude", "95").param("longitude", "0").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("data-testid=\"location-problem\""),
                        containsString("Latitude: "))));
        mvc.perform(post("/console/customers/" + id + "/sites/check").with(csrf()).with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(not(containsString("location-ok")), not(containsString("location-problem")))));
        mvc.perform(post("/console/customers/" + id + "/sites/check").with(csrf()).with(Api.as(Api.staff("view_customer", "view_customer_site"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSiteIsEditedAndDeleted() throws Exception {
        long id = crm.customer(unique("Moving"));
        long siteId = crm.site(id, "Almacén", 40.4168, -3.7038);

        mvc.perform(get("/console/customers/" + id + "/sites/" + siteId + "/edit").with(Api.as(CRM_STAFF)))
                .andExpect(result -> assertThat(((SiteInput) result.getModelAndView().getModel().get("input"))
                        .getSiteName()).isEqualTo("Almacén"))
                .andExpect(content().string(containsString("option value=\"ES\" selected")));
        mvc.perform(inPanel(post("/console/customers/" + id + "/sites/" + siteId + "/edit"))
                        .param("siteName", "Almacén Norte").param("country", "ES")
                        .param("latitude", "41.3874").param("longitude", "2.1686"))
                .andExpect(content().string(containsString(
                        "Site Almacén Norte is saved. Its plus code is " + OpenLocationCode.encode(41.3874, 2.1686, 11))));
        mvc.perform(inPanel(post("/console/customers/" + id + "/sites/" + siteId + "/delete")))
                .andExpect(content().string(containsString("data-testid=\"no-sites\"")));
    }

    // ---- tags ----

    @Test
    void tagsAreAddedShownInTheHeaderAndDeactivated() throws Exception {
        long id = crm.customer(unique("Tagged"));

        mvc.perform(get("/console/customers/" + id + "/tags/new").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(allOf(containsString("type=\"color\""), containsString("data-tag-preview"),
                        containsString("value=\"2099-01-01T00:00:00\""))));
        mvc.perform(inPanel(post("/console/customers/" + id + "/tags/new")).param("tagText", "VIP")
                        .param("tagHexColor", "#ffd700").param("tagLink", "ftp://nope")
                        .param("tagActiveDate", "2025-01-01T00:00").param("tagDeactivateDate", "2099-01-01T00:00"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "tagLink"));
        mvc.perform(inPanel(post("/console/customers/" + id + "/tags/new")).param("tagText", "VIP")
                        .param("tagHexColor", "#ffd700").param("tagLink", "https://example.com/vip")
                        .param("tagActiveDate", "2025-01-01T00:00").param("tagDeactivateDate", "2099-01-01T00:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("The tag is added."),
                        containsString("background-color:#FFD700;color:#111827"),
                        containsString("id=\"customer-header\""), containsString("hx-swap-oob=\"true\""),
                        containsString("data-testid=\"tag-pill\""), containsString("data-state=\"active\""))));

        List<TagsTabController.TagRow> tags = modelValue(get("/console/customers/" + id + "/tags").with(Api.as(CRM_STAFF)), "tags");
        long tagId = tags.get(0).tag().tagId();
        mvc.perform(inPanel(post("/console/customers/" + id + "/tags/" + tagId + "/deactivate")))
                .andExpect(content().string(allOf(containsString("The tag is deactivated."),
                        containsString("data-state=\"ended\""), not(containsString("data-testid=\"tag-pill\"")))));
        mvc.perform(get("/console/customers/" + id + "/details").with(Api.as(CRM_STAFF)))
                .andExpect(content().string(not(containsString("data-testid=\"tag-pills\""))));
    }

    @Test
    void aTagWhoseEndComesBeforeItsStartIsRefused() throws Exception {
        long id = crm.customer(unique("Backwards"));
        mvc.perform(inPanel(post("/console/customers/" + id + "/tags/new")).param("tagText", "Later")
                        .param("tagHexColor", "#2B46D6")
                        .param("tagActiveDate", "2030-01-01T00:00").param("tagDeactivateDate", "2029-01-01T00:00"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "tagDeactivateDate"))
                .andExpect(content().string(containsString("must be after the start")));
    }

    // ---- attributes ----

    @Test
    void attributesAreAddedUpdatedByNameRenamedAndDeleted() throws Exception {
        long id = crm.customer(unique("Attributed"));

        mvc.perform(inPanel(post("/console/customers/" + id + "/attributes/new"))
                        .param("attributeName", "support tier").param("attributeValue", "gold"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("must be letters, digits, _ - or . without spaces")));
        mvc.perform(inPanel(post("/console/customers/" + id + "/attributes/new"))
                        .param("attributeName", "support_tier").param("attributeValue", "gold"))
                .andExpect(content().string(allOf(containsString("support_tier"), containsString("gold"))));
        // the same name again updates the value (the guide's create-or-update)
        mvc.perform(inPanel(post("/console/customers/" + id + "/attributes/new"))
                        .param("attributeName", "support_tier").param("attributeValue", "platinum"));
        List<AttributeView> attributes = modelValue(get("/console/customers/" + id + "/attributes").with(Api.as(CRM_STAFF)), "attributes");
        assertThat(attributes).singleElement().satisfies(a -> assertThat(a.attributeValue()).isEqualTo("platinum"));

        long attributeId = attributes.get(0).attributeId();
        mvc.perform(get("/console/customers/" + id + "/attributes/" + attributeId + "/edit").with(Api.as(CRM_STAFF)).param("lang", "en"))
                .andExpect(content().string(containsString("Renaming creates a new key")));
        mvc.perform(inPanel(post("/console/customers/" + id + "/attributes/" + attributeId + "/edit"))
                        .param("attributeName", "support_level").param("attributeValue", "x".repeat(151)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "attributeValue"));
        mvc.perform(inPanel(post("/console/customers/" + id + "/attributes/" + attributeId + "/edit"))
                        .param("attributeName", "support_level").param("attributeValue", "platinum"))
                .andExpect(content().string(containsString("support_level")));
        mvc.perform(inPanel(post("/console/customers/" + id + "/attributes/" + attributeId + "/delete")))
                .andExpect(content().string(containsString("data-testid=\"no-attributes\"")));
    }

    // ---- activity ----

    @Test
    void activityShowsEachChangeNewestFirstWithWhoAndWhatChanged() throws Exception {
        long id = crm.customer(unique("Audited"));
        mvc.perform(inPanel(post("/console/customers/" + id + "/sites/new")).param("siteName", "Logged Site")
                .param("latitude", "40.416775").param("longitude", "-3.70379").param("country", "ES"));

        mvc.perform(get("/console/customers/" + id + "/activity").with(Api.as(CRM_STAFF)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(view().name(CustomerPage.VIEW))
                .andExpect(content().string(allOf(containsString("Added site Logged Site"),
                        containsString(CRM_STAFF.username()), containsString(">Web<"), containsString(">API<"),
                        containsString("site_name"), containsString("<ins>Logged Site</ins>"))));
        Page<ActivityEntry> entries = modelValue(get("/console/customers/" + id + "/activity").with(Api.as(CRM_STAFF)), "entries");
        assertThat(entries.getContent()).extracting(ActivityEntry::action).containsExactly("CREATED", "CREATED");
        assertThat(entries.getContent().get(0).entityType()).isEqualTo("customer_site");

        Page<ActivityEntry> sitesOnly = modelValue(get("/console/customers/" + id + "/activity").param("type", "customer_site")
                .with(Api.as(CRM_STAFF)), "entries");
        assertThat(sitesOnly.getContent()).extracting(ActivityEntry::entityType).containsOnly("customer_site");
        mvc.perform(get("/console/customers/" + id + "/activity").with(Api.as(Api.staff("view_customer"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void activityPagesTwentyAtATime() throws Exception {
        long id = crm.customer(unique("Busy"));
        for (int i = 0; i < 21; i++) {
            crm.attribute(id, "counter", String.valueOf(i));
        }
        mvc.perform(get("/console/customers/" + id + "/activity").with(Api.as(CRM_STAFF)).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("1–20 of 22"), containsString("data-testid=\"pager-next\""))));
        mvc.perform(inPanel(get("/console/customers/" + id + "/activity")).param("page", "2"))
                .andExpect(view().name("console/customers/activity :: panel"))
                .andExpect(content().string(allOf(containsString("21–22 of 22"), containsString("Created customer"))));
    }
}
