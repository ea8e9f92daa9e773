package io.switchboard.console.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.switchboard.identity.PasswordPolicy;
import io.switchboard.identity.RoleAdministration;
import io.switchboard.identity.RoleProfile;
import io.switchboard.identity.UserAdministration;
import io.switchboard.identity.UserProfile;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/** The console's user and role administration over MockMvc, on identity's real users and roles. */
@SwitchboardIntegrationTest
class UserAndRolePagesIntegrationTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestLogins logins;

    @Autowired
    UserAdministration users;

    @Autowired
    RoleAdministration roles;

    MockMvc mvc;
    Authentication admin;

    @BeforeEach
    void setUp() {
        mvc = Api.mvc(context);
        admin = logins.authentication(logins.withRoles("admin"));
    }

    RequestPostProcessor asAdmin() {
        return authentication(admin);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Reads identity as the admin (outside a request nobody is signed in). */
    <T> T asAdmin(java.util.function.Supplier<T> read) {
        SecurityContextHolder.getContext().setAuthentication(admin);
        try {
            return read.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    // ---- users ----

    @Test
    void aUserWhoNeverSignedInCanBeSentTheWelcomeEmailOnceADay() throws Exception {
        var newcomer = logins.withRoles("finance");
        mvc.perform(get("/console/users/" + newcomer.id()).with(asAdmin()).param("lang", "en"))
                .andExpect(content().string(containsString("data-testid=\"send-welcome-email\"")));

        mvc.perform(post("/console/users/" + newcomer.id() + "/welcome-email").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/console/users/" + newcomer.id()))
                .andExpect(flash().attribute("notice", "users.welcomeSent"));
        mvc.perform(post("/console/users/" + newcomer.id() + "/welcome-email").with(csrf()).with(asAdmin()))
                .andExpect(flash().attribute("notice", "users.welcomeAlreadySent"));
    }


    @Test
    void onlyAdminsManageUsersAndRoles() throws Exception {
        var support = logins.authentication(logins.withRoles("support"));
        mvc.perform(get("/console/users").with(authentication(support))).andExpect(status().isForbidden());
        mvc.perform(get("/console/roles").with(authentication(support))).andExpect(status().isForbidden());
        mvc.perform(post("/console/users/new").with(csrf()).with(authentication(support))).andExpect(status().isForbidden());
        mvc.perform(get("/console").with(authentication(support)).param("lang", "en"))
                .andExpect(content().string(not(containsString("href=\"/console/users\""))));
        mvc.perform(get("/console").with(asAdmin()).param("lang", "en"))
                .andExpect(content().string(containsString("href=\"/console/users\"")));
    }

    @Test
    void theListFindsUsersAsYouType() throws Exception {
        var carla = logins.withRoles("support");
        mvc.perform(get("/console/users").param("search", carla.username()).with(asAdmin()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(view().name(UsersController.LIST_VIEW))
                .andExpect(content().string(allOf(containsString(carla.email()), containsString(">Support<"),
                        containsString("data-testid=\"new-user\""))));
        mvc.perform(get("/console/users").param("search", carla.username()).header("HX-Request", "true").with(asAdmin()))
                .andExpect(view().name(UsersController.RESULTS_FRAGMENT))
                .andExpect(content().string(allOf(startsWith("<div id=\"user-results\""), containsString(carla.email()))));
        mvc.perform(get("/console/users").param("search", carla.username()).param("role", "finance").with(asAdmin()))
                .andExpect(content().string(containsString("data-testid=\"no-users\"")));
        mvc.perform(get("/console/users").param("search", carla.username()).param("role", "no-such-role").with(asAdmin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"no-users\"")));
    }

    @Test
    void aNewUserGetsATemporaryPasswordShownOnce() throws Exception {
        var form = mvc.perform(get("/console/users/new").with(asAdmin())).andExpect(status().isOk()).andReturn();
        var input = (UserInput) form.getModelAndView().getModel().get("input");
        assertThat(PasswordPolicy.unmetRules(input.getPassword())).isEmpty();
        assertThat(input.isMustChangePassword()).isTrue();

        String username = unique("nora");
        var created = mvc.perform(post("/console/users/new").with(csrf()).with(asAdmin())
                        .param("username", username).param("email", username + "@example.com")
                        .param("firstName", "Nora").param("lastName", "Vidal").param("phoneNumber", "+34 600 123 123")
                        .param("role", "customer-care", "support").param("password", input.getPassword())
                        .param("mustChangePassword", "true").param("_mustChangePassword", "on"))
                .andExpect(redirectedUrlPattern("/console/users/*"))
                .andExpect(flash().attribute("shownPassword", input.getPassword()))
                .andExpect(flash().attribute("notice", "users.created.temporary"))
                .andReturn();
        String page = created.getResponse().getRedirectedUrl();
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        UserProfile profile = asAdmin(() -> users.get(id));
        assertThat(profile.passwordChangeRequired()).isTrue();
        assertThat(profile.roleDetails()).extracting(UserProfile.RoleRef::groupId).containsExactlyInAnyOrder("customer-care", "support");

        mvc.perform(get(page).with(asAdmin()).flashAttr("shownPassword", input.getPassword())
                        .flashAttr("notice", "users.created.temporary").param("lang", "en"))
                // the page holds the password HTML-escaped (a generated one may contain & or <)
                .andExpect(content().string(allOf(containsString(HtmlUtils.htmlEscape(input.getPassword())),
                        containsString("data-testid=\"shown-password\""), containsString("Temporary password"),
                        containsString("Nora Vidal"))));
        mvc.perform(get(page).with(asAdmin()))
                .andExpect(content().string(allOf(not(containsString(HtmlUtils.htmlEscape(input.getPassword()))),
                        not(containsString("data-testid=\"shown-password\"")))));
    }

    @Test
    void aRefusedNewUserComesBackWithTheErrorsNextToTheFields() throws Exception {
        var taken = logins.withRoles("support");
        mvc.perform(post("/console/users/new").with(csrf()).with(asAdmin()).param("lang", "en")
                        .param("username", taken.username()).param("email", unique("x") + "@example.com")
                        .param("firstName", "Dup").param("lastName", "Licate").param("role", "support")
                        .param("password", "Str0ng-Passw0rd"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(view().name(UsersController.NEW_VIEW))
                .andExpect(model().attributeHasFieldErrors("input", "username"))
                .andExpect(content().string(allOf(containsString("data-testid=\"error-username\""),
                        containsString("is already taken"))));
        mvc.perform(post("/console/users/new").with(csrf()).with(asAdmin())
                        .param("username", unique("weak")).param("email", unique("w") + "@example.com")
                        .param("firstName", "Weak").param("lastName", "Password").param("role", "support")
                        .param("password", "password"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "password"));
        mvc.perform(post("/console/users/new").with(csrf()).with(asAdmin()).param("lang", "es")
                        .param("username", unique("noroles")).param("email", unique("n") + "@example.com")
                        .param("firstName", "No").param("lastName", "Roles").param("password", "Str0ng-Passw0rd"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "role"))
                .andExpect(content().string(containsString("elige al menos un rol")));
    }

    @Test
    void anAdminEditsAUsersRolesAndDetails() throws Exception {
        var user = logins.withRoles("support");
        mvc.perform(get("/console/users/" + user.id() + "/edit").with(asAdmin()))
                .andExpect(content().string(allOf(containsString("name=\"role\""), containsString("readonly"))));
        mvc.perform(post("/console/users/" + user.id() + "/edit").with(csrf()).with(asAdmin())
                        .param("email", user.email()).param("firstName", "Renamed").param("lastName", "Person")
                        .param("role", "finance").param("enabled", "true").param("_enabled", "on"))
                .andExpect(redirectedUrl("/console/users/" + user.id()))
                .andExpect(flash().attribute("notice", "users.saved"));
        UserProfile profile = asAdmin(() -> users.get(user.id()));
        assertThat(profile.firstName()).isEqualTo("Renamed");
        assertThat(profile.roleDetails()).extracting(UserProfile.RoleRef::groupId).containsExactly("finance");

        mvc.perform(post("/console/users/" + user.id() + "/edit").with(csrf()).with(asAdmin()).param("lang", "en")
                        .param("email", "not-an-email").param("firstName", "X").param("lastName", "Y").param("role", "finance"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "email"))
                .andExpect(content().string(containsString("must be an email address")));
    }

    @Test
    void resettingAPasswordAsksFirstThenShowsATemporaryOne() throws Exception {
        var user = logins.withRoles("support");
        mvc.perform(get("/console/users/" + user.id() + "/reset-password").with(asAdmin()).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("data-testid=\"confirm-reset\""),
                        containsString(user.email()))));
        var reset = mvc.perform(post("/console/users/" + user.id() + "/reset-password").with(csrf()).with(asAdmin()))
                .andExpect(redirectedUrl("/console/users/" + user.id()))
                .andReturn();
        String temporary = (String) reset.getFlashMap().get("shownPassword");
        assertThat(PasswordPolicy.unmetRules(temporary)).isEmpty();
        assertThat(asAdmin(() -> users.get(user.id())).passwordChangeRequired()).isTrue();
    }

    @Test
    void usersAreDisabledEnabledDeletedAndRestored() throws Exception {
        var user = logins.withRoles("support");
        String page = "/console/users/" + user.id();
        mvc.perform(post(page + "/disable").with(csrf()).with(asAdmin())).andExpect(redirectedUrl(page));
        assertThat(asAdmin(() -> users.get(user.id())).enabled()).isFalse();
        mvc.perform(get(page).with(asAdmin())).andExpect(content().string(containsString("data-testid=\"enable-user\"")));
        mvc.perform(post(page + "/enable").with(csrf()).with(asAdmin())).andExpect(redirectedUrl(page));
        mvc.perform(post(page + "/delete").with(csrf()).with(asAdmin()))
                .andExpect(flash().attribute("notice", "users.deleted"));
        assertThat(asAdmin(() -> users.get(user.id())).deleted()).isTrue();
        mvc.perform(get(page).with(asAdmin()))
                .andExpect(content().string(allOf(containsString("data-testid=\"restore-user\""),
                        not(containsString("data-testid=\"edit-user\"")))));
        mvc.perform(get("/console/users").param("search", user.username()).param("status", "deleted").with(asAdmin()))
                .andExpect(content().string(containsString(user.email())));
        mvc.perform(post(page + "/restore").with(csrf()).with(asAdmin()))
                .andExpect(flash().attribute("notice", "users.restored"));
        assertThat(asAdmin(() -> users.get(user.id())).deleted()).isFalse();
    }

    // ---- roles ----

    @Test
    void rolesAreListedCreatedGrantedAndDeleted() throws Exception {
        mvc.perform(get("/console/roles").with(asAdmin()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(">Customer Care<"), containsString(">Coordinator<"),
                        containsString("Built in"))));

        String name = unique("Tier 2 ");
        var created = mvc.perform(post("/console/roles/new").with(csrf()).with(asAdmin())
                        .param("name", name).param("description", "Second line"))
                .andExpect(redirectedUrlPattern("/console/roles/*"))
                .andReturn();
        String page = created.getResponse().getRedirectedUrl();
        long roleId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        mvc.perform(get(page).with(asAdmin()).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("No permissions yet"),
                        containsString("data-permission=\"view_customer_site\""), containsString("data-testid=\"grant-form\""))));

        mvc.perform(post(page + "/permissions").with(csrf()).with(asAdmin()).param("permissionIds", "10", "20"))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("notice", "roles.permissions.added"));
        RoleProfile role = asAdmin(() -> roles.get(roleId));
        assertThat(role.permissions()).extracting(p -> p.name()).containsExactly("view_customer", "view_customer_site");
        mvc.perform(get(page).with(asAdmin()))
                .andExpect(content().string(allOf(containsString("data-testid=\"remove-view_customer_site\""),
                        containsString(">customer_site<"))));

        mvc.perform(post(page + "/permissions").with(csrf()).with(asAdmin()))
                .andExpect(flash().attribute("problem", "roles.permissions.noneChosen"));
        mvc.perform(post(page + "/permissions/20/delete").with(csrf()).with(asAdmin()))
                .andExpect(flash().attribute("notice", "roles.permissions.removed"));
        assertThat(asAdmin(() -> roles.get(roleId)).permissions()).extracting(p -> p.name()).containsExactly("view_customer");

        mvc.perform(post(page + "/delete").with(csrf()).with(asAdmin())).andExpect(redirectedUrl("/console/roles"));
        mvc.perform(get(page).with(asAdmin())).andExpect(status().isNotFound());
    }

    @Test
    void builtInRolesKeepTheirNames() throws Exception {
        long careId = asAdmin(() -> roles.list(io.switchboard.shared.PageQuery.of(1, 100, "name", "asc", null)).getContent()
                .stream().filter(r -> r.groupId().equals("customer-care")).findFirst().orElseThrow().id());
        mvc.perform(get("/console/roles/" + careId).with(asAdmin()))
                .andExpect(content().string(allOf(not(containsString("data-testid=\"delete-role\"")),
                        containsString("data-testid=\"edit-role\""))));
        mvc.perform(post("/console/roles/" + careId + "/edit").with(csrf()).with(asAdmin())
                        .param("name", "Renamed Care").param("description", "x"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "name"));
        mvc.perform(post("/console/roles/new").with(csrf()).with(asAdmin()).param("name", " "))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(model().attributeHasFieldErrors("input", "name"));
    }
}
