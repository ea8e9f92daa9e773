package io.switchboard.identity;

import io.switchboard.support.TestLogins;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Customers, contacts and portal users for the impersonation tests, made through the real APIs: a customer with a
 * contact whose linked user is a customer user (so the contact shows as a portal user in the console).
 */
public final class ImpersonationFixtures {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final TestRestTemplate http;
    private final TestLogins logins;
    private final UserAdministration users;
    private final HttpHeaders admin;

    public ImpersonationFixtures(TestRestTemplate http, TestLogins logins, UserAdministration users) {
        this.http = http;
        this.logins = logins;
        this.users = users;
        this.admin = logins.bearerFor("admin");
    }

    /** A customer user: its customer, its contact and the user linked to that contact. */
    public record CustomerUser(long customerId, long contactId, TestLogins.TestUser user, String firstName) {}

    /** A new customer with one contact linked to a new customer user holding {@code role}. */
    public CustomerUser customerUser(String role) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long customerId = ((Number) call(HttpMethod.PUT, "/crm/customer/", Map.of("customer_name", "Imp Co " + suffix,
                "customer_account_type", "Business"), admin).getBody().get("customer_id")).longValue();
        String first = "Ann" + suffix;
        long contactId = ((Number) call(HttpMethod.PUT, "/crm/contact/", Map.of("customer_id", customerId,
                "contact_firstname", first, "contact_lastname", "Smith",
                "contact_email", "ann." + suffix + "@example.com", "contact_types", List.of("Primary")), admin)
                .getBody().get("contact_id")).longValue();
        String username = "cu" + suffix;
        var profile = users.create(new NewUser(username, username + "@example.com", TestLogins.PASSWORD, first, null,
                "Smith", null, List.of(role), contactId, false));
        return new CustomerUser(customerId, contactId,
                new TestLogins.TestUser(profile.id(), username, username + "@example.com", TestLogins.PASSWORD), first);
    }

    public ResponseEntity<Map<String, Object>> call(HttpMethod method, String path, Object body, HttpHeaders headers) {
        return http.exchange(path, method, new HttpEntity<>(body, headers), JSON);
    }

    public ResponseEntity<Map<String, Object>> call(HttpMethod method, String path, Object body, String token) {
        return call(method, path, body, bearer(token));
    }

    public static HttpHeaders bearer(String token) {
        var headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    /** The claims of a JWT, decoded without checking the signature (the server checks it). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> claims(String jwt) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpHeaders admin() {
        return admin;
    }

    public TestLogins logins() {
        return logins;
    }
}
