package io.switchboard.customer;

import static io.switchboard.customer.CrmFixtures.CRM_ADMIN;
import static io.switchboard.customer.CrmFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** C-SC-03..05: what a customer user sees of and may change on their own account. */
@SwitchboardIntegrationTest
class AccountSelfServiceIntegrationTests {

    @Autowired WebApplicationContext context;
    @Autowired Contacts contacts;
    @Autowired AccountSelfService account;

    MockMvc mvc;
    CrmFixtures crm;
    long customer;
    long contact;
    Actor user;

    @BeforeEach
    void setUp() throws Exception {
        mvc = Api.mvc(context);
        crm = new CrmFixtures(mvc);
        customer = crm.customer(unique("Self Service"), "{\"customer_notes\": \"staff only\"}");
        contact = crm.contact(customer, "Owner");
        crm.contact(customer, "Partner");
        crm.site(customer, "Home");
        user = Api.customerUser(customer, "view_own_customer");
        contacts.linkUser(contact, user.userId());
    }

    @Test
    void aCustomerUserReadsTheirAccountAndChangesOnlyTheirOwnPhone() throws Exception {
        mvc.perform(get("/crm/account").with(Api.as(user)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customer.customer_id").value(customer))
                .andExpect(jsonPath("$.customer.customer_notes").value(nullValue()))
                .andExpect(jsonPath("$.my_contact.contact_id").value(contact))
                .andExpect(jsonPath("$.contacts", hasSize(2)))
                .andExpect(jsonPath("$.sites", hasSize(1)));
        mvc.perform(patch("/crm/account/contact").with(Api.as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact_phone\": \"+34 600 123 456\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact_phone").value("+34 600 123 456"));
        mvc.perform(patch("/crm/account/contact").with(Api.as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact_email\": \"new@example.com\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact_email"));
        mvc.perform(patch("/crm/account/contact").with(Api.as(user)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact_phone\": \"ring ring\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("contact_phone"));
        mvc.perform(get("/crm/activity/customer_id/" + customer).with(Api.as(CRM_ADMIN)))
                .andExpect(jsonPath("$.data[0].actor_username").value(user.username()))
                .andExpect(jsonPath("$.data[0].changes.contact_phone.after").value("+34 600 123 456"));
    }

    @Test
    void staffAndUnlinkedUsersHaveNoSelfServiceAccount() throws Exception {
        mvc.perform(get("/crm/account").with(Api.as(CRM_ADMIN))).andExpect(status().isForbidden());
        var stranger = Api.customerUser(customer, "view_own_customer");
        mvc.perform(patch("/crm/account/contact").with(Api.as(stranger)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contact_phone\": \"123456\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void identityAppliesAVerifiedEmailOnlyForTheUserThemselvesOrAsAutomation() throws Exception {
        // no one signed in: the automation account, as identity's verification link handler runs
        assertThat(account.applyVerifiedEmail(user.userId(), "owner@new.example.com").contactEmail())
                .isEqualTo("owner@new.example.com");
        var other = Api.customerUser(customer, "view_own_customer");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(other, null, java.util.List.of()));
        try {
            assertThatThrownBy(() -> account.applyVerifiedEmail(user.userId(), "hijack@example.com"))
                    .isInstanceOf(AccessDeniedException.class);
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThatThrownBy(() -> account.applyVerifiedEmail(user.userId(), "broken"))
                .isInstanceOf(io.switchboard.shared.InvalidInputException.class);
        assertThat(contacts.findContact(contact)).get().extracting(ContactSummary::email)
                .isEqualTo("owner@new.example.com");
    }

    @Test
    void theActivityLogCannotBeWrittenOrDeletedThroughTheApi() throws Exception {
        var reader = new Actor(1L, "auditor", null, Set.of("view_customer_activity", "admin"), Set.of(), null);
        mvc.perform(delete("/crm/activity/customer_id/" + customer).with(Api.as(reader)))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(post("/crm/activity/customer_id/" + customer).with(Api.as(reader)))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(get("/crm/activity/customer_id/" + customer).with(Api.as(Api.staff("view_customer"))))
                .andExpect(status().isForbidden());
    }
}
