package io.switchboard.customer;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Creates CRM records through the REST API for tests, as a staff user with every CRM permission. */
final class CrmFixtures {

    static final Actor CRM_ADMIN = Api.staff(
            "view_customer", "create_customer", "update_customer", "delete_customer",
            "view_customer_contact", "create_customer_contact", "update_customer_contact", "delete_customer_contact",
            "view_customer_site", "create_customer_site", "update_customer_site", "delete_customer_site",
            "view_customer_tag", "create_customer_tag", "update_customer_tag", "delete_customer_tag",
            "view_customer_attribute", "create_customer_attribute", "update_customer_attribute",
            "delete_customer_attribute", "view_customer_activity");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;

    CrmFixtures(MockMvc mvc) {
        this.mvc = mvc;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode putJson(String path, String body) throws Exception {
        var response = mvc.perform(put(path).with(Api.as(CRM_ADMIN)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse();
        return JSON.readTree(response.getContentAsString());
    }

    long customer(String name) throws Exception {
        return customer(name, "{}");
    }

    /** A customer; {@code extra} is a JSON object of further fields. */
    long customer(String name, String extra) throws Exception {
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(extra);
        body.put("customer_name", name);
        if (!body.has("customer_account_type")) {
            body.put("customer_account_type", "Business");
        }
        return putJson("/crm/customer/", body.toString()).get("customer_id").asLong();
    }

    long contact(long customerId, String firstname) throws Exception {
        return putJson("/crm/contact/", """
                {"customer_id": %d, "contact_firstname": "%s", "contact_lastname": "Tester",
                 "contact_email": "%s@example.com", "contact_types": ["Primary"]}"""
                .formatted(customerId, firstname, firstname.toLowerCase().replace(' ', '.')))
                .get("contact_id").asLong();
    }

    long site(long customerId, String name) throws Exception {
        return putJson("/crm/site/", """
                {"customer_id": %d, "site_name": "%s", "latitude": 51.5074, "longitude": -0.1278}"""
                .formatted(customerId, name)).get("site_id").asLong();
    }

    static long activityCount(JdbcTemplate jdbc, long customerId) {
        return jdbc.queryForObject("SELECT count(*) FROM activity_log WHERE customer_id = ?", Long.class, customerId);
    }
}
