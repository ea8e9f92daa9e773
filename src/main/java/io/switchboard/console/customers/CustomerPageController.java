package io.switchboard.console.customers;

import io.switchboard.console.FormErrors;
import io.switchboard.customer.AccountType;
import io.switchboard.customer.CustomerArchiveBlockedException;
import io.switchboard.customer.CustomerStatus;
import io.switchboard.customer.Customers;
import io.switchboard.customer.PaymentType;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer page ({@code /console/customers/{id}}, deep-linkable with {@code ?tab=}) and its Details tab: the
 * customer's fields, the edit form ({@code update_customer}), archiving with the guard's blockers shown and
 * restoring ({@code delete_customer}, A-CUS-06/07).
 */
@Controller
@RequestMapping("/console/customers/{customerId}")
@PreAuthorize("hasAnyAuthority('view_customer', 'view_assigned_customer')")
class CustomerPageController {

    static final String DETAILS = CustomerTab.DETAILS.template();

    private final Customers customers;
    private final CustomerPage page;
    private final CurrentActor currentActor;

    CustomerPageController(Customers customers, CustomerPage page, CurrentActor currentActor) {
        this.customers = customers;
        this.page = page;
        this.currentActor = currentActor;
    }

    @ModelAttribute("accountTypes")
    AccountType[] accountTypes() {
        return AccountType.values();
    }

    @ModelAttribute("paymentTypes")
    PaymentType[] paymentTypes() {
        return PaymentType.values();
    }

    /** The statuses a form may set; Archived comes only from archiving. */
    @ModelAttribute("editableStatuses")
    List<CustomerStatus> editableStatuses() {
        return Arrays.stream(CustomerStatus.values()).filter(s -> s != CustomerStatus.ARCHIVED).toList();
    }

    /** The page with the tab {@code ?tab=} names (the details when absent, unknown or not the actor's to see). */
    @GetMapping
    String show(@PathVariable long customerId, @RequestParam(required = false) @Nullable String tab) {
        var wanted = CustomerTab.byId(tab).filter(t -> t.visibleTo(currentActor.get())).orElse(CustomerTab.DETAILS);
        return "forward:/console/customers/" + customerId + "/" + wanted.id();
    }

    @GetMapping("/details")
    String details(@PathVariable long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        return page.show(CustomerTab.DETAILS, "panel", model, request);
    }

    @GetMapping("/details/edit")
    @PreAuthorize("hasAuthority('update_customer')")
    String initUpdateForm(@PathVariable long customerId, Model model, HttpServletRequest request) {
        var customer = page.load(customerId, model);
        model.addAttribute("input", CustomerInput.of(customer));
        return page.show(CustomerTab.DETAILS, "editor", model, request);
    }

    @PostMapping("/details/edit")
    @PreAuthorize("hasAuthority('update_customer')")
    String processUpdateForm(@PathVariable long customerId, @ModelAttribute("input") CustomerInput input,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                customers.update(customerId, input::applyTo);
                if (!CustomerPage.isHtmx(request)) {
                    redirect.addFlashAttribute("notice", "customers.details.saved");
                    return CustomerPage.redirectTo(customerId, CustomerTab.DETAILS);
                }
                page.load(customerId, model);
                model.addAttribute("notice", "customers.details.saved");
                return page.showWithHeader(CustomerTab.DETAILS, "panel", model, request);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        page.load(customerId, model);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page.show(CustomerTab.DETAILS, "editor", model, request);
    }

    /** Asks before archiving, listing what blocks it (A-CUS-06). */
    @GetMapping("/archive")
    @PreAuthorize("hasAuthority('delete_customer')")
    String initArchive(@PathVariable long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        model.addAttribute("blockers", customers.archiveBlockers(customerId));
        return page.show(CustomerTab.DETAILS, "archive", model, request);
    }

    @PostMapping("/archive")
    @PreAuthorize("hasAuthority('delete_customer')")
    String processArchive(@PathVariable long customerId, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            customers.archive(customerId);
        } catch (CustomerArchiveBlockedException e) {
            // something started blocking between the question and the answer: ask again, showing why
            page.load(customerId, model);
            model.addAttribute("blockers", e.blockers());
            response.setStatus(HttpStatus.CONFLICT.value());
            return page.show(CustomerTab.DETAILS, "archive", model, request);
        }
        return changedStatus(customerId, "customers.archive.done", model, request, redirect);
    }

    @PostMapping("/restore")
    @PreAuthorize("hasAuthority('delete_customer')")
    String processRestore(@PathVariable long customerId, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        customers.restore(customerId);
        return changedStatus(customerId, "customers.restore.done", model, request, redirect);
    }

    private String changedStatus(long customerId, String notice, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!CustomerPage.isHtmx(request)) {
            redirect.addFlashAttribute("notice", notice);
            return CustomerPage.redirectTo(customerId, CustomerTab.DETAILS);
        }
        page.load(customerId, model);
        model.addAttribute("notice", notice);
        return page.showWithHeader(CustomerTab.DETAILS, "panel", model, request);
    }
}
