package io.switchboard.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** An admin links a user to a customer contact: the user is scoped to that customer, the contact shows the user. */
@SwitchboardIntegrationTest
class PortalUserLinkIntegrationTests {

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;

    @Test
    void aUserLinkedToAContactSeesOnlyThatContactsCustomer() {
        var admin = logins.bearerFor("admin");
        admin.setContentType(MediaType.APPLICATION_JSON);
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        long customerId = idOf(http.exchange("/crm/customer/", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "customer_name", "Linked Co " + suffix, "customer_account_type", "Business"), admin), Map.class).getBody(),
                "customer_id");
        long otherCustomerId = idOf(http.exchange("/crm/customer/", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "customer_name", "Other Co " + suffix, "customer_account_type", "Business"), admin), Map.class).getBody(),
                "customer_id");
        long contactId = idOf(http.exchange("/crm/contact/", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "customer_id", customerId, "contact_firstname", "Ana", "contact_lastname", "Link",
                "contact_email", "ana." + suffix + "@linked.test", "contact_types", java.util.List.of("Primary")), admin),
                Map.class).getBody(), "contact_id");

        var created = http.exchange("/auth/users", HttpMethod.POST, new HttpEntity<>(Map.of(
                "username", "ana" + suffix, "email", "ana." + suffix + "@linked.test", "password", TestLogins.PASSWORD,
                "first_name", "Ana", "last_name", "Link", "role", "Customer", "contact_id", contactId,
                "force_change", false), admin), Map.class);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isIn(200, 201);
        long userId = idOf(created.getBody(), "id");

        var contact = http.exchange("/crm/contact/contact_id/" + contactId, HttpMethod.GET, new HttpEntity<>(admin),
                Map.class).getBody();
        assertThat(((Number) contact.get("linked_user_id")).longValue()).isEqualTo(userId);

        var login = http.postForEntity("/crm/auth/login", Map.of("email", "ana" + suffix, "password",
                TestLogins.PASSWORD), Map.class).getBody();
        var asAna = new org.springframework.http.HttpHeaders();
        asAna.setBearerAuth((String) login.get("token"));
        assertThat(http.exchange("/crm/customer/customer_id/" + customerId, HttpMethod.GET, new HttpEntity<>(asAna),
                Map.class).getStatusCode().value()).isEqualTo(200);
        assertThat(http.exchange("/crm/customer/customer_id/" + otherCustomerId, HttpMethod.GET,
                new HttpEntity<>(asAna), Map.class).getStatusCode().value()).isEqualTo(404);
    }

    @SuppressWarnings("unchecked")
    private static long idOf(Object response, String field) {
        var body = (Map<String, Object>) response;
        assertThat(body).as("response").containsKey(field);
        return ((Number) body.get(field)).longValue();
    }
}
