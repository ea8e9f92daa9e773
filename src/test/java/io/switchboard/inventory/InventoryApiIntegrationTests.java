package io.switchboard.inventory;

import static io.switchboard.inventory.InventoryFixtures.STOCK_ADMIN;
import static io.switchboard.inventory.InventoryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.switchboard.shared.Actor;
import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/** A-INV API: templates, items, state changes with history, validation, permissions and "view own". */
@SwitchboardIntegrationTest
class InventoryApiIntegrationTests {

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    InventoryFixtures fx;

    @BeforeEach
    void setUp() {
        mvc = Api.mvc(context);
        fx = new InventoryFixtures(jdbc);
    }

    ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Actor actor,
            String json) throws Exception {
        return mvc.perform(request.with(Api.as(actor)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    long createTemplate(String name) throws Exception {
        String body = send(put("/crm/inventory/templates/"), STOCK_ADMIN, """
                {"item": "%s", "wholesale_cost": 2.5, "retail_cost": 10, "itemtext1_label": "ICCID",
                 "itemtext2_label": "IMSI", "itemtext3_label": "SIM Type"}""".formatted(name))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.inventory_template_id")).longValue();
    }

    long createItem(String template, String serial) throws Exception {
        String body = send(put("/crm/inventory/"), STOCK_ADMIN, """
                {"item": "%s", "serial": "%s", "itemtext1": "8961%s", "itemtext3": "Physical",
                 "item_location": "Warehouse A, Shelf 3", "latitude": "40.4194", "longitude": -3.695,
                 "management_url": "LPA:1$smdp.example.com$CODE-%s"}""".formatted(template, serial, serial, serial))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.inventory_id")).longValue();
    }

    @Test
    void templatesKeepTheGuideFieldNamesAndRefuseDuplicatesAndUnknownFields() throws Exception {
        String name = unique("SIM Card");
        long id = createTemplate(name);
        mvc.perform(get("/crm/inventory/templates/inventory_template_id/" + id).with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item").value(name))
                .andExpect(jsonPath("$.itemtext1_label").value("ICCID"))
                .andExpect(jsonPath("$.itemtext3_label").value("SIM Type"))
                .andExpect(jsonPath("$.itemtext4_label").value(nullValue()))
                .andExpect(jsonPath("$.retail_cost").value(10))
                .andExpect(jsonPath("$.enabled").value(true));
        send(put("/crm/inventory/templates/"), STOCK_ADMIN, "{\"item\": \"%s\"}".formatted(name))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("item"));
        send(put("/crm/inventory/templates/"), STOCK_ADMIN, "{\"item\": \"x\", \"itemtext21_label\": \"no\", \"colour\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("itemtext21_label")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("colour")));
        // defaults of A-INV-04 for the first two labels
        send(put("/crm/inventory/templates/"), STOCK_ADMIN, "{\"item\": \"%s\"}".formatted(unique("Modem")))
                .andExpect(jsonPath("$.itemtext1_label").value("Model Number"))
                .andExpect(jsonPath("$.itemtext2_label").value("Serial Number"));
        send(patch("/crm/inventory/templates/inventory_template_id/" + id), STOCK_ADMIN, "{\"itemtext4_label\": \"PUK\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.itemtext4_label").value("PUK"))
                .andExpect(jsonPath("$.itemtext1_label").value("ICCID"));
        createItem(name, unique("s"));
        mvc.perform(delete("/crm/inventory/templates/inventory_template_id/" + id).with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isConflict());
    }

    @Test
    void itemsAreCreatedWithTheTemplateFieldsAndValidatedNamingTheField() throws Exception {
        String name = unique("SIM Card");
        createTemplate(name);
        String serial = unique("ser").replace(' ', '-');
        long id = createItem(name, serial);
        mvc.perform(get("/crm/inventory/inventory_id/" + id).with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item").value(name))
                .andExpect(jsonPath("$.serial").value(serial))
                .andExpect(jsonPath("$.item_state").value("New"))
                .andExpect(jsonPath("$.itemtext1").value("8961" + serial))
                .andExpect(jsonPath("$.fields.ICCID").value("8961" + serial))
                .andExpect(jsonPath("$.latitude").value(40.4194))
                .andExpect(jsonPath("$.wholesale_cost").value(2.5))
                .andExpect(jsonPath("$.customer_id").value(nullValue()));
        // the same serial twice in a template, a field the template does not have, a half coordinate
        send(put("/crm/inventory/"), STOCK_ADMIN, """
                {"item": "%s", "serial": "%s", "itemtext5": "x", "latitude": 10}""".formatted(name, serial))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("serial")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("itemtext5")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("longitude")));
        send(put("/crm/inventory/"), STOCK_ADMIN, "{\"item\": \"no such type\", \"serial\": \"1\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("item"));
        send(put("/crm/inventory/"), STOCK_ADMIN, "{\"item\": \"%s\", \"serial\": \"zz\", \"item_state\": \"Assigned\"}"
                .formatted(name))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("item_state"));
        send(put("/crm/inventory/"), STOCK_ADMIN, "{\"item\": \"%s\", \"serial\": \"zz\", \"item_state\": \"Sold\"}"
                .formatted(name))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("item_state"));
        assertThat(fx.count("SELECT count(*) FROM inventory WHERE serial = 'zz'")).isZero();
    }

    @Test
    void stateChangesFollowTheMachineAndAreRecordedWithReasonAndActor() throws Exception {
        String name = unique("SIM Card");
        createTemplate(name);
        long id = createItem(name, unique("st").replace(' ', '-'));
        long customer = fx.customer(unique("Holder"));
        String path = "/crm/inventory/inventory_id/" + id;

        send(patch(path), STOCK_ADMIN, "{\"item_state\": \"In Stock\", \"reason\": \"received\", \"item_location\": \"Shop 2\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item_state").value("In Stock"))
                .andExpect(jsonPath("$.item_location").value("Shop 2"));
        send(patch(path), STOCK_ADMIN, "{\"item_state\": \"New\"}")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("In Stock")));
        send(patch(path), STOCK_ADMIN, "{\"item_state\": \"Reserved\"}").andExpect(status().isConflict());
        send(patch(path), STOCK_ADMIN, "{\"item_state\": \"Assigned\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("customer_id"));
        send(patch(path), STOCK_ADMIN, "{\"customer_id\": %d}".formatted(customer))
                .andExpect(status().isUnprocessableEntity());
        // the guide's playbook assignment (C-INVR-10) and rescue release (C-INVR-13)
        send(patch(path), STOCK_ADMIN, "{\"customer_id\": %d, \"service_id\": 77, \"item_state\": \"Assigned\"}"
                .formatted(customer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.item_state").value("Assigned"))
                .andExpect(jsonPath("$.customer_id").value(customer))
                .andExpect(jsonPath("$.service_id").value(77))
                .andExpect(jsonPath("$.sold_date").isNotEmpty());
        send(patch(path), STOCK_ADMIN, "{\"service_id\": null, \"customer_id\": null, \"item_state\": \"In Stock\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customer_id").value(nullValue()))
                .andExpect(jsonPath("$.service_id").value(nullValue()));
        // a refused change leaves the fields of the same patch unwritten
        send(patch(path), STOCK_ADMIN, "{\"item_state\": \"New\", \"item_location\": \"Nowhere\"}")
                .andExpect(status().isConflict());
        send(patch(path), STOCK_ADMIN, "{\"item_state\": \"Retired\", \"reason\": \"end of life\"}").andExpect(status().isOk());
        send(patch(path), STOCK_ADMIN, "{\"item_state\": \"In Stock\"}").andExpect(status().isConflict());

        mvc.perform(get(path).with(Api.as(STOCK_ADMIN))).andExpect(jsonPath("$.item_location").value("Shop 2"));
        mvc.perform(get(path + "/history").with(Api.as(STOCK_ADMIN)))
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[0].from_state").value(nullValue()))
                .andExpect(jsonPath("$[0].to_state").value("New"))
                .andExpect(jsonPath("$[1].to_state").value("In Stock"))
                .andExpect(jsonPath("$[1].reason").value("received"))
                .andExpect(jsonPath("$[1].actor").value(STOCK_ADMIN.username()))
                .andExpect(jsonPath("$[2].to_state").value("Assigned"))
                .andExpect(jsonPath("$[3].from_state").value("Assigned"))
                .andExpect(jsonPath("$[4].to_state").value("Retired"))
                .andExpect(jsonPath("$[4].reason").value("end of life"));
    }

    @Test
    void listFiltersSearchesAndPages() throws Exception {
        String name = unique("Modem");
        long template = createTemplate(name);
        String marker = unique("mk").replace(' ', '-');
        for (int i = 0; i < 3; i++) {
            fx.item(template, marker + "-" + i, i == 0 ? InventoryState.DAMAGED : InventoryState.NEW);
        }
        mvc.perform(get("/crm/inventory/").param("item", name).param("per_page", "2").param("sort", "serial")
                        .param("order", "desc").with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", hasSize(2)))
                .andExpect(jsonPath("$.data[0].serial").value(marker + "-2"))
                .andExpect(jsonPath("$.pagination.total_items").value(3))
                .andExpect(jsonPath("$.pagination.total_pages").value(2));
        mvc.perform(get("/crm/inventory/").param("inventory_template_id", String.valueOf(template))
                        .param("item_state", "Damaged").with(Api.as(STOCK_ADMIN)))
                .andExpect(jsonPath("$.data", hasSize(1)))
                .andExpect(jsonPath("$.data[0].serial").value(marker + "-0"));
        mvc.perform(get("/crm/inventory/").param("search", marker + "-1").with(Api.as(STOCK_ADMIN)))
                .andExpect(jsonPath("$.data", hasSize(1)));
        mvc.perform(get("/crm/inventory/").param("serial", marker + "-1").with(Api.as(STOCK_ADMIN)))
                .andExpect(jsonPath("$.data", hasSize(1)));
        mvc.perform(get("/crm/inventory/").param("sort", "colour").with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        mvc.perform(get("/crm/inventory/").param("item_state", "Sold").with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("item_state"));
        mvc.perform(get("/crm/inventory/available").param("item", name).with(Api.as(STOCK_ADMIN)))
                .andExpect(jsonPath("$", hasSize(2)));
    }

    @Test
    void customerUsersSeeOnlyTheirOwnItemsAndNeverWrite() throws Exception {
        String name = unique("Router");
        long template = createTemplate(name);
        long mine = fx.customer(unique("Mine"));
        long theirs = fx.customer(unique("Theirs"));
        long myItem = fx.item(template, unique("m"), InventoryState.NEW);
        long theirItem = fx.item(template, unique("t"), InventoryState.NEW);
        long stock = fx.item(template, unique("s"), InventoryState.NEW);
        send(patch("/crm/inventory/inventory_id/" + myItem), STOCK_ADMIN,
                "{\"customer_id\": %d, \"item_state\": \"Assigned\"}".formatted(mine)).andExpect(status().isOk());
        send(patch("/crm/inventory/inventory_id/" + theirItem), STOCK_ADMIN,
                "{\"customer_id\": %d, \"item_state\": \"Assigned\"}".formatted(theirs)).andExpect(status().isOk());

        Actor customer = Api.customerUser(mine, "view_own_inventory");
        mvc.perform(get("/crm/inventory/").param("item", name).with(Api.as(customer)))
                .andExpect(jsonPath("$.data", hasSize(1)))
                .andExpect(jsonPath("$.data[0].inventory_id").value(myItem));
        mvc.perform(get("/crm/inventory/inventory_id/" + myItem).with(Api.as(customer))).andExpect(status().isOk());
        mvc.perform(get("/crm/inventory/inventory_id/" + theirItem).with(Api.as(customer))).andExpect(status().isNotFound());
        mvc.perform(get("/crm/inventory/inventory_id/" + stock).with(Api.as(customer))).andExpect(status().isNotFound());
        String csv = mvc.perform(get("/crm/inventory/export").param("item", name).with(Api.as(customer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines()).hasSize(2);
        // the picker lists stock, which is staff business, even for a customer user holding view_inventory
        mvc.perform(get("/crm/inventory/available").param("item", name).with(Api.as(Api.customerUser(mine, "view_inventory"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/crm/inventory/available").param("item", name).with(Api.as(STOCK_ADMIN)))
                .andExpect(jsonPath("$", hasSize(1)));
        send(patch("/crm/inventory/inventory_id/" + myItem), Api.customerUser(mine, "view_own_inventory", "update_inventory"),
                "{\"item_location\": \"home\"}").andExpect(status().isForbidden());
    }

    @Test
    void permissionsAreChecked() throws Exception {
        String name = unique("SIM Card");
        createTemplate(name);
        long id = createItem(name, unique("p").replace(' ', '-'));
        Actor reader = Api.staff("view_inventory");
        mvc.perform(get("/crm/inventory/inventory_id/" + id).with(Api.as(reader))).andExpect(status().isOk());
        send(patch("/crm/inventory/inventory_id/" + id), reader, "{\"item_state\": \"In Stock\"}")
                .andExpect(status().isForbidden());
        send(put("/crm/inventory/"), reader, "{\"item\": \"%s\", \"serial\": \"q\"}".formatted(name))
                .andExpect(status().isForbidden());
        send(put("/crm/inventory/templates/"), reader, "{\"item\": \"q\"}").andExpect(status().isForbidden());
        mvc.perform(get("/crm/inventory/").with(Api.as(Api.staff("view_customer")))).andExpect(status().isForbidden());
        mvc.perform(delete("/crm/inventory/inventory_id/" + id).with(Api.as(reader))).andExpect(status().isForbidden());
        mvc.perform(delete("/crm/inventory/inventory_id/" + id).with(Api.as(STOCK_ADMIN))).andExpect(status().isOk());
        mvc.perform(get("/crm/inventory/inventory_id/" + id).with(Api.as(STOCK_ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void theManagementUrlIsAQrCode() throws Exception {
        String name = unique("SIM Card");
        createTemplate(name);
        long id = createItem(name, unique("qr").replace(' ', '-'));
        mvc.perform(get("/crm/inventory/inventory_id/" + id + "/qr.svg").with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("<path")));
        send(patch("/crm/inventory/inventory_id/" + id), STOCK_ADMIN, "{\"management_url\": null}").andExpect(status().isOk());
        mvc.perform(get("/crm/inventory/inventory_id/" + id + "/qr.svg").with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isNotFound());
    }
}
