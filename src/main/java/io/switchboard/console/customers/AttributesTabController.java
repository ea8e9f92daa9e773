package io.switchboard.console.customers;

import io.switchboard.console.FormErrors;
import io.switchboard.customer.AttributeView;
import io.switchboard.customer.CustomerAttributes;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Attributes tab (A-ATTR-04..07): the customer's key/value pairs; add (or update the value of an existing
 * name, the guide's create-or-update), edit (renaming warns that integrations keyed on the old name may break) and
 * delete.
 */
@Controller
@RequestMapping("/console/customers/{customerId}/attributes")
@PreAuthorize("hasAuthority('view_customer_attribute')")
class AttributesTabController {

    private final CustomerAttributes attributes;
    private final CustomerPage page;

    AttributesTabController(CustomerAttributes attributes, CustomerPage page) {
        this.attributes = attributes;
        this.page = page;
    }

    @GetMapping
    String list(@PathVariable long customerId, Model model, HttpServletRequest request) {
        return showList(customerId, model, request);
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('create_customer_attribute')")
    String initCreationForm(@PathVariable long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        model.addAttribute("input", new AttributeInput());
        return page.show(CustomerTab.ATTRIBUTES, "editor", model, request);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('create_customer_attribute')")
    String processCreationForm(@PathVariable long customerId, @ModelAttribute("input") AttributeInput input,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                attributes.put(input.toForm(customerId));
                return saved(customerId, "customers.attributes.saved", model, request, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return formAgain(customerId, model, request, response);
    }

    @GetMapping("/{attributeId}/edit")
    @PreAuthorize("hasAuthority('update_customer_attribute')")
    String initUpdateForm(@PathVariable long customerId, @PathVariable long attributeId, Model model,
            HttpServletRequest request) {
        page.load(customerId, model);
        var attribute = attributeOf(customerId, attributeId);
        model.addAttribute("attribute", attribute);
        model.addAttribute("input", AttributeInput.of(attribute));
        return page.show(CustomerTab.ATTRIBUTES, "editor", model, request);
    }

    @PostMapping("/{attributeId}/edit")
    @PreAuthorize("hasAuthority('update_customer_attribute')")
    String processUpdateForm(@PathVariable long customerId, @PathVariable long attributeId,
            @ModelAttribute("input") AttributeInput input, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var attribute = attributeOf(customerId, attributeId);
        if (!result.hasErrors()) {
            try {
                attributes.update(attributeId, current -> input.toForm(customerId));
                return saved(customerId, "customers.attributes.saved", model, request, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("attribute", attribute);
        return formAgain(customerId, model, request, response);
    }

    @PostMapping("/{attributeId}/delete")
    @PreAuthorize("hasAuthority('delete_customer_attribute')")
    String delete(@PathVariable long customerId, @PathVariable long attributeId, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        attributeOf(customerId, attributeId);
        attributes.delete(attributeId);
        return saved(customerId, "customers.attributes.deleted", model, request, redirect);
    }

    private AttributeView attributeOf(long customerId, long attributeId) {
        return attributes.find(attributeId).filter(a -> a.customerId() == customerId)
                .orElseThrow(() -> new NotFoundException("attribute", attributeId));
    }

    private String showList(long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        model.addAttribute("attributes", attributes.forCustomer(customerId));
        return page.show(CustomerTab.ATTRIBUTES, "panel", model, request);
    }

    private String saved(long customerId, String notice, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!CustomerPage.isHtmx(request)) {
            redirect.addFlashAttribute("notice", notice);
            return CustomerPage.redirectTo(customerId, CustomerTab.ATTRIBUTES);
        }
        model.addAttribute("notice", notice);
        return showList(customerId, model, request);
    }

    private String formAgain(long customerId, Model model, HttpServletRequest request, HttpServletResponse response) {
        page.load(customerId, model);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page.show(CustomerTab.ATTRIBUTES, "editor", model, request);
    }
}
