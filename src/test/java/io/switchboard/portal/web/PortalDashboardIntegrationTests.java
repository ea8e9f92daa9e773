package io.switchboard.portal.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.switchboard.shared.Actor;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SwitchboardIntegrationTest
class PortalDashboardIntegrationTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static UsernamePasswordAuthenticationToken signedIn(Actor actor) {
        return new UsernamePasswordAuthenticationToken(actor, null,
                AuthorityUtils.createAuthorityList(actor.permissions().toArray(String[]::new)));
    }

    @Test
    void dashboardWelcomesTheCustomerUserByName() throws Exception {
        var ana = new Actor(21L, "ana@example.com", 5L, Set.of("view_own_customer"), Set.of("customer"), null);
        mvc.perform(get("/portal").with(authentication(signedIn(ana))).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(view().name(PortalDashboardController.VIEW))
                .andExpect(content().string(allOf(
                        containsString("Welcome, ana@example.com"),
                        containsString("aria-current=\"page\""),
                        containsString(">Dashboard<"), containsString(">Account<"), containsString(">Services<"),
                        containsString(">Billing<"), containsString(">Support<"),
                        containsString("<form method=\"post\" action=\"/logout\">"),
                        containsString("Nothing to show yet"),
                        // staff-only navigation never shows in the portal
                        not(containsString("/camunda/app/cockpit/")))));
    }

    @Test
    void dashboardSpeaksSpanish() throws Exception {
        var ana = new Actor(21L, "ana", 5L, Set.of(), Set.of("customer"), null);
        mvc.perform(get("/portal").with(authentication(signedIn(ana))).param("lang", "es"))
                .andExpect(content().string(allOf(containsString("Hola, ana"), containsString(">Facturación<"),
                        containsString("Todavía no hay nada que mostrar"))));
    }

    @Test
    void staffAreSentFromThePortalToTheConsole() throws Exception {
        var staff = new Actor(22L, "carla", null, Set.of("view_customer"), Set.of("support"), null);
        mvc.perform(get("/portal").with(authentication(signedIn(staff)))).andExpect(redirectedUrl("/console"));
    }
}
