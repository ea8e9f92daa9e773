package io.switchboard.notification.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.internal.OutgoingEmail;
import io.switchboard.shared.Actor;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SwitchboardIntegrationTest
class SandboxMailPageIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    SandboxMailbox mailbox;

    MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void listsCapturedMailNewestFirstWithRenderedSubjects() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        mailbox.capture(invoice("older-" + marker));
        mailbox.capture(invoice("newer-" + marker));

        String page = mvc.perform(get("/sandbox/mail").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(view().name(SandboxMailController.LIST_VIEW))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Your Invoice - INV-newer-" + marker).contains("Your Invoice - INV-older-" + marker)
                .doesNotContain("{{var:invoice_number}}")
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
        assertThat(page.indexOf("INV-newer-" + marker)).isLessThan(page.indexOf("INV-older-" + marker));
    }

    @Test
    void showsOneCapturedMailWithEveryVariable() throws Exception {
        long id = mailbox.capture(invoice("detail"));

        String page = mvc.perform(get("/sandbox/mail/{id}", id).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(view().name(SandboxMailController.DETAIL_VIEW))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Your Invoice - INV-detail", "billing@switchboard.local", "Bea &lt;bea@example.com&gt;",
                "Mailjet template 6759851", "pay_url", "https://pay.example/INV-detail", "invoice:INV-detail");
    }

    @Test
    void answersNotFoundForAnUnknownMail() throws Exception {
        mvc.perform(get("/sandbox/mail/{id}", Long.MAX_VALUE).with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void isForbiddenToStaffWithoutAdmin() throws Exception {
        mvc.perform(get("/sandbox/mail").with(as("view_customer"))).andExpect(status().isForbidden());
    }

    @Test
    void sendsAnonymousVisitorsToSignIn() throws Exception {
        mvc.perform(get("/sandbox/mail")).andExpect(status().is3xxRedirection());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor as(String... permissions) {
        var actor = new Actor(1L, "tester", null, Set.of(permissions), Set.of(), null);
        var authorities = java.util.Arrays.stream(permissions).map(SimpleGrantedAuthority::new).toList();
        return authentication(new UsernamePasswordAuthenticationToken(actor, null, authorities));
    }

    private static OutgoingEmail invoice(String number) {
        return new OutgoingEmail(EmailTemplate.CUSTOMER_INVOICE, 6759851, "billing@switchboard.local", "Switchboard",
                "bea@example.com", "Bea", "Your Invoice - {{var:invoice_number}}",
                Map.of("customer_name", "Bea", "invoice_number", "INV-" + number, "pay_url",
                        "https://pay.example/INV-" + number),
                "invoice:INV-" + number);
    }
}
