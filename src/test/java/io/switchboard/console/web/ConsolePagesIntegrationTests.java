package io.switchboard.console.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.switchboard.platform.web.WebLocaleConfiguration;
import io.switchboard.shared.Actor;
import io.switchboard.support.SwitchboardIntegrationTest;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

@SwitchboardIntegrationTest
class ConsolePagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static Authentication signedIn(Actor actor) {
        return new UsernamePasswordAuthenticationToken(actor, null,
                AuthorityUtils.createAuthorityList(actor.permissions().toArray(String[]::new)));
    }

    static Actor staff(String username, Set<String> permissions, Set<String> roles) {
        return new Actor(11L, username, null, permissions, roles, null);
    }

    static Actor customerUser(String username) {
        return new Actor(12L, username, 99L, Set.of("view_own_customer"), Set.of("customer"), null);
    }

    @Test
    void rootSendsAnonymousVisitorsToSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void rootSendsStaffToTheConsoleAndCustomersToThePortal() throws Exception {
        mvc.perform(get("/").with(authentication(signedIn(staff("carla", Set.of("view_customer"), Set.of("support"))))))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(get("/").with(authentication(signedIn(customerUser("ana")))))
                .andExpect(redirectedUrl("/portal"));
        var roleOnly = new Actor(13L, "bob", null, Set.of(), Set.of("customer"), null);
        mvc.perform(get("/").with(authentication(signedIn(roleOnly)))).andExpect(redirectedUrl("/portal"));
    }

    @Test
    void consoleHomeGreetsTheSignedInUserInsideTheShell() throws Exception {
        var actor = staff("carla.staff", Set.of("view_customer"), Set.of("support", "customer care"));
        mvc.perform(get("/console").with(authentication(signedIn(actor))).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(view().name(ConsoleHomeController.VIEW))
                .andExpect(content().string(allOf(
                        containsString("<html lang=\"en\">"),
                        containsString("Welcome, carla.staff"),
                        containsString("<meta name=\"_csrf\" content=\""),
                        containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">"),
                        containsString("/webjars/htmx.org/dist/htmx.min.js"),
                        containsString("href=\"/camunda/app/tasklist/\""),
                        containsString("href=\"/camunda/app/cockpit/\""),
                        containsString("href=\"/crm/docs\""),
                        containsString(">Customers<"),
                        containsString("<form method=\"post\" action=\"/logout\">"),
                        containsString("name=\"_csrf\""),
                        containsString(">customer care<"),
                        containsString("1 permission"))))
                // Users & roles is for admins only
                .andExpect(content().string(not(containsString("Users &amp; roles"))));
    }

    @Test
    void adminsSeeUsersAndRoles() throws Exception {
        var admin = staff("root", Set.of("admin", "view_customer"), Set.of("admin"));
        mvc.perform(get("/console").with(authentication(signedIn(admin))).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Users &amp; roles")));
    }

    @Test
    void customersAreSentFromTheConsoleToThePortal() throws Exception {
        mvc.perform(get("/console").with(authentication(signedIn(customerUser("ana")))))
                .andExpect(redirectedUrl("/portal"));
    }

    @Test
    void consoleSpeaksSpanishOnRequestAndRemembersIt() throws Exception {
        var actor = staff("carla", Set.of(), Set.of());
        var chosen = mvc.perform(get("/console").param("lang", "es").with(authentication(signedIn(actor))))
                .andExpect(status().isOk())
                .andExpect(cookie().value(WebLocaleConfiguration.COOKIE, "es"))
                .andExpect(content().string(allOf(containsString("<html lang=\"es\">"), containsString("Hola, carla"),
                        containsString("Cerrar sesión"), containsString("Ningún permiso"))))
                .andReturn();
        Cookie remembered = chosen.getResponse().getCookie(WebLocaleConfiguration.COOKIE);
        mvc.perform(get("/console").cookie(remembered).header("Accept-Language", "en")
                        .with(authentication(signedIn(actor))))
                .andExpect(content().string(containsString("Hola, carla")));
    }

    @Test
    void loginPageHasTheFormSpringSecurityExpects() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<form method=\"post\" action=\"/login\""),
                        containsString("name=\"username\""),
                        containsString("name=\"password\""),
                        containsString("name=\"remember-me\""),
                        containsString("type=\"hidden\" name=\"_csrf\""),
                        containsString("href=\"?lang=es\""),
                        not(containsString("data-testid=\"login-error\"")))));
    }

    @Test
    void loginPageIsOpenToAnonymousVisitorsWhateverTheQuery() throws Exception {
        mvc.perform(get("/login?lang=es")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Iniciar sesión")));
        mvc.perform(get("/login?error")).andExpect(status().isOk());
    }

    @Test
    void loginPageExplainsAFailedSignInAndASignOut() throws Exception {
        mvc.perform(get("/login").param("error", "").param("lang", "en"))
                .andExpect(content().string(allOf(containsString("data-testid=\"login-error\""),
                        containsString("That email or password is not right"))));
        mvc.perform(get("/login").param("logout", "").param("lang", "es"))
                .andExpect(content().string(allOf(containsString("data-testid=\"login-logout\""),
                        containsString("Has cerrado la sesión."), containsString("<html lang=\"es\">"))));
    }

    @Test
    void signingOutIsAPostWithCsrf() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
                        .with(authentication(signedIn(staff("carla", Set.of(), Set.of())))))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .with(authentication(signedIn(staff("carla", Set.of(), Set.of())))))
                .andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void browsersGetAFriendlyErrorPage() throws Exception {
        var actor = staff("carla", Set.of(), Set.of());
        mvc.perform(get("/error").with(authentication(signedIn(actor))).param("lang", "en")
                        .accept("text/html")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/console/nowhere"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("We can&#39;t find that page"),
                        containsString("Error 404"), containsString("/console/nowhere"))));
        mvc.perform(get("/error").with(authentication(signedIn(actor))).param("lang", "es")
                        .accept("text/html")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("No tienes acceso a esta página")));
        mvc.perform(get("/error").with(authentication(signedIn(actor))).param("lang", "en")
                        .accept("text/html")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong on our side")));
    }

    @Test
    void frontEndLibrariesAreServedFromTheirWebjars() throws Exception {
        for (String path : new String[] {"/webjars/htmx.org/dist/htmx.min.js", "/webjars/leaflet/dist/leaflet.js",
                "/webjars/leaflet/dist/leaflet.css", "/webjars/leaflet/dist/images/marker-icon.png",
                "/webjars/leaflet/dist/images/marker-icon-2x.png", "/webjars/leaflet/dist/images/marker-shadow.png",
                "/css/app.css", "/js/app.js", "/js/site-map.js", "/js/plus-code.js", "/images/logo.svg",
                "/favicon.svg"}) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
    }
}
