package io.switchboard.console.customers;

import io.switchboard.console.FormErrors;
import io.switchboard.customer.Countries;
import io.switchboard.customer.SiteView;
import io.switchboard.customer.Sites;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Sites tab (A-SITE): the customer's sites, and the site form with its map. There is no address search
 * (no Places service), so the location comes from the guide's second method: a draggable marker (or a click on the
 * map, or typed coordinates) that fills latitude, longitude and the plus code, while the address is typed by hand.
 * While the form is edited, the server checks the location (A-SITE-06) and shows the plus code it will store.
 */
@Controller
@RequestMapping("/console/customers/{customerId}/sites")
@PreAuthorize("hasAuthority('view_customer_site')")
class SitesTabController {

    /** The API fields the live location check reports on; the rest wait for the save. */
    static final Set<String> LOCATION_FIELDS = Set.of("latitude", "longitude", "country", "plus_code");

    private final Sites sites;
    private final CustomerPage page;
    @Nullable
    private final String defaultCountry;

    SitesTabController(Sites sites, CustomerPage page,
            @Value("${switchboard.customer.default-country:}") @Nullable String defaultCountry) {
        this.sites = sites;
        this.page = page;
        this.defaultCountry = Countries.normalise(defaultCountry).orElse(null);
    }

    @ModelAttribute("countries")
    List<Map.Entry<String, String>> countries(Locale locale) {
        return Countries.all(locale);
    }

    /** Country names by code, in the page's language, for the sites' addresses. */
    @ModelAttribute("countryNames")
    Map<String, String> countryNames(Locale locale) {
        return Countries.all(locale).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @GetMapping
    String list(@PathVariable long customerId, Model model, HttpServletRequest request) {
        return showList(customerId, model, request);
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('create_customer_site')")
    String initCreationForm(@PathVariable long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        model.addAttribute("input", SiteInput.blank(defaultCountry));
        return page.show(CustomerTab.SITES, "editor", model, request);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('create_customer_site')")
    String processCreationForm(@PathVariable long customerId, @ModelAttribute("input") SiteInput input,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                var site = sites.create(input.toForm(customerId, null));
                return saved(customerId, site, "customers.sites.added", model, request, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return formAgain(customerId, model, request, response);
    }

    @GetMapping("/{siteId}/edit")
    @PreAuthorize("hasAuthority('update_customer_site')")
    String initUpdateForm(@PathVariable long customerId, @PathVariable long siteId, Model model,
            HttpServletRequest request) {
        page.load(customerId, model);
        var site = siteOf(customerId, siteId);
        model.addAttribute("site", site);
        model.addAttribute("input", SiteInput.of(site));
        return page.show(CustomerTab.SITES, "editor", model, request);
    }

    @PostMapping("/{siteId}/edit")
    @PreAuthorize("hasAuthority('update_customer_site')")
    String processUpdateForm(@PathVariable long customerId, @PathVariable long siteId,
            @ModelAttribute("input") SiteInput input, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var site = siteOf(customerId, siteId);
        if (!result.hasErrors()) {
            try {
                var saved = sites.update(siteId, current -> input.toForm(customerId, current.googleMapsPlaceId()));
                return saved(customerId, saved, "customers.sites.saved", model, request, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("site", site);
        return formAgain(customerId, model, request, response);
    }

    /**
     * The live check of the location while the form is edited (htmx, on every change of the form): the plus code
     * and country the server will store, or what is wrong with the coordinates, country or plus code.
     */
    @PostMapping("/check")
    @PreAuthorize("hasAnyAuthority('create_customer_site', 'update_customer_site')")
    String check(@PathVariable long customerId, @ModelAttribute("input") SiteInput input, BindingResult result,
            Model model) {
        model.addAttribute("customerId", customerId);
        boolean typed = !result.hasFieldErrors("latitude") && !result.hasFieldErrors("longitude");
        if (typed && input.getLatitude() != null && input.getLongitude() != null) {
            try {
                model.addAttribute("located", sites.check(input.toLocationForm(customerId)));
            } catch (InvalidInputException e) {
                e.errors().stream().filter(error -> LOCATION_FIELDS.contains(error.field()))
                        .forEach(error -> FormErrors.reject(result, error.field(), error.reason()));
            }
        }
        return CustomerTab.SITES.template() + " :: check";
    }

    @PostMapping("/{siteId}/delete")
    @PreAuthorize("hasAuthority('delete_customer_site')")
    String delete(@PathVariable long customerId, @PathVariable long siteId, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        siteOf(customerId, siteId);
        sites.delete(siteId);
        return saved(customerId, null, "customers.sites.deleted", model, request, redirect);
    }

    private SiteView siteOf(long customerId, long siteId) {
        return sites.find(siteId).filter(s -> s.customerId() == customerId)
                .orElseThrow(() -> new NotFoundException("site", siteId));
    }

    private String showList(long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        model.addAttribute("sites", sites.forCustomer(customerId));
        return page.show(CustomerTab.SITES, "panel", model, request);
    }

    /** After a change: the list, with a notice naming the saved site's plus code (the server's own). */
    private String saved(long customerId, @Nullable SiteView site, String notice, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        Object[] arguments = site == null ? new Object[0] : new Object[] {site.siteName(), site.plusCode()};
        Long savedSiteId = site == null ? null : site.siteId();
        if (!CustomerPage.isHtmx(request)) {
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeArgs", arguments);
            redirect.addFlashAttribute("savedSiteId", savedSiteId);
            return CustomerPage.redirectTo(customerId, CustomerTab.SITES);
        }
        model.addAttribute("notice", notice);
        model.addAttribute("noticeArgs", arguments);
        model.addAttribute("savedSiteId", savedSiteId);
        return showList(customerId, model, request);
    }

    private String formAgain(long customerId, Model model, HttpServletRequest request, HttpServletResponse response) {
        page.load(customerId, model);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page.show(CustomerTab.SITES, "editor", model, request);
    }
}
