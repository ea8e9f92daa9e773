package io.switchboard.console.customers;

import io.switchboard.console.FormErrors;
import io.switchboard.console.web.Paging;
import io.switchboard.customer.AccountType;
import io.switchboard.customer.ContactType;
import io.switchboard.customer.ContactView;
import io.switchboard.customer.CustomerView;
import io.switchboard.customer.CustomerSearch;
import io.switchboard.customer.CustomerStatus;
import io.switchboard.customer.Customers;
import io.switchboard.customer.PaymentType;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer list (A-CUS-04): search as you type, status filter, archived customers on request, sorting and
 * paging; and the form for a new customer. Staff with {@code view_customer}, or coordinators with
 * {@code view_assigned_customer} (who see only their customers: {@link Customers} scopes the query).
 */
@Controller
@RequestMapping("/console/customers")
class CustomerListController {

    static final String LIST_VIEW = "console/customers/list";
    static final String RESULTS_FRAGMENT = LIST_VIEW + " :: results";
    static final String NEW_VIEW = "console/customers/new";
    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    /** The list's sort keys (also the API's) and their default direction. */
    static final Map<String, String> SORTS = Map.of("customer_name", "asc", "customer_id", "desc",
            "customer_status", "asc");

    private final Customers customers;

    CustomerListController(Customers customers) {
        this.customers = customers;
    }

    @ModelAttribute("accountTypes")
    AccountType[] accountTypes() {
        return AccountType.values();
    }

    @ModelAttribute("paymentTypes")
    PaymentType[] paymentTypes() {
        return PaymentType.values();
    }

    @GetMapping
    @PreAuthorize("hasAnyAuthority('view_customer', 'view_assigned_customer')")
    String list(@RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String order,
            @RequestParam(defaultValue = "1") String page,
            @RequestParam(defaultValue = "25") String size,
            Model model, HttpServletRequest request) {
        var query = ListQuery.of(search, status, archived, sort, order, page, size);
        var filter = new CustomerSearch(query.status(), null, null, null, query.archived());
        var results = customers.search(filter, query.pageQuery());
        if (results.getTotalPages() > 0 && query.page() > results.getTotalPages()) {
            query = query.onPage(results.getTotalPages());
            results = customers.search(filter, query.pageQuery());
        }
        model.addAttribute("query", query);
        model.addAttribute("results", results.map(CustomerRow::of));
        model.addAttribute("paging", Paging.of(results));
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("pageSizes", PAGE_SIZES);
        return CustomerPage.isHtmx(request) ? RESULTS_FRAGMENT : LIST_VIEW;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('create_customer')")
    String initCreationForm(Model model) {
        model.addAttribute("input", new CustomerInput());
        return NEW_VIEW;
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('create_customer')")
    String processCreationForm(@ModelAttribute("input") CustomerInput input, BindingResult result,
            HttpServletRequest request, HttpServletResponse response) {
        if (!result.hasErrors()) {
            try {
                var created = customers.create(input.toNewCustomer());
                String page = "/console/customers/" + created.customerId();
                if (CustomerPage.isHtmx(request)) {
                    response.setHeader("HX-Redirect", page);
                    return NEW_VIEW + " :: editor";
                }
                return "redirect:" + page;
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return CustomerPage.isHtmx(request) ? NEW_VIEW + " :: editor" : NEW_VIEW;
    }

    /** A row of the list: the customer and its primary contact (the first one with that type), if any. */
    record CustomerRow(CustomerView customer, @Nullable ContactView primaryContact) {

        static CustomerRow of(CustomerView customer) {
            return new CustomerRow(customer, customer.contacts().stream()
                    .filter(contact -> contact.hasType(ContactType.PRIMARY)).findFirst().orElse(null));
        }
    }

    /**
     * The list's state as the URL carries it, cleaned up: anything out of range falls back to the default rather
     * than failing, because these values come from links and typing, not from an API client.
     */
    record ListQuery(String search, @Nullable CustomerStatus status, boolean archived, String sort, String order,
            int page, int size) {

        static ListQuery of(@Nullable String search, @Nullable String status, boolean archived, @Nullable String sort,
                @Nullable String order, String page, String size) {
            String text = search == null ? "" : search.strip();
            if (text.length() > 200) {
                text = text.substring(0, 200);
            }
            CustomerStatus wanted = null;
            if (status != null && !status.isBlank()) {
                try {
                    wanted = CustomerStatus.fromLabel(status);
                } catch (IllegalArgumentException e) {
                    wanted = null;
                }
            }
            String by = sort != null && SORTS.containsKey(sort) ? sort : "customer_name";
            String direction = "desc".equalsIgnoreCase(order) || "asc".equalsIgnoreCase(order)
                    ? order.toLowerCase(java.util.Locale.ROOT) : SORTS.get(by);
            int size1 = number(size, 25);
            return new ListQuery(text, wanted, archived, by, direction, Math.max(1, number(page, 1)),
                    PAGE_SIZES.contains(size1) ? size1 : 25);
        }

        private static int number(String text, int fallback) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        PageQuery pageQuery() {
            return PageQuery.of(page, size, sort, order, search);
        }

        ListQuery onPage(int other) {
            return new ListQuery(search, status, archived, sort, order, other, size);
        }

        /** The order a click on the header of column {@code column} asks for. */
        public String orderFor(String column) {
            return column.equals(sort) ? ("asc".equals(order) ? "desc" : "asc") : SORTS.get(column);
        }

        /** {@code ascending}, {@code descending} or {@code none}: the column's aria-sort. */
        public String ariaSort(String column) {
            return !column.equals(sort) ? "none" : "asc".equals(order) ? "ascending" : "descending";
        }

        /** The status filter's value in the URL (the status label), or empty. */
        public String statusLabel() {
            return status == null ? "" : status.label();
        }
    }
}
