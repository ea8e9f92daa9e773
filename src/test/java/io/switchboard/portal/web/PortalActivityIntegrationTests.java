package io.switchboard.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.identity.ImpersonationFixtures;
import io.switchboard.identity.ImpersonationFixtures.CustomerUser;
import io.switchboard.identity.UserAdministration;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.WebBrowser;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's activity page (C-IMP-04) over real HTTP: a support agent impersonates a customer user through the
 * console's web flow, changes the phone and stops; the customer then reads the start, the change "on behalf of"
 * and the end on {@code /portal/activity}, with the agent named by first name only and no staff e-mail or IP
 * address anywhere in the page; another customer's entries never show, and the log is paged.
 */
@SwitchboardIntegrationTest
class PortalActivityIntegrationTests {

    private static final Pattern ENTRY = Pattern.compile("data-testid=\"activity-entry\"");

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired UserAdministration users;
    @Autowired JdbcClient jdbc;

    ImpersonationFixtures fixtures;
    CustomerUser target;

    @BeforeEach
    void setUp() {
        fixtures = new ImpersonationFixtures(http, logins, users);
        target = fixtures.customerUser("customer");
    }

    @Test
    void theCustomerSeesAnImpersonationAndWhatTheAgentDidOnTheirBehalf() {
        var agent = logins.withPermissions("can_impersonate", "view_customer", "view_customer_contact");
        var staff = signedIn(agent);
        var started = staff.submit(contactsTab(), "/console/impersonate", Map.of("user_id", String.valueOf(target.user().id())));
        assertThat(started.redirectPath()).isEqualTo("/portal");
        var changed = staff.submit("/portal/account", "/portal/account/phone", Map.of("contactPhone", "+34 600 123 456"));
        assertThat(changed.status()).isEqualTo(302);
        assertThat(staff.submit("/portal", "/impersonation/stop", Map.of()).status()).isEqualTo(302);
        // an entry whose logged summary carries an e-mail and an IP address (the staff-facing wording)
        fixtures.call(HttpMethod.POST, "/auth/forgot_password", Map.of("email", target.user().email()), (String) null);
        assertThat(jdbc.sql("SELECT count(*) FROM activity_log WHERE customer_id = :c AND summary LIKE '%127.0.0.1%'")
                .param("c", target.customerId()).query(Long.class).single()).isPositive();

        var customer = signedIn(target.user());
        var page = customer.get("/portal/activity?lang=en");
        assertThat(page.status()).isEqualTo(200);
        String name = target.firstName() + " Smith";
        assertThat(page.body()).contains("data-testid=\"nav-activity\"",
                "Support agent Test signed in as you (" + name + ")",
                "Support agent Test stopped acting as you (" + name + ")",
                "data-kind=\"impersonation-start\"", "data-kind=\"impersonation-end\"",
                "Support access started", "Support access ended",
                "on behalf of " + name,
                "Changed own phone number: " + name, // worded as logged: the customer's own data
                "A password reset link was sent to " + name,
                "Added contact " + target.firstName());
        // newest first: the end above the change above the start
        String body = page.body();
        assertThat(body.indexOf("stopped acting as you")).isLessThan(body.indexOf("on behalf of " + name));
        assertThat(body.indexOf("on behalf of " + name)).isLessThan(body.indexOf("signed in as you"));
        // never staff usernames (in the agent's surname here), e-mails or IP addresses
        assertThat(body).doesNotContain(agent.username(), agent.email(), "admin@test.local", "127.0.0.1",
                "0:0:0:0:0:0:0:1", target.user().email());

        var spanish = customer.get("/portal/activity?lang=es").body();
        assertThat(spanish).contains("Agente de soporte Test ha iniciado sesión como tú (" + name + ")",
                "Acceso de soporte terminado", "en nombre de " + name);

        // linked from the dashboard and the account page
        assertThat(customer.get("/portal?lang=en").body()).contains("data-testid=\"tile-activity\"");
        assertThat(customer.get("/portal/account?lang=en").body()).contains("data-testid=\"account-activity\"");
    }

    @Test
    void onlyTheCustomersOwnEntriesShowAndCustomerAdminsSeeThemToo() {
        var other = fixtures.customerUser("customer");
        var tag = fixtures.call(HttpMethod.PUT, "/crm/tag/", Map.of("customer_id", target.customerId(),
                "tag_text", "Late payer", "tag_hex_color", "#FF0000"), fixtures.admin());
        assertThat(tag.getStatusCode().value()).isEqualTo(200);

        var mine = signedIn(target.user()).get("/portal/activity?lang=en");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("Added contact " + target.firstName())
                .doesNotContain(other.firstName())
                // tags are staff labels: a plain customer user (no view_own_customer_tag) does not see them
                .doesNotContain("Late payer");

        long adminContact = ((Number) fixtures.call(HttpMethod.PUT, "/crm/contact/", Map.of("customer_id",
                target.customerId(), "contact_firstname", "Carla", "contact_lastname", "Admin"), fixtures.admin())
                .getBody().get("contact_id")).longValue();
        var admin = logins.forCustomer(target.customerId(), adminContact, "customer-admin");
        var adminPage = signedIn(admin).get("/portal/activity?lang=en");
        assertThat(adminPage.status()).isEqualTo(200);
        assertThat(adminPage.body()).contains("Added contact " + target.firstName(), "Late payer")
                .doesNotContain(other.firstName());

        var theirs = signedIn(other.user()).get("/portal/activity?lang=en").body();
        assertThat(theirs).contains("Added contact " + other.firstName()).doesNotContain(target.firstName());

        // staff go to the console; the page takes no customer from the request
        var staff = signedIn(logins.withRoles("admin"));
        assertThat(staff.get("/portal/activity").redirectPath()).isEqualTo("/console");
        assertThat(signedIn(target.user()).get("/portal/activity?customer_id=" + other.customerId() + "&lang=en").body())
                .doesNotContain(other.firstName());
    }

    @Test
    void theLogIsPagedNewestFirst() {
        for (int i = 0; i < 22; i++) {
            var patched = fixtures.call(HttpMethod.PATCH, "/crm/contact/contact_id/" + target.contactId(),
                    Map.of("contact_phone", "+34 600 000 " + (100 + i)), fixtures.admin());
            assertThat(patched.getStatusCode().value()).isEqualTo(200);
        }
        long total = jdbc.sql("SELECT count(*) FROM activity_log WHERE customer_id = :c AND entity_type <> 'api_key'")
                .param("c", target.customerId()).query(Long.class).single();
        assertThat(total).isGreaterThan(22);
        var customer = signedIn(target.user());

        var first = customer.get("/portal/activity?lang=en");
        assertThat(ENTRY.matcher(first.body()).results().count()).isEqualTo(20);
        assertThat(first.body()).contains("1–20 of " + total, "data-testid=\"pager-older\"", "/portal/activity?page=2")
                .doesNotContain("data-testid=\"pager-newer\"");

        var second = customer.get("/portal/activity?page=2&lang=en", Map.of("HX-Request", "true"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).doesNotContain("<html").contains("id=\"activity-log\"", "data-testid=\"pager-newer\"");
        assertThat(ENTRY.matcher(second.body()).results().count()).isEqualTo(Math.min(20, total - 20));
        // the oldest entry (the contact's creation) is on the last page, not the first
        assertThat(first.body()).doesNotContain("Added contact " + target.firstName());

        var beyond = customer.get("/portal/activity?page=999&lang=en");
        assertThat(beyond.status()).isEqualTo(200);
        assertThat(beyond.body()).contains("Added contact " + target.firstName());
        assertThat(customer.get("/portal/activity?page=abc").status()).isEqualTo(200);
    }

    private WebBrowser signedIn(TestLogins.TestUser user) {
        var browser = new WebBrowser(port);
        assertThat(browser.signIn(user.username(), user.password(), false).status()).isEqualTo(302);
        return browser;
    }

    private String contactsTab() {
        return "/console/customers/" + target.customerId() + "/contacts?lang=en";
    }
}
