package io.switchboard.inventory.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inventory.InventoryTemplates;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.inventory.TemplateView;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Inventory templates", description = "Inventory types (A-INV-03..08): item (the exact name products "
        + "require), costs, itemtext1_label..itemtext20_label, dropdown flags, enabled")
class TemplateController {

    private static final String READ = "hasAnyAuthority('view_inventory_template','view_own_inventory_template',"
            + "'view_inventory','view_own_inventory')";

    private final InventoryTemplates templates;

    TemplateController(InventoryTemplates templates) {
        this.templates = templates;
    }

    @PutMapping({"/crm/inventory/templates/", "/crm/inventory/templates"})
    @PreAuthorize("hasAuthority('create_inventory_template')")
    @Operation(summary = "Create a template", description = "item is required and unique (case-sensitive); "
            + "itemtext1_label/itemtext2_label default to Model Number / Serial Number.")
    TemplateView create(@RequestBody JsonNode body) {
        return templates.create(Json.of(body).template(new TemplateForm(null, null, null, null, null, List.of(),
                true, false, true)));
    }

    @GetMapping({"/crm/inventory/templates/", "/crm/inventory/templates"})
    @PreAuthorize(READ)
    @Operation(summary = "List templates", description = "Paged (page, per_page, sort: inventory_template_id, item, "
            + "enabled, created, last_modified; order; search in name and description); enabled_only=true for pickers.")
    ApiPage<TemplateView> list(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search,
            @RequestParam(name = "enabled_only", defaultValue = "false") boolean enabledOnly) {
        return ApiPage.of(templates.search(PageQuery.of(page, perPage, sort, order, search), enabledOnly), t -> t);
    }

    @GetMapping("/crm/inventory/templates/inventory_template_id/{templateId}")
    @PreAuthorize(READ)
    @Operation(summary = "Get a template")
    TemplateView get(@PathVariable long templateId) {
        return templates.find(templateId).orElseThrow(() -> new NotFoundException("inventory_template", templateId));
    }

    @PatchMapping("/crm/inventory/templates/inventory_template_id/{templateId}")
    @PreAuthorize("hasAuthority('update_inventory_template')")
    @Operation(summary = "Update a template", description = "A merge patch; renaming breaks products that require "
            + "the old name (A-INV-08). Items keep their values when labels change.")
    TemplateView update(@PathVariable long templateId, @RequestBody JsonNode body) {
        var json = Json.of(body);
        return templates.update(templateId, json::template);
    }

    @DeleteMapping("/crm/inventory/templates/inventory_template_id/{templateId}")
    @PreAuthorize("hasAuthority('delete_inventory_template')")
    @Operation(summary = "Delete a template", description = "Refused (409) while items use it; disable it instead.")
    Map<String, String> delete(@PathVariable long templateId) {
        templates.delete(templateId);
        return Map.of("result", "success");
    }
}
