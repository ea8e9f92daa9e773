package io.switchboard.console.products;

import io.switchboard.catalog.AutoRenew;
import io.switchboard.catalog.Eligibility;
import io.switchboard.catalog.EligibilityDecision;
import io.switchboard.catalog.ProductCategory;
import io.switchboard.catalog.ProductSearch;
import io.switchboard.catalog.ProductStatus;
import io.switchboard.catalog.ProductView;
import io.switchboard.catalog.Products;
import io.switchboard.catalog.SalesChannel;
import io.switchboard.console.FormErrors;
import io.switchboard.console.web.Paging;
import io.switchboard.customer.CustomerSearch;
import io.switchboard.customer.Customers;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
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
 * The product pages: the list (search, status/category filters, paging), the product form with its five tabs
 * (general, pricing, availability and eligibility, provisioning, features and terms), the lifecycle actions and the
 * eligibility check for a chosen customer. Staff with {@code view_product}; changes need the product permissions.
 */
@Controller
@RequestMapping("/console/products")
class ProductsController {

    static final String LIST = "console/products/list";
    static final String FORM = "console/products/product";
    static final List<String> TABS = List.of("general", "pricing", "availability", "provisioning", "features");

    private final Products products;
    private final Eligibility eligibility;
    private final Customers customers;

    ProductsController(Products products, Eligibility eligibility, Customers customers) {
        this.products = products;
        this.eligibility = eligibility;
        this.customers = customers;
    }

    @ModelAttribute("categories")
    ProductCategory[] categories() {
        return ProductCategory.values();
    }

    @ModelAttribute("statuses")
    ProductStatus[] statuses() {
        return ProductStatus.values();
    }

    @ModelAttribute("autoRenews")
    AutoRenew[] autoRenews() {
        return AutoRenew.values();
    }

    @ModelAttribute("tabs")
    List<String> tabs() {
        return TABS;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('view_product')")
    String list(@RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(defaultValue = "1") String page, Model model,
            @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false)
            @Nullable String htmx) {
        String text = search == null ? "" : search.strip();
        ProductStatus wantedStatus = parse(() -> ProductStatus.fromLabel(status), status);
        ProductCategory wantedCategory = parse(() -> ProductCategory.fromLabel(category), category);
        int pageNo = Math.max(1, number(page));
        var filter = new ProductSearch(wantedStatus, wantedCategory, null, null, false);
        var results = products.search(filter, PageQuery.of(pageNo, 25, "product_name", "asc",
                text.length() > 200 ? text.substring(0, 200) : text));
        model.addAttribute("search", text);
        model.addAttribute("status", wantedStatus == null ? "" : wantedStatus.name());
        model.addAttribute("category", wantedCategory == null ? "" : wantedCategory.label());
        model.addAttribute("results", results);
        model.addAttribute("paging", Paging.of(results));
        return htmx != null ? LIST + " :: results" : LIST;
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('create_product')")
    String newForm(Model model) {
        model.addAttribute("input", new ProductInput());
        return form(model, null);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('create_product')")
    String create(@ModelAttribute("input") ProductInput input, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            var created = products.create(input.toForm());
            redirect.addFlashAttribute("notice", "products.notice.created");
            return "redirect:/console/products/" + created.productId();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            FormErrors.reject(result, e);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return form(model, null);
    }

    @GetMapping("/{productId}")
    @PreAuthorize("hasAuthority('view_product')")
    String show(@PathVariable long productId, @RequestParam(name = "customer_id", required = false) Long customerId,
            Model model) {
        var product = product(productId);
        model.addAttribute("input", ProductInput.of(product));
        if (customerId != null) {
            EligibilityDecision decision;
            try {
                decision = eligibility.check(customerId, productId, SalesChannel.STAFF);
            } catch (NotFoundException e) {
                decision = null;
                model.addAttribute("checkMissing", true);
            }
            model.addAttribute("checkedCustomerId", customerId);
            model.addAttribute("decision", decision);
        }
        return form(model, product);
    }

    @PostMapping("/{productId}")
    @PreAuthorize("hasAuthority('update_product')")
    String update(@PathVariable long productId, @ModelAttribute("input") ProductInput input, BindingResult result,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var product = product(productId);
        try {
            products.update(productId, current -> input.toForm());
            redirect.addFlashAttribute("notice", "products.notice.saved");
            return "redirect:/console/products/" + productId;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        } catch (ConflictException e) {
            FormErrors.reject(result, e);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return form(model, product);
    }

    @PostMapping("/{productId}/{action:activate|retire|delete}")
    @PreAuthorize("hasAnyAuthority('update_product', 'delete_product')")
    String lifecycle(@PathVariable long productId, @PathVariable String action, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "activate" -> products.activate(productId);
                case "retire" -> products.retire(productId);
                default -> {
                    products.delete(productId);
                    redirect.addFlashAttribute("notice", "products.notice.deleted");
                    return "redirect:/console/products";
                }
            }
            redirect.addFlashAttribute("notice", "products.notice." + action + "d");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/console/products/" + productId;
    }

    private String form(Model model, @Nullable ProductView product) {
        model.addAttribute("product", product);
        model.addAttribute("serviceTypes", products.serviceTypes());
        if (product != null && !model.containsAttribute("customerChoices")) {
            try {
                model.addAttribute("customerChoices", customers.search(new CustomerSearch(null, null, null, null, false),
                        PageQuery.of(1, 100, "customer_name", "asc", null)).getContent());
            } catch (org.springframework.security.access.AccessDeniedException e) {
                model.addAttribute("customerChoices", List.of());
            }
        }
        return FORM;
    }

    private ProductView product(long productId) {
        return products.find(productId).orElseThrow(() -> new NotFoundException("product", productId));
    }

    @Nullable
    private static <T> T parse(java.util.function.Supplier<T> parser, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The tab a field's error belongs to, for the error markers on the tab strip. */
    static String tabOf(String field) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "retailcost", "wholesalecost", "retailsetupcost", "wholesalesetupcost", "taxpercentage",
                    "contractdays", "autorenew", "allowautorenew" -> "pricing";
            case "availablefrom", "availableuntil", "residential", "business", "customercanpurchase",
                    "reliesonlist" -> "availability";
            case "provisioningplay", "provisioningjsonvars", "inventoryitemslist" -> "provisioning";
            case "featureslist", "terms" -> "features";
            default -> "general";
        };
    }
}
