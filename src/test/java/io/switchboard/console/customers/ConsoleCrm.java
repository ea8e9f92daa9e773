package io.switchboard.console.customers;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Test data for the console's customer pages, made through the REST API by a staff user with every CRM permission. */
final class ConsoleCrm {

    static final String[] CRM_PERMISSIONS = {
            "view_customer", "create_customer", "update_customer", "delete_customer",
            "view_customer_contact", "create_customer_contact", "update_customer_contact", "delete_customer_contact",
            "view_customer_site", "create_customer_site", "update_customer_site", "delete_customer_site",
            "view_customer_tag", "create_customer_tag", "update_customer_tag", "delete_customer_tag",
            "view_customer_attribute", "create_customer_attribute", "update_customer_attribute",
            "delete_customer_attribute", "view_customer_activity"};

    static final Actor CRM_STAFF = Api.staff(CRM_PERMISSIONS);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;

    ConsoleCrm(MockMvc mvc) {
        this.mvc = mvc;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode put(String path, String body) throws Exception {
        var response = mvc.perform(MockMvcRequestBuilders.put(path)
                        .with(Api.as(CRM_STAFF)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse();
        return JSON.readTree(response.getContentAsString());
    }

    long customer(String name) throws Exception {
        return put("/crm/customer/", """
                {"customer_name": "%s", "customer_account_type": "Business"}""".formatted(name))
                .get("customer_id").asLong();
    }

    long contact(long customerId, String firstname, String type) throws Exception {
        return put("/crm/contact/", """
                {"customer_id": %d, "contact_firstname": "%s", "contact_lastname": "Tester",
                 "contact_email": "%s@example.com", "contact_phone": "+34 600 000 000", "contact_types": ["%s"]}"""
                .formatted(customerId, firstname, firstname.toLowerCase().replace(' ', '.'), type))
                .get("contact_id").asLong();
    }

    long site(long customerId, String name, double latitude, double longitude) throws Exception {
        return put("/crm/site/", """
                {"customer_id": %d, "site_name": "%s", "address_line_1": "Calle Mayor 1", "city": "Madrid",
                 "country": "ES", "latitude": %s, "longitude": %s}""".formatted(customerId, name, latitude, longitude))
                .get("site_id").asLong();
    }

    long tag(long customerId, String text, String colour) throws Exception {
        return put("/crm/tag/", """
                {"customer_id": %d, "tag_text": "%s", "tag_hex_color": "%s"}""".formatted(customerId, text, colour))
                .get("tag_id").asLong();
    }

    long attribute(long customerId, String name, String value) throws Exception {
        return put("/crm/attribute/", """
                {"customer_id": %d, "attribute_name": "%s", "attribute_value": "%s"}""".formatted(customerId, name, value))
                .get("attribute_id").asLong();
    }
}
