package io.switchboard.catalog;

import static io.switchboard.catalog.CatalogFixtures.MANAGER;
import static io.switchboard.catalog.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

@SwitchboardIntegrationTest
class ProductApiIntegrationTests {

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        mvc = Api.mvc(context);
        catalog = new CatalogFixtures(mvc, jdbc);
        catalog.inventoryType("SIM Card");
        catalog.inventoryType("Mobile Number");
    }

    ResultActions create(String body) throws Exception {
        return mvc.perform(put("/crm/product/").with(Api.as(MANAGER)).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void createsAProductWithEveryFieldOfTheGuideAndNormalisesBothListFormats() throws Exception {
        String slug = unique("mobile-sim");
        create("""
                {"product_name": "Mobile SIM Only", "product_slug": "%s", "category": "standalone",
                 "service_type": "mobile", "enabled": true, "icon": "fa-solid fa-sim-card",
                 "comment": "Physical SIM card for use with Mobile Phones",
                 "retail_cost": 15.00, "wholesale_cost": 5, "retail_setup_cost": 0, "wholesale_setup_cost": 1.00,
                 "tax_percentage": 12.5, "contract_days": 30, "residential": true, "business": false,
                 "customer_can_purchase": true, "available_from": "2026-01-01 00:00:00",
                 "available_until": "2030-12-31T23:59:59", "auto_renew": "prompt", "allow_auto_renew": true,
                 "inventory_items_list": "[ 'SIM Card', 'Mobile Number' ]", "relies_on_list": "",
                 "features_list": "20GB High-Speed Data. Unlimited Calls & Texts. Up to 5G speeds.",
                 "terms": "Must be activated within 6 months.\\nAll credit lost after 12 months unused.",
                 "provisioning_play": "play_local_mobile_sim",
                 "provisioning_json_vars": "{\\"days\\":30,\\"data_gb\\":20,\\"voice_minutes\\":\\"unlimited\\"}"}
                """.formatted(slug))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.product_slug").value(slug))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.category").value("standalone"))
                .andExpect(jsonPath("$.retail_cost").value(15.0))
                .andExpect(jsonPath("$.tax_percentage").value(12.5))
                .andExpect(jsonPath("$.auto_renew").value("prompt"))
                .andExpect(jsonPath("$.available_from").value("2026-01-01 00:00:00"))
                .andExpect(jsonPath("$.available_until").value("2030-12-31 23:59:59"))
                .andExpect(jsonPath("$.inventory_items_list[0]").value("SIM Card"))
                .andExpect(jsonPath("$.inventory_items_list[1]").value("Mobile Number"))
                .andExpect(jsonPath("$.relies_on_list.length()").value(0))
                .andExpect(jsonPath("$.features_list.length()").value(3))
                .andExpect(jsonPath("$.features_list[2]").value("Up to 5G speeds"))
                .andExpect(jsonPath("$.created").exists());

        String other = unique("boost");
        long id = create("""
                {"product_name": "5GB Data Boost", "product_slug": "%s", "category": "add-on", "service_type": "mobile",
                 "features_list": "['Up to 100Mbps. Subject to availability.', 'Valid for 7 Days']",
                 "inventory_items_list": "[]", "relies_on_list": ["mobile"], "auto_renew": false}"""
                .formatted(other))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("addon"))
                .andExpect(jsonPath("$.auto_renew").value("false"))
                .andExpect(jsonPath("$.features_list[0]").value("Up to 100Mbps. Subject to availability."))
                .andExpect(jsonPath("$.relies_on_list[0]").value("mobile"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.customer_can_purchase").value(false))
                .andReturn().getResponse().getContentAsString().transform(this::id);

        mvc.perform(get("/crm/product/product_id/" + id).with(Api.as(Api.staff("view_product"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.product_name").value("5GB Data Boost"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM activity_log WHERE entity_type = 'product' AND entity_id = ?",
                Long.class, String.valueOf(id))).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            product_slug          | "product_slug": "has spaces"
            service_type          | "service_type": "telepathy"
            retail_cost           | "retail_cost": -1
            wholesale_setup_cost  | "wholesale_setup_cost": 1.005
            tax_percentage        | "tax_percentage": 101
            contract_days         | "contract_days": -30
            available_until       | "available_from": "2026-02-01 00:00:00", "available_until": "2026-01-01 00:00:00"
            inventory_items_list  | "inventory_items_list": "['SIM Card', 'Unicorn Horn']"
            inventory_items_list  | "inventory_items_list": "['SIM Card', 'SIM Card']"
            inventory_items_list  | "inventory_items_list": "['SIM Card"
            relies_on_list        | "relies_on_list": "no-such-product-or-type"
            provisioning_play     | "provisioning_play": "../../etc/passwd"
            provisioning_play     | "provisioning_play": "play_sim.yaml"
            provisioning_json_vars| "provisioning_json_vars": "{days: 30"
            provisioning_json_vars| "provisioning_json_vars": "[1, 2]"
            auto_renew            | "auto_renew": "sometimes"
            category              | "category": "gift"
            product_name          | "product_name": ""
            """)
    void refusesInvalidInputWithAProblemNamingTheField(String field, String json) throws Exception {
        String body = """
                {"product_name": "Invalid", "product_slug": "%s", "category": "standalone", "service_type": "mobile",
                 %s}""".formatted(unique("invalid"), json);
        // later keys win in Jackson? No: duplicates fail; so build without the duplicated key
        body = dedupe(body);
        long before = jdbc.queryForObject("SELECT count(*) FROM product", Long.class);
        create(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM product", Long.class)).isEqualTo(before);
    }

    @Test
    void aSlugIsUniqueWhateverItsCase() throws Exception {
        String slug = unique("Unique-Slug");
        catalog.put("/crm/product/", """
                {"product_name": "One", "product_slug": "%s", "category": "standalone", "service_type": "mobile"}"""
                .formatted(slug));
        create("""
                {"product_name": "Two", "product_slug": "%s", "category": "standalone", "service_type": "mobile"}"""
                .formatted(slug.toLowerCase()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("product_slug"));
    }

    @Test
    void lifecycleGoesFromDraftToActiveToRetiredAndNoOtherWay() throws Exception {
        long id = catalog.product("life", "standalone", "mobile", "{}").get("product_id").asLong();
        mvc.perform(post("/crm/product/" + id + "/retire").with(Api.as(MANAGER)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post("/crm/product/" + id + "/activate").with(Api.as(MANAGER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        mvc.perform(post("/crm/product/" + id + "/activate").with(Api.as(MANAGER)))
                .andExpect(status().isConflict());
        mvc.perform(post("/crm/product/product_id/" + id + "/retire").with(Api.as(MANAGER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETIRED"));
        mvc.perform(post("/crm/product/" + id + "/activate").with(Api.as(MANAGER)))
                .andExpect(status().isConflict());
        // retired stays readable, cannot change
        mvc.perform(get("/crm/product/product_id/" + id).with(Api.as(MANAGER)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETIRED"));
        mvc.perform(patch("/crm/product/" + id).with(Api.as(MANAGER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"retail_cost\": 1}")).andExpect(status().isConflict());
    }

    @Test
    void aDraftNeedsAPlaybookBeforeActivation() throws Exception {
        long id = catalog.product("noplay", "standalone", "mobile", "{\"provisioning_play\": null}")
                .get("product_id").asLong();
        mvc.perform(post("/crm/product/" + id + "/activate").with(Api.as(MANAGER)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("provisioning_play"));
    }

    @Test
    void patchChangesOnlyTheFieldsGivenAndValidatesThem() throws Exception {
        long id = catalog.product("patch", "standalone", "mobile", """
                {"retail_cost": 10, "features_list": ["A", "B"]}""").get("product_id").asLong();
        mvc.perform(patch("/crm/product/" + id).with(Api.as(MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"retail_cost\": 12.50, \"inventory_items_list\": \"SIM Card, Mobile Number\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retail_cost").value(12.5))
                .andExpect(jsonPath("$.features_list[1]").value("B"))
                .andExpect(jsonPath("$.inventory_items_list[1]").value("Mobile Number"));
        mvc.perform(patch("/crm/product/product_id/" + id).with(Api.as(MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provisioning_json_vars\": \"not json\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("provisioning_json_vars"));
        mvc.perform(patch("/crm/product/" + id).with(Api.as(MANAGER)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"colour\": \"red\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
    }

    @Test
    void theBaseListShowsOnlyActiveEnabledInDateProductsAndPaginatedShowsAll() throws Exception {
        String type = "data";
        long onSale = catalog.activeProduct("onsale", "standalone", type, "{}").get("product_id").asLong();
        long draft = catalog.product("draft", "standalone", type, "{}").get("product_id").asLong();
        long disabled = catalog.activeProduct("disabled", "standalone", type, "{\"enabled\": false}")
                .get("product_id").asLong();
        long future = catalog.activeProduct("future", "standalone", type,
                "{\"available_from\": \"2999-01-01 00:00:00\"}").get("product_id").asLong();
        long past = catalog.activeProduct("past", "standalone", type,
                "{\"available_until\": \"2001-01-01 00:00:00\"}").get("product_id").asLong();

        mvc.perform(get("/crm/product/").with(Api.as(Api.staff("view_product"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].product_id", hasItem((int) onSale)))
                .andExpect(jsonPath("$[*].product_id", not(hasItem((int) draft))))
                .andExpect(jsonPath("$[*].product_id", not(hasItem((int) disabled))))
                .andExpect(jsonPath("$[*].product_id", not(hasItem((int) future))))
                .andExpect(jsonPath("$[*].product_id", not(hasItem((int) past))));

        mvc.perform(get("/crm/product/paginated").param("service_type", type).param("per_page", "100")
                        .param("sort", "product_id").param("order", "desc").with(Api.as(Api.staff("view_product"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data[*].product_id", hasItem((int) draft)))
                .andExpect(jsonPath("$.data[*].product_id", hasItem((int) past)))
                .andExpect(jsonPath("$.pagination.per_page").value(100));
        mvc.perform(get("/crm/product/paginated").param("status", "DRAFT").param("search", String.valueOf(draft))
                        .with(Api.as(Api.staff("view_product"))))
                .andExpect(jsonPath("$.data.length()").value(1))
                .andExpect(jsonPath("$.data[0].product_id").value(draft));
        mvc.perform(get("/crm/product/paginated").param("sort", "colour").with(Api.as(Api.staff("view_product"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void deleteOnlyWhenNoServiceUsesTheProduct() throws Exception {
        long id = catalog.activeProduct("del", "standalone", "mobile", "{}").get("product_id").asLong();
        TestCatalogPorts.UsedProducts.markUsed(id);
        try {
            mvc.perform(delete("/crm/product/" + id).with(Api.as(MANAGER)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail", containsString("retire")));
        } finally {
            TestCatalogPorts.UsedProducts.release(id);
        }
        mvc.perform(delete("/crm/product/" + id).with(Api.as(MANAGER))).andExpect(status().isOk());
        mvc.perform(get("/crm/product/product_id/" + id).with(Api.as(MANAGER))).andExpect(status().isNotFound());
    }

    @Test
    void permissionsComeFromTheCatalogue() throws Exception {
        var reader = Api.staff("view_product");
        mvc.perform(put("/crm/product/").with(Api.as(reader)).contentType(MediaType.APPLICATION_JSON).content("""
                {"product_name": "X", "product_slug": "%s", "category": "standalone", "service_type": "mobile"}"""
                .formatted(unique("perm")))).andExpect(status().isForbidden());
        mvc.perform(get("/crm/product/paginated").with(Api.as(Api.staff("view_customer"))))
                .andExpect(status().isForbidden());
        long id = catalog.product("perm", "standalone", "mobile", "{}").get("product_id").asLong();
        mvc.perform(delete("/crm/product/" + id).with(Api.as(Api.staff("view_product", "update_product"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/crm/product/" + id + "/activate").with(Api.as(reader))).andExpect(status().isForbidden());
    }

    private long id(String json) {
        try {
            return CatalogFixtures.JSON.readTree(json).get("product_id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body with the defaults a test case overrides removed (JSON objects must not repeat a key). */
    private static String dedupe(String body) {
        for (String key : new String[] {"product_name", "category"}) {
            int first = body.indexOf("\"" + key + "\"");
            int second = body.indexOf("\"" + key + "\"", first + 1);
            if (second > 0) {
                int end = body.indexOf(',', first);
                body = body.substring(0, first) + body.substring(end + 1);
            }
        }
        int slug = body.indexOf("\"product_slug\"");
        if (body.indexOf("\"product_slug\"", slug + 1) > 0) {
            int end = body.indexOf(',', slug);
            body = body.substring(0, slug) + body.substring(end + 1);
        }
        int type = body.indexOf("\"service_type\"");
        if (body.indexOf("\"service_type\"", type + 1) > 0) {
            int end = body.indexOf(',', type);
            body = body.substring(0, type) + body.substring(end + 1);
        }
        return body;
    }
}
