package io.switchboard.customer.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.customer.ContactForm;
import io.switchboard.customer.ContactSearch;
import io.switchboard.customer.ContactType;
import io.switchboard.customer.ContactView;
import io.switchboard.customer.Contacts;
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
@Tag(name = "Contacts", description = "People of a customer (A-CON) with their types Primary, Billing, Technical")
class ContactController {

    private static final String READ = "hasAnyAuthority('view_customer_contact','view_own_customer_contact')";

    private final Contacts contacts;
    private final MergePatch mergePatch;

    ContactController(Contacts contacts, MergePatch mergePatch) {
        this.contacts = contacts;
        this.mergePatch = mergePatch;
    }

    @PutMapping({"/crm/contact/", "/crm/contact"})
    @PreAuthorize("hasAuthority('create_customer_contact')")
    @Operation(summary = "Create a contact", description = "Needs create_customer_contact.")
    ContactView create(@RequestBody ContactForm form) {
        return contacts.create(form);
    }

    @GetMapping("/crm/contact/contact_id/{contactId}")
    @PreAuthorize(READ)
    @Operation(summary = "Get a contact")
    ContactView get(@PathVariable long contactId) {
        return contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
    }

    @GetMapping("/crm/contact/customer_id/{customerId}")
    @PreAuthorize(READ)
    @Operation(summary = "A customer's contacts", description = "A JSON array, oldest first.")
    List<ContactView> forCustomer(@PathVariable long customerId) {
        return contacts.forCustomer(customerId);
    }

    @GetMapping("/crm/contacts")
    @PreAuthorize(READ)
    @Operation(summary = "List contacts", description = "Paged; search matches first name, last name, email or phone "
            + "(also by digits). Filters customer_id, contact_type, include_archived.")
    ApiPage<ContactView> list(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search,
            @RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(name = "contact_type", required = false) String contactType,
            @RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived) {
        var query = PageQuery.of(page, perPage, sort, order, search);
        var filter = new ContactSearch(customerId,
                CustomerController.blank(contactType) ? null : ContactType.parse("contact_type", contactType),
                includeArchived);
        return ApiPage.of(contacts.search(filter, query), c -> c);
    }

    @PatchMapping("/crm/contact/contact_id/{contactId}")
    @PreAuthorize("hasAuthority('update_customer_contact')")
    @Operation(summary = "Update a contact", description = "Fields present replace the current values.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ContactForm.class))))
    ContactView update(@PathVariable long contactId, @RequestBody JsonNode patch) {
        return contacts.update(contactId, current -> mergePatch.apply(current, patch, ContactForm.class));
    }

    @DeleteMapping("/crm/contact/contact_id/{contactId}")
    @PreAuthorize("hasAuthority('delete_customer_contact')")
    @Operation(summary = "Delete a contact", description = "Refused while a portal user is linked to it.")
    Map<String, String> delete(@PathVariable long contactId) {
        contacts.delete(contactId);
        return Results.SUCCESS;
    }
}
