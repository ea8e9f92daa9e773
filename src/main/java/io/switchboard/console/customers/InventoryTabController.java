package io.switchboard.console.customers;

import io.switchboard.console.web.Paging;
import io.switchboard.inventory.InventoryItems;
import io.switchboard.inventory.ItemSearch;
import io.switchboard.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Inventory tab (A-INV-19): the items assigned to the customer (an item has a customer only while ASSIGNED),
 * newest first, a page at a time, each linking to its console page. Read-only: items are assigned by provisioning
 * or from the item page.
 */
@Controller
@RequestMapping("/console/customers/{customerId}/inventory")
@PreAuthorize("hasAuthority('view_inventory')")
class InventoryTabController {

    static final int PAGE_SIZE = 20;

    private final InventoryItems items;
    private final CustomerPage page;

    InventoryTabController(InventoryItems items, CustomerPage page) {
        this.items = items;
        this.page = page;
    }

    @GetMapping
    String list(@PathVariable long customerId, @RequestParam(defaultValue = "1") String page, Model model,
            HttpServletRequest request) {
        this.page.load(customerId, model);
        var filter = new ItemSearch(null, null, null, customerId, null, false);
        var results = CustomerPage.pageOf(page,
                number -> items.search(filter, PageQuery.of(number, PAGE_SIZE, "inventory_id", "desc", null)));
        model.addAttribute("items", results);
        model.addAttribute("paging", Paging.of(results));
        return this.page.show(CustomerTab.INVENTORY, "panel", model, request);
    }
}
