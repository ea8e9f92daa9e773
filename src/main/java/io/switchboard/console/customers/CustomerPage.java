package io.switchboard.console.customers;

import io.switchboard.customer.CustomerTags;
import io.switchboard.customer.CustomerView;
import io.switchboard.customer.Customers;
import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.IntFunction;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The frame every tab of the customer page shares: the header (name, status, active tags, actions) and the tab
 * strip. A tab's controller fills the model for its panel and asks {@link #show} for the view, which is
 * <ul>
 * <li>the whole page for an ordinary request (a deep link such as {@code ?tab=sites}, or a form posted without
 * JavaScript);</li>
 * <li>the tab strip with the panel for an htmx tab switch (it targets {@code #customer-tabs});</li>
 * <li>the panel alone for any other htmx request from inside the panel (it targets {@code #tab-panel}).</li>
 * </ul>
 */
@Component
class CustomerPage {

    static final String VIEW = "console/customers/customer";
    static final String TABS_TARGET = "customer-tabs";

    private final Customers customers;
    private final CustomerTags tags;
    private final CurrentActor currentActor;

    CustomerPage(Customers customers, CustomerTags tags, CurrentActor currentActor) {
        this.customers = customers;
        this.tags = tags;
        this.currentActor = currentActor;
    }

    /**
     * Puts the customer into the model as {@code customer} (and its id as {@code customerId}).
     *
     * @throws NotFoundException when it does not exist or is not the actor's to see
     */
    CustomerView load(long customerId, Model model) {
        var customer = customers.find(customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
        model.addAttribute("customer", customer);
        model.addAttribute("customerId", customerId);
        return customer;
    }

    /** The view showing {@code fragment} of {@code tab}'s template; the model must hold the customer. */
    String show(CustomerTab tab, String fragment, Model model, HttpServletRequest request) {
        Actor actor = currentActor.get();
        model.addAttribute("tabs", CustomerTab.visibleTabs(actor));
        model.addAttribute("activeTab", tab);
        model.addAttribute("panelTemplate", tab.template());
        model.addAttribute("panelFragment", fragment);
        if (!isHtmx(request)) {
            addHeader(model);
            return VIEW;
        }
        if (TABS_TARGET.equals(request.getHeader("HX-Target"))) {
            return VIEW + " :: tabs";
        }
        return tab.template() + " :: " + fragment;
    }

    /**
     * As {@link #show}, and an htmx response also replaces the page header (out of band), for changes that show
     * there: the name, the status, the tags.
     */
    String showWithHeader(CustomerTab tab, String fragment, Model model, HttpServletRequest request) {
        addHeader(model);
        model.addAttribute("refreshHeader", isHtmx(request));
        return show(tab, fragment, model, request);
    }

    private void addHeader(Model model) {
        var customer = (CustomerView) model.getAttribute("customer");
        Actor actor = currentActor.get();
        if (customer != null && actor.can("view_customer_tag")) {
            model.addAttribute("tagPills", tags.forCustomer(customer.customerId(), true).stream()
                    .map(TagPill::of).toList());
        }
    }

    /**
     * The page {@code requested} ({@code ?page=}, from 1; 1 when not a number) of a paged tab list, or the last
     * page when it is past the end (a list that shrank under a bookmarked link).
     */
    static <T> Page<T> pageOf(String requested, IntFunction<Page<T>> fetch) {
        int number;
        try {
            number = Math.max(1, Integer.parseInt(requested.trim()));
        } catch (NumberFormatException e) {
            number = 1;
        }
        var page = fetch.apply(number);
        if (page.getTotalPages() > 0 && number > page.getTotalPages()) {
            page = fetch.apply(page.getTotalPages());
        }
        return page;
    }

    /** The page to send the browser to after a change made without htmx. */
    static String redirectTo(long customerId, CustomerTab tab) {
        return "redirect:/console/customers/" + customerId + (tab == CustomerTab.DETAILS ? "" : "?tab=" + tab.id());
    }

    /**
     * True for an htmx request that swaps part of the page; false for ordinary requests and for htmx's history
     * restore (back button with a cold cache), which needs the whole page.
     */
    static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }
}
