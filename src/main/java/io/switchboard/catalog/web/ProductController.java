package io.switchboard.catalog.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.catalog.Eligibility;
import io.switchboard.catalog.EligibilityDecision;
import io.switchboard.catalog.ProductCategory;
import io.switchboard.catalog.ProductForm;
import io.switchboard.catalog.ProductOffer;
import io.switchboard.catalog.ProductSearch;
import io.switchboard.catalog.ProductStatus;
import io.switchboard.catalog.ProductView;
import io.switchboard.catalog.Products;
import io.switchboard.catalog.SalesChannel;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
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
@Tag(name = "Products", description = "The product catalogue (B-PROD, C-PRD): PUT creates, PATCH updates, DELETE "
        + "only when unused; lifecycle draft → active → retired; eligibility by DMN")
class ProductController {

    private static final HttpInputMessage NO_BODY = new HttpInputMessage() {
        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    };

    private final Products products;
    private final Eligibility eligibility;
    private final ObjectMapper json;

    ProductController(Products products, Eligibility eligibility, ObjectMapper json) {
        this.products = products;
        this.eligibility = eligibility;
        this.json = json;
    }

    @GetMapping({"/crm/product/", "/crm/product"})
    @PreAuthorize("hasAuthority('view_product')")
    @Operation(summary = "Products on sale now", description = "Only active, enabled products inside their "
            + "availability window (B-FLT-05), by name. include_disabled=true lists every product (needs "
            + "update_product).")
    List<ProductView> orderable(@RequestParam(name = "include_disabled", defaultValue = "false") boolean all) {
        if (all) {
            return products.search(ProductSearch.all(), PageQuery.of(1, PageQuery.MAX_PER_PAGE, "product_name",
                    "asc", null)).getContent();
        }
        return products.orderable();
    }

    @GetMapping("/crm/product/paginated")
    @PreAuthorize("hasAuthority('view_product')")
    @Operation(summary = "All products, paged", description = "Every product whatever its status, enabled flag or "
            + "dates. page, per_page (max 100), sort (product_id, product_name, product_slug, category, service_type, "
            + "status, retail_cost, created, last_modified), order, search (name, slug, service type or id); filters "
            + "status, category, service_type, enabled.")
    ApiPage<ProductView> paginated(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search, @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(name = "service_type", required = false) String serviceType,
            @RequestParam(required = false) Boolean enabled) {
        var query = PageQuery.of(page, perPage, sort, order, search);
        ProductStatus wantedStatus = null;
        if (!blank(status)) {
            try {
                wantedStatus = ProductStatus.fromLabel(status);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("status", e.getMessage());
            }
        }
        var filter = new ProductSearch(wantedStatus,
                blank(category) ? null : ProductCategory.parse("category", category),
                blank(serviceType) ? null : serviceType.strip(), enabled, false);
        return ApiPage.of(products.search(filter, query), p -> p);
    }

    @GetMapping("/crm/product/product_id/{productId}")
    @PreAuthorize("hasAuthority('view_product')")
    @Operation(summary = "A product with its full definition", description = "Including inventory_items_list "
            + "(C-PRD-06). Retired products stay readable.")
    ProductView get(@PathVariable long productId) {
        return products.find(productId).orElseThrow(() -> new NotFoundException("product", productId));
    }

    @PutMapping({"/crm/product/", "/crm/product"})
    @PreAuthorize("hasAuthority('create_product')")
    @Operation(summary = "Create a product (as a draft)", description = "Lists may be JSON arrays or strings in "
            + "the guide's formats (\"['SIM Card', 'Mobile Number']\", \"a, b\", features \"One. Two\"). Needs "
            + "create_product.")
    ProductView create(@RequestBody ProductForm form) {
        return products.create(form);
    }

    @PatchMapping({"/crm/product/{productId}", "/crm/product/product_id/{productId}"})
    @PreAuthorize("hasAuthority('update_product')")
    @Operation(summary = "Change a product", description = "Fields present replace the current values; null "
            + "clears an optional one (or restores a default). Retired products cannot change. Needs update_product.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = ProductForm.class))))
    ProductView update(@PathVariable long productId, @RequestBody JsonNode patch) {
        return products.update(productId, current -> merge(current, patch));
    }

    @PostMapping({"/crm/product/{productId}/activate", "/crm/product/product_id/{productId}/activate"})
    @PreAuthorize("hasAuthority('update_product')")
    @Operation(summary = "Put a draft product on sale", description = "Draft → active; needs a provisioning_play.")
    ProductView activate(@PathVariable long productId) {
        return products.activate(productId);
    }

    @PostMapping({"/crm/product/{productId}/retire", "/crm/product/product_id/{productId}/retire"})
    @PreAuthorize("hasAuthority('update_product')")
    @Operation(summary = "Retire an active product", description = "Active → retired: never sold again, still "
            + "readable for the services that use it.")
    ProductView retire(@PathVariable long productId) {
        return products.retire(productId);
    }

    @DeleteMapping({"/crm/product/{productId}", "/crm/product/product_id/{productId}"})
    @PreAuthorize("hasAuthority('delete_product')")
    @Operation(summary = "Delete an unused product", description = "409 while a service uses it (retire it "
            + "instead). Needs delete_product.")
    Map<String, String> delete(@PathVariable long productId) {
        products.delete(productId);
        return Map.of("result", "success");
    }

    @GetMapping("/crm/product/available")
    @PreAuthorize("hasAnyAuthority('view_product', 'view_own_customer')")
    @Operation(summary = "Products with the eligibility decision for a customer (or a service's add-ons)",
            description = "customer_id: every active product with eligible and reason (the product-eligibility "
                    + "DMN). service_id: the add-ons and top-ups for that service (eligibility and the "
                    + "addon-compatibility DMN); an unknown service is a 404 (services arrive with issue 5). "
                    + "channel: staff (default) or self-care; customer users always get self-care and only their "
                    + "own customer.")
    List<ProductOffer> available(@RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(name = "service_id", required = false) Long serviceId,
            @RequestParam(required = false) String channel) {
        SalesChannel sales = channel(channel);
        if (serviceId != null) {
            return eligibility.availableAddons(serviceId, sales);
        }
        if (customerId == null) {
            throw InvalidInputException.of("customer_id", "is required (or service_id)");
        }
        return eligibility.available(customerId, sales);
    }

    @GetMapping("/crm/product/product_id/{productId}/eligibility")
    @PreAuthorize("hasAnyAuthority('view_product', 'view_own_customer')")
    @Operation(summary = "May this customer buy this product?", description = "The product-eligibility decision "
            + "(and, with service_id, the add-on compatibility) with its reason.")
    Map<String, Object> eligibility(@PathVariable long productId,
            @RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(name = "service_id", required = false) Long serviceId,
            @RequestParam(required = false) String channel) {
        EligibilityDecision decision;
        if (serviceId != null) {
            decision = eligibility.checkAddon(serviceId, productId, channel(channel));
        } else if (customerId != null) {
            decision = eligibility.check(customerId, productId, channel(channel));
        } else {
            throw InvalidInputException.of("customer_id", "is required (or service_id)");
        }
        return Map.of("product_id", productId, "eligible", decision.eligible(), "reason", decision.reason());
    }

    private static SalesChannel channel(@Nullable String text) {
        if (blank(text) || text.strip().equalsIgnoreCase("staff")) {
            return SalesChannel.STAFF;
        }
        if (text.strip().equalsIgnoreCase("self-care") || text.strip().equalsIgnoreCase("self_care")) {
            return SalesChannel.SELF_CARE;
        }
        throw InvalidInputException.of("channel", "must be staff or self-care");
    }

    private ProductForm merge(ProductForm current, JsonNode patch) {
        if (!(patch instanceof ObjectNode changes)) {
            throw InvalidInputException.of("body", "must be a JSON object of the fields to change");
        }
        ObjectNode merged = json.valueToTree(current);
        merged.setAll(changes);
        try {
            return json.treeToValue(merged, ProductForm.class);
        } catch (JsonProcessingException e) {
            throw new HttpMessageNotReadableException("Invalid patch: " + e.getOriginalMessage(), e, NO_BODY);
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
