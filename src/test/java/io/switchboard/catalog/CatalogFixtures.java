package io.switchboard.catalog;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Products, customers and inventory types for catalogue tests, through the REST API as a catalogue manager. */
final class CatalogFixtures {

    static final Actor MANAGER = Api.staff("view_product", "create_product", "update_product", "delete_product",
            "view_customer", "create_customer", "update_customer", "view_customer_site", "create_customer_site",
            "view_customer_contact", "create_customer_contact");

    static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;
    private final JdbcTemplate jdbc;

    CatalogFixtures(MockMvc mvc, JdbcTemplate jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An enabled inventory template with exactly this name (idempotent). */
    void inventoryType(String name) {
        jdbc.update("INSERT INTO inventory_templates (item, enabled, created, last_modified) VALUES (?, true, now(), now())"
                + " ON CONFLICT DO NOTHING", name);
    }

    JsonNode put(String path, String body) throws Exception {
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                        .with(Api.as(MANAGER)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andReturn().getResponse();
        return JSON.readTree(response.getContentAsString());
    }

    /** A draft product; {@code extra} is a JSON object of further fields. */
    JsonNode product(String slugPrefix, String category, String serviceType, String extra) throws Exception {
        var body = (ObjectNode) JSON.readTree(extra);
        String slug = unique(slugPrefix);
        body.put("product_slug", slug);
        if (!body.has("product_name")) {
            body.put("product_name", "Product " + slug);
        }
        body.put("category", category);
        body.put("service_type", serviceType);
        if (!body.has("provisioning_play")) {
            body.put("provisioning_play", "play_test");
        }
        return put("/crm/product/", body.toString());
    }

    /** An active product. */
    JsonNode activeProduct(String slugPrefix, String category, String serviceType, String extra) throws Exception {
        long id = product(slugPrefix, category, serviceType, extra).get("product_id").asLong();
        var response = mvc.perform(post("/crm/product/" + id + "/activate").with(Api.as(MANAGER)))
                .andExpect(status().isOk()).andReturn().getResponse();
        return JSON.readTree(response.getContentAsString());
    }

    long customer(String type, String paymentType) throws Exception {
        return put("/crm/customer/", """
                {"customer_name": "%s", "customer_account_type": "%s", "customer_payment_type": "%s"}"""
                .formatted(unique("Catalogue customer"), type, paymentType)).get("customer_id").asLong();
    }

    long site(long customerId, String country) throws Exception {
        return put("/crm/site/", """
                {"customer_id": %d, "site_name": "Home", "latitude": 40.4194, "longitude": -3.6950, "country": "%s"}"""
                .formatted(customerId, country)).get("site_id").asLong();
    }

    long contact(long customerId) throws Exception {
        return put("/crm/contact/", """
                {"customer_id": %d, "contact_firstname": "Ana", "contact_lastname": "Tester",
                 "contact_email": "%s@example.com", "contact_types": ["Primary"]}"""
                .formatted(customerId, unique("ana"))).get("contact_id").asLong();
    }
}
