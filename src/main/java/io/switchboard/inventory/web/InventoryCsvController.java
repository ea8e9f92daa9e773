package io.switchboard.inventory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inventory.ImportReport;
import io.switchboard.inventory.InventoryCsv;
import io.switchboard.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Inventory CSV", description = "Batch import (all-or-nothing, with a report) and export of items")
class InventoryCsvController {

    private static final String IMPORT_DOC = "Columns (header row): item (template name) or inventory_template_id, "
            + "serial, item_state (default New), itemtext1..20 or the template's labels, item_location, address "
            + "fields, latitude, longitude, management_url, wholesale_cost, retail_cost, inventory_notes. Every row is "
            + "validated; if any is rejected nothing is imported and the answer is 422 with the report (line, field, "
            + "reason); dry_run=true validates only. Needs create_inventory.";

    private final InventoryCsv csv;

    InventoryCsvController(InventoryCsv csv) {
        this.csv = csv;
    }

    @PostMapping(value = "/crm/inventory/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('create_inventory')")
    @Operation(summary = "Import items from a CSV file (multipart field 'file')", description = IMPORT_DOC)
    ResponseEntity<ImportReport> importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) throws IOException {
        if (file.isEmpty()) {
            throw InvalidInputException.of("file", "is empty");
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return answer(csv.importCsv(reader, dryRun));
        }
    }

    @PostMapping(value = "/crm/inventory/import", consumes = "text/csv")
    @PreAuthorize("hasAuthority('create_inventory')")
    @Operation(summary = "Import items from a text/csv body", description = IMPORT_DOC)
    ResponseEntity<ImportReport> importBody(@RequestBody String body,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun) throws IOException {
        return answer(csv.importCsv(new StringReader(body), dryRun));
    }

    static ResponseEntity<ImportReport> answer(ImportReport report) {
        return ResponseEntity.status(report.rejected().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(report);
    }

    @GetMapping(value = "/crm/inventory/export", produces = "text/csv")
    @PreAuthorize(InventoryController.READ)
    @Operation(summary = "Export items as CSV", description = "The list's filters (inventory_template_id, item, "
            + "item_state, customer_id, serial); customer users get their own items only. Cells that a spreadsheet "
            + "would run as a formula (= + - @) are prefixed with an apostrophe.")
    void export(@RequestParam(name = "inventory_template_id", required = false) Long templateId,
            @RequestParam(name = "item", required = false) String item,
            @RequestParam(name = "item_state", required = false) String state,
            @RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(required = false) String serial, HttpServletResponse response) throws IOException {
        var filter = InventoryController.filter(templateId, item, state, customerId, serial);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"inventory-"
                + LocalDate.now(ZoneOffset.UTC) + ".csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        csv.export(filter, writer);
        writer.flush();
    }
}
