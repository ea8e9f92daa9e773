package io.switchboard.portal.web;

import io.switchboard.console.Audience;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's activity page (C-IMP-04, B-ACT): the signed-in customer user's customer's activity log, newest
 * first, a page at a time; what support agents did while signed in as one of the customer's users is marked, and
 * the start and end of each such impersonation stand out. The customer comes from the actor only (the customer
 * module's {@link CustomerActivity#mine}); {@code view_own_customer_activity} (roles {@code customer} and
 * {@code customer-admin}) governs it: without it the page is a 403. Staff are sent to the console, a customer user not linked yet sees how to
 * get linked. With htmx the pager swaps the list alone.
 */
@Controller
class PortalActivityController {

    static final String VIEW = "portal/activity";
    static final int PAGE_SIZE = 20;

    private final CustomerActivity activity;
    private final ActivityItems items;
    private final CurrentActor currentActor;

    PortalActivityController(CustomerActivity activity, ActivityItems items, CurrentActor currentActor) {
        this.activity = activity;
        this.items = items;
        this.currentActor = currentActor;
    }

    @GetMapping("/portal/activity")
    String list(@RequestParam(defaultValue = "1") String page, Model model, Locale locale, HttpServletRequest request) {
        var actor = currentActor.get();
        if (Audience.of(actor) == Audience.STAFF) {
            return "redirect:" + Audience.STAFF.home();
        }
        if (!actor.isCustomerScoped()) {
            model.addAttribute("unlinked", true);
            return VIEW;
        }
        int number = pageNumber(page);
        var entries = activity.mine(PageQuery.of(number, PAGE_SIZE, null, null, null));
        if (entries.getTotalPages() > 0 && number > entries.getTotalPages()) {
            number = entries.getTotalPages();
            entries = activity.mine(PageQuery.of(number, PAGE_SIZE, null, null, null));
        }
        model.addAttribute("items", items.of(entries.getContent(), actor.customerId(), locale));
        model.addAttribute("entries", entries);
        model.addAttribute("pageNumber", number);
        boolean htmx = "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
        return htmx ? VIEW + " :: log" : VIEW;
    }

    private static int pageNumber(String text) {
        try {
            return Math.max(1, Math.min(1_000_000, Integer.parseInt(text.trim())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
