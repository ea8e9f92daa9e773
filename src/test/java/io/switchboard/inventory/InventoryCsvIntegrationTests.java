package io.switchboard.inventory;

import static io.switchboard.inventory.InventoryFixtures.STOCK_ADMIN;
import static io.switchboard.inventory.InventoryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.switchboard.support.Api;
import io.switchboard.support.SwitchboardIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.WebApplicationContext;

/** A-OVR-08 / I-20: CSV import (validated per row, all-or-nothing, a report) and export (quoted, formula-safe). */
@SwitchboardIntegrationTest
class InventoryCsvIntegrationTests {

    @Autowired WebApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    MockMvc mvc;
    InventoryFixtures fx;
    String type;
    long template;

    @BeforeEach
    void setUp() {
        mvc = Api.mvc(context);
        fx = new InventoryFixtures(jdbc);
        type = unique("SIM Card");
        template = fx.template(type, "ICCID", "IMSI", "SIM Type");
    }

    ResultActions importCsv(String csv, boolean dryRun) throws Exception {
        return mvc.perform(post("/crm/inventory/import").param("dry_run", String.valueOf(dryRun))
                .contentType("text/csv").content(csv).with(Api.as(STOCK_ADMIN)));
    }

    long items() {
        return fx.count("SELECT count(*) FROM inventory WHERE inventory_template_id = ?", template);
    }

    @Test
    void aGoodFileImportsEveryRowWithLabelsAsColumnNames() throws Exception {
        String csv = """
                item,serial,ICCID,imsi,itemtext3,item_state,item_location,latitude,longitude,inventory_notes
                %1$s,A1,8944000000000000001,310120000000001,Physical,In Stock,"Warehouse A, Shelf 3",40.4,-3.7,"said \"\"hi\"\""
                %1$s,A2,8944000000000000002,310120000000002,eSIM,,Store 1,,,
                """.formatted(type);
        importCsv(csv, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(true))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected", hasSize(0)));
        var first = jdbc.queryForMap("SELECT * FROM inventory WHERE inventory_template_id = ? AND serial = 'A1'", template);
        assertThat(first.get("itemtext1")).isEqualTo("8944000000000000001");
        assertThat(first.get("itemtext2")).isEqualTo("310120000000001");
        assertThat(first.get("item_state")).isEqualTo("IN_STOCK");
        assertThat(first.get("item_location")).isEqualTo("Warehouse A, Shelf 3");
        assertThat(first.get("inventory_notes")).isEqualTo("said \"hi\"");
        assertThat(fx.state(jdbc.queryForObject("SELECT inventory_id FROM inventory WHERE inventory_template_id = ? AND serial = 'A2'",
                Long.class, template))).isEqualTo("NEW");
        assertThat(fx.count("SELECT count(*) FROM inventory_state_history h JOIN inventory i USING (inventory_id)"
                + " WHERE i.inventory_template_id = ? AND h.reason = 'Imported from CSV'", template)).isEqualTo(2);
    }

    @Test
    void badRowsAreReportedWithLineAndFieldAndNothingIsImported() throws Exception {
        fx.item(template, "TAKEN", InventoryState.NEW);
        String csv = """
                item,serial,itemtext1,item_state,latitude,longitude,colour
                %1$s,B1,ok,New,,,
                %1$s,TAKEN,dup-in-db,New,,,
                %1$s,B3,x,Sold,,,
                %1$s,B1,dup-in-file,New,,,
                No Such Type,B5,x,New,,,
                %1$s,B6,x,New,95,10,
                %1$s,B7,x,New,,,red
                %1$s,,x,New,,,
                """.formatted(type);
        importCsv(csv, false)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.imported").value(false))
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rows").value(8))
                .andExpect(jsonPath("$.rejected[0].line").value(3))
                .andExpect(jsonPath("$.rejected[0].field").value("serial"))
                .andExpect(jsonPath("$.rejected[1].line").value(4))
                .andExpect(jsonPath("$.rejected[1].field").value("item_state"))
                .andExpect(jsonPath("$.rejected[2].line").value(5))
                .andExpect(jsonPath("$.rejected[2].field").value("serial"))
                .andExpect(jsonPath("$.rejected[3].line").value(6))
                .andExpect(jsonPath("$.rejected[3].field").value("item"))
                .andExpect(jsonPath("$.rejected[4].line").value(7))
                .andExpect(jsonPath("$.rejected[4].field").value("latitude"))
                .andExpect(jsonPath("$.rejected[5].line").value(8))
                .andExpect(jsonPath("$.rejected[5].field").value("colour"))
                .andExpect(jsonPath("$.rejected[6].line").value(9))
                .andExpect(jsonPath("$.rejected[6].field").value("serial"));
        assertThat(items()).isEqualTo(1); // only the fixture: nothing half-imported
    }

    @Test
    void aDryRunValidatesWithoutWritingAndAMultipartFileWorksToo() throws Exception {
        String csv = "item,serial\n%s,D1\n%s,D2\n".formatted(type, type);
        importCsv(csv, true).andExpect(status().isOk())
                .andExpect(jsonPath("$.dry_run").value(true))
                .andExpect(jsonPath("$.imported").value(false))
                .andExpect(jsonPath("$.accepted").value(2));
        assertThat(items()).isZero();
        mvc.perform(multipart("/crm/inventory/import")
                        .file(new MockMultipartFile("file", "stock.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(2));
        assertThat(items()).isEqualTo(2);
        importCsv("serial\nx\n", false).andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.rejected[0].line").value(1))
                .andExpect(jsonPath("$.rejected[0].field").value("item"));
        mvc.perform(post("/crm/inventory/import").contentType("text/csv").content("item,serial\n%s,Z\n".formatted(type))
                .with(Api.as(Api.staff("view_inventory")))).andExpect(status().isForbidden());
    }

    @Test
    void exportIsQuotedAndFormulaSafeAndRoundTrips() throws Exception {
        String csv = """
                item,serial,itemtext1,itemtext2,inventory_notes,longitude,latitude
                %s,E1,=HYPERLINK("http://evil.example"),+44 7700,"line one
                line two, with comma",-3.7,40.4
                """.formatted(type);
        importCsv(csv, false).andExpect(status().isOk());
        String exported = mvc.perform(get("/crm/inventory/export").param("item", type).with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(exported).startsWith("inventory_id,item,serial,item_state,itemtext1");
        assertThat(exported).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(exported).contains(",'+44 7700,");
        assertThat(exported).contains("\"line one\nline two, with comma\"");
        assertThat(exported).contains(",-3.7,");
        assertThat(exported).doesNotContain(",=");

        // the export imports again (here into a fresh type): the protection is stripped, the values are the same
        String other = unique("SIM Card");
        fx.template(other, "ICCID", "IMSI");
        importCsv(exported.replace(type, other), false).andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1));
        var copy = jdbc.queryForMap("SELECT i.* FROM inventory i JOIN inventory_templates t USING (inventory_template_id)"
                + " WHERE t.item = ?", other);
        assertThat(copy.get("itemtext1")).isEqualTo("=HYPERLINK(\"http://evil.example\")");
        assertThat(copy.get("itemtext2")).isEqualTo("+44 7700");
        assertThat(copy.get("inventory_notes")).isEqualTo("line one\nline two, with comma");
    }

    @Test
    void exportFollowsTheFilters() throws Exception {
        fx.item(template, "F1", InventoryState.NEW);
        fx.item(template, "F2", InventoryState.DAMAGED);
        String exported = mvc.perform(get("/crm/inventory/export").param("item", type).param("item_state", "Damaged")
                        .with(Api.as(STOCK_ADMIN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(exported.lines()).hasSize(2);
        assertThat(exported).contains(",F2,Damaged,").doesNotContain(",F1,");
    }
}
