package io.switchboard.customer.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.customer.AccountType;
import io.switchboard.customer.CustomerForm;
import io.switchboard.customer.CustomerSearch;
import io.switchboard.customer.CustomerStatus;
import io.switchboard.customer.CustomerView;
import io.switchboard.customer.Customers;
import io.switchboard.customer.PaymentType;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers", description = "Customers (A-CUS): PUT creates, PATCH updates, DELETE archives (guarded), restore")
class CustomerController {

    private static final String READ = "hasAnyAuthority('view_customer','view_own_customer','view_assigned_customer')";

    private final Customers customers;
    private final MergePatch mergePatch;

    CustomerController(Customers customers, MergePatch mergePatch) {
        this.customers = customers;
        this.mergePatch = mergePatch;
    }

    @PutMapping({"/crm/customer/", "/crm/customer"})
    @PreAuthorize("hasAuthority('create_customer')")
    @Operation(summary = "Create a customer", description = "Status defaults to Open, payment type to postpaid. "
            + "'Suspension' is accepted for Suspended. Needs create_customer.")
    CustomerView create(@RequestBody CustomerForm form) {
        return customers.create(form);
    }

    @GetMapping("/crm/customer/customer_id/{customerId}")
    @PreAuthorize(READ)
    @Operation(summary = "Get a customer with its contacts", description = "Needs view_customer, view_own_customer "
            + "(customer users, own customer only) or view_assigned_customer (coordinators, assigned customers only).")
    CustomerView get(@PathVariable long customerId) {
        return customers.find(customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
    }

    @GetMapping({"/crm/customers", "/crm/customer/", "/crm/customer"})
    @PreAuthorize(READ)
    @Operation(summary = "List customers", description = "Paged: page, per_page (max 100), sort (customer_id, "
            + "customer_name, customer_status, customer_account_type, customer_payment_type, created, last_modified), "
            + "order (asc|desc), search (name substring or exact id). Archived customers only with include_archived=true "
            + "or customer_status=Archived.")
    ApiPage<CustomerView> list(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search,
            @RequestParam(name = "customer_status", required = false) String status,
            @RequestParam(name = "customer_account_type", required = false) String accountType,
            @RequestParam(name = "customer_payment_type", required = false) String paymentType,
            @RequestParam(name = "assigned_user_id", required = false) Long assignedUserId,
            @RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived) {
        var query = PageQuery.of(page, perPage, sort, order, search);
        var filter = new CustomerSearch(
                blank(status) ? null : CustomerStatus.parse("customer_status", status),
                blank(accountType) ? null : AccountType.parse("customer_account_type", accountType),
                blank(paymentType) ? null : PaymentType.parse("customer_payment_type", paymentType),
                assignedUserId, includeArchived);
        return ApiPage.of(customers.search(filter, query), c -> c);
    }

    @PatchMapping("/crm/customer/customer_id/{customerId}")
    @PreAuthorize("hasAuthority('update_customer')")
    @Operation(summary = "Update a customer", description = "Fields present replace the current values, null clears "
            + "an optional one. Archived customers must be restored first. Needs update_customer.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = CustomerForm.class))))
    CustomerView update(@PathVariable long customerId, @RequestBody JsonNode patch) {
        return customers.update(customerId, current -> mergePatch.apply(current, patch, CustomerForm.class));
    }

    @DeleteMapping("/crm/customer/customer_id/{customerId}")
    @PreAuthorize("hasAuthority('delete_customer')")
    @Operation(summary = "Archive a customer (the guide's delete)", description = "Refused with 409 and the list of "
            + "blockers while the customer has active services, unpaid invoices or uninvoiced transactions. "
            + "Needs delete_customer.")
    Map<String, String> archive(@PathVariable long customerId) {
        customers.archive(customerId);
        return Results.SUCCESS;
    }

    @PostMapping("/crm/customer/customer_id/{customerId}/restore")
    @PreAuthorize("hasAuthority('delete_customer')")
    @Operation(summary = "Restore an archived customer", description = "Puts back the status it had before archiving. "
            + "Needs delete_customer.")
    CustomerView restore(@PathVariable long customerId) {
        return customers.restore(customerId);
    }

    @GetMapping("/crm/customer/customer_id/{customerId}/archive_blockers")
    @PreAuthorize(READ)
    @Operation(summary = "What prevents archiving a customer now", description = "Empty when DELETE would succeed.")
    Map<String, Object> archiveBlockers(@PathVariable long customerId) {
        List<String> blockers = customers.archiveBlockers(customerId);
        return Map.of("customer_id", customerId, "blockers", blockers);
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
