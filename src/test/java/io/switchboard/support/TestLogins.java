package io.switchboard.support;

import io.switchboard.identity.NewUser;
import io.switchboard.identity.RoleAdministration;
import io.switchboard.identity.NewRole;
import io.switchboard.identity.UserAdministration;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.security.ActorAuthentication;
import io.switchboard.identity.security.ApiSessions;
import io.switchboard.shared.Actor;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Users for integration tests, through the real identity module: create a user with some roles (names or group
 * ids, e.g. {@code "support"}) or with exactly some permissions, then get a bearer token, ready
 * {@link HttpHeaders}, or an {@link Authentication} for MockMvc. Every user is new (unique username), so tests
 * never share state. Use from any {@code @SwitchboardIntegrationTest}: {@code @Autowired TestLogins logins;}
 *
 * <pre>
 * var headers = logins.bearerFor("support");                       // TestRestTemplate
 * http.exchange("/crm/customers", GET, new HttpEntity&lt;&gt;(headers), String.class);
 * mvc.perform(get("/crm/customers").with(authentication(logins.authentication(logins.withPermissions("view_customer")))));
 * </pre>
 */
@Component
public class TestLogins {

    /** The password of every user made here; it meets the password policy. */
    public static final String PASSWORD = "Test-Passw0rd!";

    private final UserAdministration users;
    private final RoleAdministration roles;
    private final ApiSessions sessions;
    private final SignInStates states;
    private final JdbcClient jdbc;

    TestLogins(UserAdministration users, RoleAdministration roles, ApiSessions sessions, SignInStates states,
            JdbcClient jdbc) {
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.states = states;
        this.jdbc = jdbc;
    }

    /** A user made for a test. */
    public record TestUser(long id, String username, String email, String password) {}

    /** A new user holding these roles (names or group ids such as {@code admin}, {@code customer-care}). */
    public TestUser withRoles(String... roleNames) {
        String username = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String email = username + "@test.switchboard";
        var profile = users.create(new NewUser(username, email, PASSWORD, "Test", null, "User " + username, null,
                List.of(roleNames), null, false));
        return new TestUser(profile.id(), username, email, PASSWORD);
    }

    /**
     * A new customer user of {@code customerId} (their {@code Actor.customerId()}), linked to {@code contactId}
     * directly in the database, so it works whether or not a {@code CustomerContacts} implementation exists.
     * Typical roles: {@code customer}, {@code customer-admin}.
     */
    public TestUser forCustomer(long customerId, long contactId, String... roleNames) {
        TestUser user = withRoles(roleNames);
        jdbc.sql("UPDATE users SET contact_id = :contact, customer_id = :customer WHERE id = :id")
                .param("contact", contactId).param("customer", customerId).param("id", user.id()).update();
        return user;
    }

    /** A new user with exactly these permissions, through a role made for them alone. */
    public TestUser withPermissions(String... permissions) {
        var role = roles.create(new NewRole("test role " + UUID.randomUUID(), "made by TestLogins"));
        if (permissions.length > 0) {
            var ids = jdbc.sql("SELECT id FROM permissions WHERE name IN (:names)")
                    .param("names", Arrays.asList(permissions)).query(Long.class).list();
            if (ids.size() != permissions.length) {
                throw new IllegalArgumentException("Unknown permission among " + Arrays.toString(permissions));
            }
            roles.addPermissions(role.id(), ids);
        }
        return withRoles(role.groupId());
    }

    /** A fresh access token (JWT) for the user, as {@code POST /crm/auth/login} would return it. */
    public String token(TestUser user) {
        return sessions.issueFor(user.id()).token();
    }

    /** {@code Authorization: Bearer ...} plus JSON content type and accept headers. */
    public HttpHeaders bearer(TestUser user) {
        var headers = new HttpHeaders();
        headers.setBearerAuth(token(user));
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    /** Headers of a new user holding these roles. */
    public HttpHeaders bearerFor(String... roleNames) {
        return bearer(withRoles(roleNames));
    }

    /** The user's actor as the security chain builds it (permissions read now). */
    public Actor actor(TestUser user) {
        return states.find(user.id()).orElseThrow().actor();
    }

    /** For MockMvc: principal = the actor, authorities = its permissions, as the real chain does it. */
    public Authentication authentication(TestUser user) {
        Actor actor = actor(user);
        return new UsernamePasswordAuthenticationToken(actor, null,
                ActorAuthentication.authorities(actor.permissions()));
    }
}
