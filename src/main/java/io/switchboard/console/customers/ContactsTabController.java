package io.switchboard.console.customers;

import io.switchboard.console.FormErrors;
import io.switchboard.customer.ContactType;
import io.switchboard.customer.ContactView;
import io.switchboard.customer.Contacts;
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

/** The Contacts tab (A-CON): the customer's contacts with their types; add, edit and delete them. */
@Controller
@RequestMapping("/console/customers/{customerId}/contacts")
@PreAuthorize("hasAuthority('view_customer_contact')")
class ContactsTabController {

    private final Contacts contacts;
    private final CustomerPage page;

    ContactsTabController(Contacts contacts, CustomerPage page) {
        this.contacts = contacts;
        this.page = page;
    }

    @ModelAttribute("contactTypes")
    ContactType[] contactTypes() {
        return ContactType.values();
    }

    @GetMapping
    String list(@PathVariable long customerId, Model model, HttpServletRequest request) {
        return showList(customerId, model, request);
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('create_customer_contact')")
    String initCreationForm(@PathVariable long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        model.addAttribute("input", new ContactInput());
        return page.show(CustomerTab.CONTACTS, "editor", model, request);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('create_customer_contact')")
    String processCreationForm(@PathVariable long customerId, @ModelAttribute("input") ContactInput input,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                contacts.create(input.toForm(customerId));
                return saved(customerId, "customers.contacts.added", model, request, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return formAgain(customerId, model, request, response);
    }

    @GetMapping("/{contactId}/edit")
    @PreAuthorize("hasAuthority('update_customer_contact')")
    String initUpdateForm(@PathVariable long customerId, @PathVariable long contactId, Model model,
            HttpServletRequest request) {
        page.load(customerId, model);
        var contact = contactOf(customerId, contactId);
        model.addAttribute("contact", contact);
        model.addAttribute("input", ContactInput.of(contact));
        return page.show(CustomerTab.CONTACTS, "editor", model, request);
    }

    @PostMapping("/{contactId}/edit")
    @PreAuthorize("hasAuthority('update_customer_contact')")
    String processUpdateForm(@PathVariable long customerId, @PathVariable long contactId,
            @ModelAttribute("input") ContactInput input, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var contact = contactOf(customerId, contactId);
        if (!result.hasErrors()) {
            try {
                contacts.update(contactId, current -> input.toForm(customerId));
                return saved(customerId, "customers.contacts.saved", model, request, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("contact", contact);
        return formAgain(customerId, model, request, response);
    }

    @PostMapping("/{contactId}/delete")
    @PreAuthorize("hasAuthority('delete_customer_contact')")
    String delete(@PathVariable long customerId, @PathVariable long contactId, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        contactOf(customerId, contactId);
        contacts.delete(contactId);
        return saved(customerId, "customers.contacts.deleted", model, request, redirect);
    }

    private ContactView contactOf(long customerId, long contactId) {
        return contacts.find(contactId).filter(c -> c.customerId() == customerId)
                .orElseThrow(() -> new NotFoundException("contact", contactId));
    }

    private String showList(long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        model.addAttribute("contacts", contacts.forCustomer(customerId));
        return page.show(CustomerTab.CONTACTS, "panel", model, request);
    }

    private String saved(long customerId, String notice, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!CustomerPage.isHtmx(request)) {
            redirect.addFlashAttribute("notice", notice);
            return CustomerPage.redirectTo(customerId, CustomerTab.CONTACTS);
        }
        model.addAttribute("notice", notice);
        return showList(customerId, model, request);
    }

    private String formAgain(long customerId, Model model, HttpServletRequest request, HttpServletResponse response) {
        page.load(customerId, model);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page.show(CustomerTab.CONTACTS, "editor", model, request);
    }
}
