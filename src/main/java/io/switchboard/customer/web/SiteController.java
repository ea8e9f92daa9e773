package io.switchboard.customer.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.customer.PlusCodes;
import io.switchboard.customer.SiteForm;
import io.switchboard.customer.SiteSearch;
import io.switchboard.customer.SiteView;
import io.switchboard.customer.Sites;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.InvalidInputException;
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
@Tag(name = "Sites", description = "Service locations (A-SITE): address, coordinates, server-computed plus code")
class SiteController {

    private static final String READ = "hasAnyAuthority('view_customer_site','view_own_customer_site')";

    private final Sites sites;
    private final MergePatch mergePatch;

    SiteController(Sites sites, MergePatch mergePatch) {
        this.sites = sites;
        this.mergePatch = mergePatch;
    }

    @PutMapping({"/crm/site/", "/crm/site"})
    @PreAuthorize("hasAuthority('create_customer_site')")
    @Operation(summary = "Create a site", description = "latitude and longitude are required; country is an ISO "
            + "3166-1 alpha-2 code or a name (default switchboard.customer.default-country); plus_code is computed and, "
            + "when sent, must agree with the coordinates. Needs create_customer_site.")
    SiteView create(@RequestBody SiteForm form) {
        return sites.create(form);
    }

    @GetMapping("/crm/site/site_id/{siteId}")
    @PreAuthorize(READ)
    @Operation(summary = "Get a site")
    SiteView get(@PathVariable long siteId) {
        return sites.find(siteId).orElseThrow(() -> new NotFoundException("site", siteId));
    }

    @GetMapping("/crm/site/customer_id/{customerId}")
    @PreAuthorize(READ)
    @Operation(summary = "A customer's sites", description = "A JSON array, oldest first, as the guide's playbooks read it.")
    List<SiteView> forCustomer(@PathVariable long customerId) {
        return sites.forCustomer(customerId);
    }

    @GetMapping("/crm/sites")
    @PreAuthorize(READ)
    @Operation(summary = "List sites", description = "Paged; search matches site name, city, zip code or address line 1. "
            + "Filters customer_id, country, include_archived.")
    ApiPage<SiteView> list(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search,
            @RequestParam(name = "customer_id", required = false) Long customerId,
            @RequestParam(required = false) String country,
            @RequestParam(name = "include_archived", defaultValue = "false") boolean includeArchived) {
        var query = PageQuery.of(page, perPage, sort, order, search);
        var filter = new SiteSearch(customerId, CustomerController.blank(country) ? null : country, includeArchived);
        return ApiPage.of(sites.search(filter, query), s -> s);
    }

    @PatchMapping("/crm/site/site_id/{siteId}")
    @PreAuthorize("hasAuthority('update_customer_site')")
    @Operation(summary = "Update a site", description = "The plus code is recomputed from the resulting coordinates.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(schema = @Schema(implementation = SiteForm.class))))
    SiteView update(@PathVariable long siteId, @RequestBody JsonNode patch) {
        return sites.update(siteId, current -> mergePatch.apply(current, patch, SiteForm.class));
    }

    @DeleteMapping("/crm/site/site_id/{siteId}")
    @PreAuthorize("hasAuthority('delete_customer_site')")
    @Operation(summary = "Delete a site")
    Map<String, String> delete(@PathVariable long siteId) {
        sites.delete(siteId);
        return Results.SUCCESS;
    }

    @GetMapping("/crm/site/plus_code")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The plus code of a position", description = "What a site at these coordinates would store; "
            + "the console's map calls it when the marker moves.")
    Map<String, Object> plusCode(@RequestParam double latitude, @RequestParam double longitude) {
        if (latitude < -90 || latitude > 90) {
            throw InvalidInputException.of("latitude", "must be between -90 and 90");
        }
        if (longitude < -180 || longitude > 180) {
            throw InvalidInputException.of("longitude", "must be between -180 and 180");
        }
        return Map.of("latitude", latitude, "longitude", longitude, "plus_code", PlusCodes.encode(latitude, longitude));
    }
}
