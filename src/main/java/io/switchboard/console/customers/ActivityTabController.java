package io.switchboard.console.customers;

import io.switchboard.console.web.Paging;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.lang.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Activity tab (B-ACT): every write to the customer's records, newest first, a page at a time: when, who
 * (and who impersonated them), through which channel, and each field's value before and after. Read-only.
 */
@Controller
@RequestMapping("/console/customers/{customerId}/activity")
@PreAuthorize("hasAuthority('view_customer_activity')")
class ActivityTabController {

    static final int PAGE_SIZE = 20;
    /** The kinds of record the filter offers, as the log names them. */
    static final List<String> ENTITY_TYPES = List.of(CustomerActivity.CUSTOMER, CustomerActivity.CONTACT,
            CustomerActivity.SITE, CustomerActivity.TAG, CustomerActivity.ATTRIBUTE);

    private final CustomerActivity activity;
    private final CustomerPage page;

    ActivityTabController(CustomerActivity activity, CustomerPage page) {
        this.activity = activity;
        this.page = page;
    }

    @GetMapping
    String list(@PathVariable long customerId, @RequestParam(required = false) @Nullable String type,
            @RequestParam(defaultValue = "1") String page, Model model, HttpServletRequest request) {
        this.page.load(customerId, model);
        String entityType = type != null && ENTITY_TYPES.contains(type) ? type : null;
        var entries = CustomerPage.pageOf(page, number -> activity.forCustomer(customerId, entityType,
                PageQuery.of(number, PAGE_SIZE, null, null, null)));
        model.addAttribute("entries", entries);
        model.addAttribute("paging", Paging.of(entries));
        model.addAttribute("entityType", entityType == null ? "" : entityType);
        model.addAttribute("entityTypes", ENTITY_TYPES);
        return this.page.show(CustomerTab.ACTIVITY, "panel", model, request);
    }
}
