package io.switchboard.inventory.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.inventory.InventoryItems;
import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.InventoryTemplates;
import io.switchboard.inventory.ItemForm;
import io.switchboard.inventory.ItemSearch;
import io.switchboard.inventory.ItemView;
import io.switchboard.inventory.StateChange;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import io.switchboard.shared.QrCodes;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
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
@Tag(name = "Inventory", description = "Inventory items (A-INV): PUT creates, PATCH updates fields and changes state "
        + "through the state machine, with history")
class InventoryController {

    static final String READ = "hasAnyAuthority('view_inventory','view_own_inventory')";

    private final InventoryItems items;
    private final InventoryTemplates templates;

    InventoryController(InventoryItems items, InventoryTemplates templates) {
        this.items = items;
        this.templates = templates;
    }

    @PutMapping({"/crm/inventory/", "/crm/inventory"})
    @PreAuthorize("hasAuthority('create_inventory')")
    @Operation(summary = "Create an item", description = "inventory_template_id or item (the template's exact name), "
            + "serial (unique within the template), itemtext1..20 for the template's labelled fields, item_state "
            + "(New by default; New, In Stock, Returned, Damaged or Retired), location, address, latitude/longitude, "
            + "management_url, costs (default: the template's), inventory_notes. Needs create_inventory.")
    ItemView create(@RequestBody JsonNode body) {
        var json = Json.of(body);
        ItemForm form = json.item(ItemForm.of(0, null).withState(null));
        if (!json.has("inventory_template_id")) {
            String name = json.string("item");
            if (name == null) {
                throw InvalidInputException.of("inventory_template_id", "must name a template (or send item, its name)");
            }
            long templateId = templates.findByName(name)
                    .orElseThrow(() -> InvalidInputException.of("item", "no template named " + name))
                    .inventoryTemplateId();
            form = new ItemForm(templateId, form.serial(), null, form.texts(), form.itemLocation(), form.addressLine1(),
                    form.addressLine2(), form.city(), form.state(), form.zipCode(), form.country(), form.latitude(),
                    form.longitude(), form.managementUrl(), form.wholesaleCost(), form.retailCost(), form.inventoryNotes());
        }
        return items.create(form.withState(json.state()));
    }

    @GetMapping("/crm/inventory/inventory_id/{inventoryId}")
    @PreAuthorize(READ)
    @Operation(summary = "Get an item", description = "Customer users (view_own_inventory) see only items assigned "
            + "to their customer.")
    ItemView get(@PathVariable long inventoryId) {
        return items.find(inventoryId).orElseThrow(() -> new NotFoundException("inventory", inventoryId));
    }

    @PatchMapping("/crm/inventory/inventory_id/{inventoryId}")
    @PreAuthorize("hasAuthority('update_inventory')")
    @Operation(summary = "Update an item", description = "A merge patch of the item fields. item_state moves the item "
            + "through the state machine (409 for a refused transition) and records the history with the optional "
            + "reason; to Assigned it takes customer_id (required) and service_id, as the guide's playbooks send "
            + "them; leaving Assigned clears both. Reserved items change only through their provisioning run.")
    ItemView update(@PathVariable long inventoryId, @RequestBody JsonNode body) {
        var json = Json.of(body);
        InventoryState target = json.state();
        Long customer = json.longValue("customer_id");
        Long service = json.longValue("service_id");
        String reason = json.string("reason");
        return items.patch(inventoryId, current -> {
            if (json.has("inventory_template_id") && !java.util.Objects.equals(json.longValue("inventory_template_id"),
                    current.inventoryTemplateId())) {
                throw InvalidInputException.unprocessable("inventory_template_id", "an item keeps its template");
            }
            return json.item(current);
        }, target, reason, customer, service);
    }

    @DeleteMapping("/crm/inventory/inventory_id/{inventoryId}")
    @PreAuthorize("hasAuthority('delete_inventory')")
    @Operation(summary = "Delete an item", description = "Refused (409) while the item is Reserved or Assigned.")
    Map<String, String> delete(@PathVariable long inventoryId) {
        items.delete(inventoryId);
        return Map.of("result", "success");
    }

    @GetMapping({"/crm/inventory/", "/crm/inventory"})
    @PreAuthorize(READ)
    @Operation(summary = "List items", description = "Paged: page, per_page (max 100), sort (inventory_id, item, serial, "
            + "item_state, item_location, customer_id, created, last_modified), order, search (serial, type, "
            + "location, notes, city, itemtext1..3). Filters: inventory_template_id, item (type name), item_state, "
            + "customer_id, serial (exact).")
    ApiPage<ItemView> list(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search,
            @RequestParam(name = "inventory_template_id", required = false) Long templateId,
            @RequestParam(name = "item", required = false) String item,
            @RequestParam(name = "item_state", required = false) String state,
            @RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(required = false) String serial) {
        var query = PageQuery.of(page, perPage, sort, order, search);
        return ApiPage.of(items.search(filter(templateId, item, state, customerId, serial), query), i -> i);
    }

    static ItemSearch filter(@Nullable Long templateId, @Nullable String item, @Nullable String state,
            @Nullable Long customerId, @Nullable String serial) {
        return new ItemSearch(templateId, blank(item) ? null : item,
                blank(state) ? null : InventoryState.parse("item_state", state), customerId,
                blank(serial) ? null : serial.trim(), false);
    }

    @GetMapping("/crm/inventory/inventory_id/{inventoryId}/history")
    @PreAuthorize(READ)
    @Operation(summary = "An item's state history", description = "Oldest first: from_state, to_state, actor, reason, "
            + "run_id, changed_at.")
    List<StateChange> history(@PathVariable long inventoryId) {
        return items.history(inventoryId);
    }

    @GetMapping(value = "/crm/inventory/inventory_id/{inventoryId}/qr.svg", produces = "image/svg+xml")
    @PreAuthorize(READ)
    @Operation(summary = "The management URL as a QR code (SVG)", description = "404 when the item has no management_url.")
    ResponseEntity<String> qr(@PathVariable long inventoryId) {
        ItemView item = get(inventoryId);
        if (item.managementUrl() == null) {
            throw new NotFoundException("management_url", inventoryId);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(QrCodes.svg(item.managementUrl(), item.item() + " " + item.serial()));
    }

    @GetMapping("/crm/inventory/available")
    @PreAuthorize("hasAuthority('view_inventory')")
    @Operation(summary = "Items a provisioning picker may offer for a type", description = "C-INVR-05: of the exact "
            + "template name, New or In Stock, without customer or service; at most limit (default 50).")
    List<ItemView> available(@RequestParam String item, @RequestParam(defaultValue = "50") int limit) {
        return items.available(item, limit);
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
