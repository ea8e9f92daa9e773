package io.switchboard.console.inventory;

import io.switchboard.console.web.Paging;
import io.switchboard.inventory.ImportReport;
import io.switchboard.inventory.InventoryCsv;
import io.switchboard.inventory.InventoryItems;
import io.switchboard.inventory.InventoryState;
import io.switchboard.inventory.InventoryTemplates;
import io.switchboard.inventory.ItemForm;
import io.switchboard.inventory.ItemSearch;
import io.switchboard.inventory.ItemView;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.inventory.TemplateView;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import io.switchboard.shared.QrCodes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Inventory items in the console: the list (search, type and state filters, sorting, paging, htmx like the
 * customer list), the item page (fields, QR code of the management URL, map, state actions allowed from the
 * current state, history), the new-item form, the items map, CSV import with its report and the export.
 */
@Controller
@RequestMapping("/console/inventory")
class ItemsController {

    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    static final List<InventoryState> CREATABLE = List.of(InventoryState.NEW, InventoryState.IN_STOCK,
            InventoryState.RETURNED, InventoryState.DAMAGED, InventoryState.RETIRED);

    private final InventoryItems items;
    private final InventoryTemplates templates;
    private final InventoryCsv csv;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    ItemsController(InventoryItems items, InventoryTemplates templates, InventoryCsv csv,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.items = items;
        this.templates = templates;
        this.csv = csv;
        this.json = json;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('view_inventory')")
    String list(@RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable Long template,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "inventory_id") String sort,
            @RequestParam(defaultValue = "desc") String order,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "25") int size,
            Model model, HttpServletRequest request) {
        InventoryState stateFilter = blank(state) ? null : InventoryState.parse("state", state);
        var filter = new ItemSearch(template, null, stateFilter, null, null, false);
        int perPage = PAGE_SIZES.contains(size) ? size : 25;
        var query = PageQuery.of(Math.max(1, page), perPage, sort, order, search);
        var results = items.search(filter, query);
        model.addAttribute("results", results);
        model.addAttribute("paging", Paging.of(results));
        model.addAttribute("search", search == null ? "" : search);
        model.addAttribute("template", template);
        model.addAttribute("state", stateFilter == null ? "" : stateFilter.name());
        model.addAttribute("sort", sort);
        model.addAttribute("order", order);
        model.addAttribute("size", perPage);
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("templates", templates.all());
        model.addAttribute("states", InventoryState.values());
        return isHtmx(request) ? "console/inventory/list :: results" : "console/inventory/list";
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('view_inventory')")
    String item(@PathVariable long id, Model model) {
        ItemView item = items.find(id).orElseThrow(() -> new NotFoundException("inventory", id));
        model.addAttribute("item", item);
        var history = new ArrayList<>(items.history(id));
        java.util.Collections.reverse(history);
        model.addAttribute("history", history);
        model.addAttribute("nextStates", item.itemState().manualNext());
        model.addAttribute("qr", item.managementUrl() == null ? null
                : QrCodes.svg(item.managementUrl(), item.item() + " " + item.serial()));
        model.addAttribute("webLink", item.managementUrl() != null
                && item.managementUrl().matches("(?i)https?://.*"));
        return "console/inventory/item";
    }

    @PostMapping("/{id:\\d+}/state")
    @PreAuthorize("hasAuthority('update_inventory')")
    String changeState(@PathVariable long id, @RequestParam String target, @RequestParam(required = false) String reason,
            @RequestParam(name = "customerId", required = false) String customerId, Model model,
            HttpServletResponse response) {
        try {
            Long customer = blank(customerId) ? null : parseId("customer_id", customerId);
            InventoryState state = InventoryState.parse("item_state", target);
            items.changeState(id, state, reason, state == InventoryState.ASSIGNED ? customer : null, null);
            return "redirect:/console/inventory/" + id + "?changed";
        } catch (InvalidInputException e) {
            model.addAttribute("stateError", e.errors().get(0).field() + ": " + e.errors().get(0).reason());
        } catch (ConflictException e) {
            model.addAttribute("stateError", e.getMessage());
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return item(id, model);
    }

    /** A labelled template field of the item form: {@code itemtext<n>} shown under {@code label}. */
    record Field(int n, String label) {
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('create_inventory')")
    String newItem(@RequestParam(required = false) @Nullable Long template, Model model) {
        return newForm(template, Map.of(), Map.of(), model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('create_inventory')")
    String createItem(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        Map<String, String> values = params.toSingleValueMap();
        var errors = new LinkedHashMap<String, String>();
        Long templateId = null;
        try {
            templateId = parseId("inventory_template_id", values.get("inventory_template_id"));
            InventoryState initial = blank(values.get("item_state")) ? null
                    : InventoryState.parse("item_state", values.get("item_state"));
            ItemForm form = form(templateId, initial, values, errors);
            if (errors.isEmpty()) {
                var created = items.create(form);
                return "redirect:/console/inventory/" + created.inventoryId() + "?created";
            }
            moduleErrors(form, null, errors);
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> errors.putIfAbsent(err.field(), err.reason()));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return newForm(templateId, values, errors, model);
    }

    private String newForm(@Nullable Long template, Map<String, String> values, Map<String, String> errors,
            Model model) {
        List<TemplateView> enabled = templates.all().stream().filter(TemplateView::enabled).toList();
        TemplateView chosen = enabled.stream().filter(t -> template != null && t.inventoryTemplateId() == template)
                .findFirst().orElse(enabled.isEmpty() ? null : enabled.get(0));
        model.addAttribute("templates", enabled);
        model.addAttribute("chosen", chosen);
        if (chosen != null) {
            model.addAttribute("templateId", chosen.inventoryTemplateId());
            model.addAttribute("fields", chosen.usedFields().stream().map(n -> new Field(n, chosen.label(n))).toList());
        }
        model.addAttribute("creatableStates", CREATABLE);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "console/inventory/new";
    }

    @GetMapping("/{id:\\d+}/edit")
    @PreAuthorize("hasAuthority('update_inventory')")
    String edit(@PathVariable long id, Model model) {
        ItemView item = items.find(id).orElseThrow(() -> new NotFoundException("inventory", id));
        return editForm(item, values(item), Map.of(), model);
    }

    /**
     * Saves the fields through {@link InventoryItems#update} (its validation, its activity record). The template,
     * state, customer and service stay as they are; blank costs clear them.
     */
    @PostMapping("/{id:\\d+}/edit")
    @PreAuthorize("hasAuthority('update_inventory')")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response) {
        ItemView item = items.find(id).orElseThrow(() -> new NotFoundException("inventory", id));
        Map<String, String> values = params.toSingleValueMap();
        var errors = new LinkedHashMap<String, String>();
        try {
            ItemForm form = form(item.inventoryTemplateId(), item.itemState(), values, errors);
            if (errors.isEmpty()) {
                items.update(id, current -> form);
                return "redirect:/console/inventory/" + id + "?updated";
            }
            moduleErrors(form, id, errors);
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> errors.putIfAbsent(err.field(), err.reason()));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return editForm(item, values, errors, model);
    }

    private String editForm(ItemView item, Map<String, String> values, Map<String, String> errors, Model model) {
        var fields = new ArrayList<Field>();
        for (int n = 1; n <= item.labels().size(); n++) {
            String label = item.labels().get(n - 1);
            if (label != null) {
                fields.add(new Field(n, label));
            }
        }
        model.addAttribute("item", item);
        model.addAttribute("templateId", item.inventoryTemplateId());
        model.addAttribute("fields", fields);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "console/inventory/edit";
    }

    /** Deletes through {@link InventoryItems#delete}; its refusal (Reserved, Assigned) is shown on the item page. */
    @PostMapping("/{id:\\d+}/delete")
    @PreAuthorize("hasAuthority('delete_inventory')")
    String delete(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            items.delete(id);
            return "redirect:/console/inventory?deleted";
        } catch (ConflictException e) {
            model.addAttribute("deleteError", e.getMessage());
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        return item(id, model);
    }

    /** Adds the module's own errors to those of the numbers that did not parse, so the form shows them all at once. */
    private void moduleErrors(ItemForm form, @Nullable Long inventoryId, Map<String, String> errors) {
        try {
            items.check(form, inventoryId);
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> errors.putIfAbsent(err.field(), err.reason()));
        }
    }

    /** The form's fields as the item has them (the edit form's first values). */
    private static Map<String, String> values(ItemView item) {
        var values = new LinkedHashMap<String, String>();
        values.put("serial", item.serial());
        for (int n = 1; n <= item.texts().size(); n++) {
            values.put("itemtext" + n, item.texts().get(n - 1));
        }
        values.put("item_location", item.itemLocation());
        values.put("address_line_1", item.addressLine1());
        values.put("address_line_2", item.addressLine2());
        values.put("city", item.city());
        values.put("state", item.state());
        values.put("zip_code", item.zipCode());
        values.put("country", item.country());
        values.put("latitude", item.latitude() == null ? null : item.latitude().toString());
        values.put("longitude", item.longitude() == null ? null : item.longitude().toString());
        values.put("management_url", item.managementUrl());
        values.put("wholesale_cost", item.wholesaleCost() == null ? null : item.wholesaleCost().toPlainString());
        values.put("retail_cost", item.retailCost() == null ? null : item.retailCost().toPlainString());
        values.put("inventory_notes", item.inventoryNotes());
        return values;
    }

    /** The posted fields as an {@link ItemForm}; numbers that do not parse go to {@code errors}. */
    private static ItemForm form(long templateId, @Nullable InventoryState state, Map<String, String> values,
            Map<String, String> errors) {
        var texts = new ArrayList<String>();
        for (int n = 1; n <= TemplateForm.FIELDS; n++) {
            texts.add(values.get("itemtext" + n));
        }
        return new ItemForm(templateId, values.get("serial"), state, texts, values.get("item_location"),
                values.get("address_line_1"), values.get("address_line_2"), values.get("city"), values.get("state"),
                values.get("zip_code"), values.get("country"), decimal(values, "latitude", errors),
                decimal(values, "longitude", errors), values.get("management_url"),
                amount(values, "wholesale_cost", errors), amount(values, "retail_cost", errors),
                values.get("inventory_notes"));
    }

    @GetMapping("/map")
    @PreAuthorize("hasAuthority('view_inventory')")
    String map(@RequestParam(required = false) @Nullable Long template, Model model)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        var located = items.search(new ItemSearch(template, null, null, null, null, true),
                PageQuery.of(1, PageQuery.MAX_PER_PAGE, "inventory_id", "desc", null));
        var markers = located.getContent().stream().map(i -> Map.of("id", i.inventoryId(), "latitude", i.latitude(),
                "longitude", i.longitude(), "title", i.item() + " " + i.serial() + " (" + i.itemState().label() + ")",
                "url", "/console/inventory/" + i.inventoryId())).toList();
        model.addAttribute("markersJson", json.writeValueAsString(markers));
        model.addAttribute("located", located);
        model.addAttribute("templates", templates.all());
        model.addAttribute("template", template);
        return "console/inventory/map";
    }

    @GetMapping("/import")
    @PreAuthorize("hasAuthority('create_inventory')")
    String importPage(Model model) {
        model.addAttribute("templates", templates.all());
        return "console/inventory/import";
    }

    @PostMapping("/import")
    @PreAuthorize("hasAuthority('create_inventory')")
    String importFile(@RequestParam("file") MultipartFile file,
            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun, Model model,
            HttpServletResponse response) throws IOException {
        model.addAttribute("templates", templates.all());
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            ImportReport report = csv.importCsv(reader, dryRun);
            model.addAttribute("report", report);
            if (!report.rejected().isEmpty()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        } catch (InvalidInputException e) {
            model.addAttribute("fileError", e.errors().get(0).reason());
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        return "console/inventory/import";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('view_inventory')")
    void export(@RequestParam(required = false) @Nullable Long template,
            @RequestParam(required = false) @Nullable String state, HttpServletResponse response) throws IOException {
        var filter = new ItemSearch(template, null, blank(state) ? null : InventoryState.parse("state", state), null,
                null, false);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"inventory.csv\"");
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        csv.export(filter, writer);
        writer.flush();
    }

    private static long parseId(String field, @Nullable String text) {
        try {
            return Long.parseLong(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "must be a number");
        }
    }

    @Nullable
    private static Double decimal(Map<String, String> values, String field, Map<String, String> errors) {
        String text = values.get(field);
        if (blank(text)) {
            return null;
        }
        try {
            return Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number");
            return null;
        }
    }

    @Nullable
    private static BigDecimal amount(Map<String, String> values, String field, Map<String, String> errors) {
        String text = values.get(field);
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "must be an amount");
            return null;
        }
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-Boosted"));
    }

    static BigDecimal money(@Nullable String text, String field) {
        if (blank(text)) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "must be an amount");
        }
    }
}
