package io.switchboard.console.inventory;

import io.switchboard.inventory.InventoryTemplates;
import io.switchboard.inventory.TemplateForm;
import io.switchboard.inventory.TemplateView;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/** Inventory templates in the console: the list and the form (name, costs, the 20 field labels, flags). */
@Controller
@RequestMapping("/console/inventory/templates")
class TemplatesController {

    private final InventoryTemplates templates;

    TemplatesController(InventoryTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('view_inventory_template', 'view_inventory')")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        return "console/inventory/templates";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('create_inventory_template')")
    String newTemplate(Model model) {
        return form(model, null, TemplateForm.named("", "Model Number", "Serial Number"), Map.of());
    }

    @GetMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('update_inventory_template')")
    String edit(@PathVariable long id, Model model) {
        TemplateView template = templates.find(id).orElseThrow(() -> new NotFoundException("inventory_template", id));
        return form(model, template, template.toForm(), Map.of());
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('create_inventory_template')")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
        return save(null, params, model, response);
    }

    @PostMapping("/{id:\\d+}")
    @PreAuthorize("hasAuthority('update_inventory_template')")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletResponse response) {
        templates.find(id).orElseThrow(() -> new NotFoundException("inventory_template", id));
        return save(id, params, model, response);
    }

    private String save(@Nullable Long id, MultiValueMap<String, String> params, Model model,
            HttpServletResponse response) {
        Map<String, String> values = params.toSingleValueMap();
        var labels = new ArrayList<String>();
        for (int n = 1; n <= TemplateForm.FIELDS; n++) {
            labels.add(values.get("itemtext" + n + "_label"));
        }
        var errors = new LinkedHashMap<String, String>();
        TemplateForm form = new TemplateForm(values.get("item"), values.get("description"), values.get("icon"),
                null, null, labels, params.containsKey("allow_staff_dropdown"),
                params.containsKey("allow_customer_dropdown"), params.containsKey("enabled"));
        try {
            form = new TemplateForm(form.item(), form.description(), form.icon(),
                    ItemsController.money(values.get("wholesale_cost"), "wholesale_cost"),
                    ItemsController.money(values.get("retail_cost"), "retail_cost"), labels, form.allowStaffDropdown(),
                    form.allowCustomerDropdown(), form.enabled());
            TemplateForm saved = form;
            if (id == null) {
                templates.create(saved);
            } else {
                templates.update(id, current -> saved);
            }
            return "redirect:/console/inventory/templates?saved";
        } catch (InvalidInputException e) {
            e.errors().forEach(err -> errors.putIfAbsent(err.field(), err.reason()));
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return form(model, id == null ? null : templates.find(id).orElse(null), form, errors);
    }

    private String form(Model model, @Nullable TemplateView template, TemplateForm form, Map<String, String> errors) {
        model.addAttribute("template", template);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "console/inventory/template-form";
    }
}
