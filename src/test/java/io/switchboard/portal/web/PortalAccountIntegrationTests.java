package io.switchboard.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.customer.Contacts;
import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** The portal's account page for a real customer user (identity user linked to a customer contact). */
@SwitchboardIntegrationTest
class PortalAccountIntegrationTests {

    static final Actor CRM = Api.staff("view_customer", "create_customer", "view_customer_contact",
            "create_customer_contact", "view_customer_site", "create_customer_site");
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestLogins logins;

    @Autowired
    Contacts contacts;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    String customerName;
    long customerId;
    long contactId;
    Authentication ana;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Api.mvc(context);
        customerName = "Portal Customer " + UUID.randomUUID().toString().substring(0, 8);
        customerId = create("/crm/customer/", """
                {"customer_name": "%s", "customer_account_type": "Individual"}""".formatted(customerName), "customer_id");
        contactId = create("/crm/contact/", """
                {"customer_id": %d, "contact_firstname": "Ana", "contact_lastname": "Ruiz", "contact_email": "ana@example.com",
                 "contact_phone": "+34 600 111 222", "contact_types": ["Primary", "Billing"]}""".formatted(customerId), "contact_id");
        create("/crm/contact/", """
                {"customer_id": %d, "contact_firstname": "Bruno", "contact_types": ["Technical"]}""".formatted(customerId),
                "contact_id");
        create("/crm/site/", """
                {"customer_id": %d, "site_name": "Casa", "address_line_1": "Calle Mayor 1", "city": "Madrid",
                 "country": "ES", "latitude": 40.416775, "longitude": -3.70379}""".formatted(customerId), "site_id");
        var user = logins.forCustomer(customerId, contactId, "customer");
        contacts.linkUser(contactId, user.id());
        ana = logins.authentication(user);
    }

    long create(String path, String body, String id) throws Exception {
        var response = mvc.perform(put(path).with(Api.as(CRM)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(response).get(id).asLong();
    }

    @Test
    void aCustomerUserSeesTheirWholeAccount() throws Exception {
        mvc.perform(get("/portal/account").with(authentication(ana)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(view().name(PortalAccountController.VIEW))
                .andExpect(content().string(allOf(containsString(customerName), containsString("Ana Ruiz"),
                        containsString("Bruno"), containsString("+34 600 111 222"), containsString("Casa"),
                        containsString("Calle Mayor 1"), containsString("Spain"), containsString(">You<"),
                        containsString("data-testid=\"edit-phone\""), containsString("href=\"/account/password\""),
                        containsString("data-site-map"), containsString("aria-current=\"page\""),
                        not(containsString("/camunda/")))));
    }

    @Test
    void theAccountSpeaksSpanish() throws Exception {
        mvc.perform(get("/portal/account").with(authentication(ana)).param("lang", "es"))
                .andExpect(content().string(allOf(containsString("Tu cuenta"), containsString("Número de cliente"),
                        containsString("Particular"), containsString("España"), containsString("Facturación"))));
    }

    @Test
    void theUserChangesTheirPhoneInPlace() throws Exception {
        mvc.perform(get("/portal/account/phone").with(authentication(ana)).header("HX-Request", "true"))
                .andExpect(view().name(PortalAccountController.CONTACT_FRAGMENT))
                .andExpect(content().string(allOf(startsWith("<section id=\"my-contact\""),
                        containsString("name=\"contactPhone\""), containsString("value=\"+34 600 111 222\""))));
        mvc.perform(post("/portal/account/phone").with(csrf()).with(authentication(ana)).header("HX-Request", "true")
                        .param("contactPhone", "call me maybe").param("lang", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "contactPhone"))
                .andExpect(content().string(containsString("must be a phone number")));
        mvc.perform(post("/portal/account/phone").with(csrf()).with(authentication(ana)).header("HX-Request", "true")
                        .param("contactPhone", "+34 699 000 111").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Your phone number is saved."),
                        containsString("+34 699 000 111"), not(containsString("name=\"contactPhone\"")))));
        assertThat(jdbc.queryForObject("SELECT contact_phone FROM customer_contact WHERE contact_id = ?", String.class,
                contactId)).isEqualTo("+34 699 000 111");
        // recorded as the user's own change, made on the web
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM activity_log WHERE entity_type = 'customer_contact' AND entity_id = ? AND channel = 'WEB'
                  AND summary LIKE 'Changed own phone number%'""", Long.class, String.valueOf(contactId))).isEqualTo(1);
    }

    @Test
    void withoutJavaScriptThePhoneFormIsAPageAndARedirect() throws Exception {
        mvc.perform(get("/portal/account/phone").with(authentication(ana)))
                .andExpect(view().name(PortalAccountController.VIEW))
                .andExpect(content().string(containsString("data-testid=\"phone-form\"")));
        mvc.perform(post("/portal/account/phone").with(csrf()).with(authentication(ana)).param("contactPhone", ""))
                .andExpect(redirectedUrl("/portal/account"))
                .andExpect(flash().attribute("notice", "portal.account.phoneSaved"));
        assertThat(jdbc.queryForObject("SELECT contact_phone FROM customer_contact WHERE contact_id = ?", String.class,
                contactId)).isNull();
    }

    @Test
    void staffAreSentToTheConsoleAndCannotUseTheSelfService() throws Exception {
        var staff = logins.authentication(logins.withRoles("customer-care"));
        mvc.perform(get("/portal/account").with(authentication(staff))).andExpect(redirectedUrl("/console"));
        mvc.perform(post("/portal/account/phone").with(csrf()).with(authentication(staff)).param("contactPhone", "1234"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCustomerUserWithoutAContactIsToldHowToGetLinked() throws Exception {
        var unlinked = logins.authentication(logins.withRoles("customer"));
        mvc.perform(get("/portal/account").with(authentication(unlinked)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-testid=\"account-unlinked\""),
                        containsString("Your account is not linked yet"))));
    }

    @Test
    void aCustomerUserCannotOpenTheConsoleNorAnotherCustomer() throws Exception {
        long other = create("/crm/customer/", """
                {"customer_name": "Someone Else", "customer_account_type": "Business"}""", "customer_id");
        mvc.perform(get("/console").with(authentication(ana))).andExpect(redirectedUrl("/portal"));
        mvc.perform(get("/console/customers/" + other).with(authentication(ana))).andExpect(status().isForbidden());
        mvc.perform(get("/console/customers/" + customerId).with(authentication(ana))).andExpect(status().isForbidden());
        mvc.perform(get("/crm/customer/customer_id/" + other).with(authentication(ana))).andExpect(status().isNotFound());
    }
}
