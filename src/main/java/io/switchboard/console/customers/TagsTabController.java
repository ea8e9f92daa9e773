package io.switchboard.console.customers;

import io.switchboard.console.FormErrors;
import io.switchboard.console.web.WebProperties;
import io.switchboard.customer.CustomerTags;
import io.switchboard.customer.TagView;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;
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
 * The Tags tab (A-TAG-04..06): every tag of the customer, active or not, with its window; add (colour picker
 * with a live preview), edit, deactivate (end its window now, so it leaves the header at once) and delete.
 */
@Controller
@RequestMapping("/console/customers/{customerId}/tags")
@PreAuthorize("hasAuthority('view_customer_tag')")
class TagsTabController {

    private final CustomerTags tags;
    private final CustomerPage page;
    private final ZoneId zone;
    private final Clock clock = Clock.systemUTC();

    TagsTabController(CustomerTags tags, CustomerPage page, WebProperties properties) {
        this.tags = tags;
        this.page = page;
        this.zone = properties.timeZone();
    }

    @GetMapping
    String list(@PathVariable long customerId, Model model, HttpServletRequest request) {
        return showList(customerId, model, request, false);
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('create_customer_tag')")
    String initCreationForm(@PathVariable long customerId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        model.addAttribute("input", TagInput.startingAt(clock.instant(), zone));
        return page.show(CustomerTab.TAGS, "editor", model, request);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('create_customer_tag')")
    String processCreationForm(@PathVariable long customerId, @ModelAttribute("input") TagInput input, BindingResult result, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                tags.create(input.toForm(customerId, zone));
                return saved(customerId, "customers.tags.added", model, request, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        return formAgain(customerId, model, request, response);
    }

    @GetMapping("/{tagId}/edit")
    @PreAuthorize("hasAuthority('update_customer_tag')")
    String initUpdateForm(@PathVariable long customerId, @PathVariable long tagId, Model model, HttpServletRequest request) {
        page.load(customerId, model);
        var tag = tagOf(customerId, tagId);
        model.addAttribute("tag", tag);
        model.addAttribute("input", TagInput.of(tag, zone));
        return page.show(CustomerTab.TAGS, "editor", model, request);
    }

    @PostMapping("/{tagId}/edit")
    @PreAuthorize("hasAuthority('update_customer_tag')")
    String processUpdateForm(@PathVariable long customerId, @PathVariable long tagId,
            @ModelAttribute("input") TagInput input, BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var tag = tagOf(customerId, tagId);
        if (!result.hasErrors()) {
            try {
                tags.update(tagId, current -> input.toForm(customerId, zone));
                return saved(customerId, "customers.tags.saved", model, request, redirect);
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        model.addAttribute("tag", tag);
        return formAgain(customerId, model, request, response);
    }

    /** Ends the tag's window now (A-TAG-03): it disappears from the customer's header and stays in the list. */
    @PostMapping("/{tagId}/deactivate")
    @PreAuthorize("hasAuthority('update_customer_tag')")
    String deactivate(@PathVariable long customerId, @PathVariable long tagId, Model model,
            HttpServletRequest request, RedirectAttributes redirect) {
        tagOf(customerId, tagId);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        tags.update(tagId, current -> current.withWindow(
                current.tagActiveDate() != null && current.tagActiveDate().isBefore(now) ? current.tagActiveDate()
                        : now.minusSeconds(1), now));
        return saved(customerId, "customers.tags.deactivated", model, request, redirect);
    }

    @PostMapping("/{tagId}/delete")
    @PreAuthorize("hasAuthority('delete_customer_tag')")
    String delete(@PathVariable long customerId, @PathVariable long tagId, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        tagOf(customerId, tagId);
        tags.delete(tagId);
        return saved(customerId, "customers.tags.deleted", model, request, redirect);
    }

    private TagView tagOf(long customerId, long tagId) {
        return tags.find(tagId).filter(t -> t.customerId() == customerId)
                .orElseThrow(() -> new NotFoundException("tag", tagId));
    }

    private String showList(long customerId, Model model, HttpServletRequest request, boolean changed) {
        page.load(customerId, model);
        var now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        model.addAttribute("tags", tags.forCustomer(customerId, false).stream()
                .map(tag -> TagRow.of(tag, now, zone)).toList());
        return changed ? page.showWithHeader(CustomerTab.TAGS, "panel", model, request)
                : page.show(CustomerTab.TAGS, "panel", model, request);
    }

    private String saved(long customerId, String notice, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (!CustomerPage.isHtmx(request)) {
            redirect.addFlashAttribute("notice", notice);
            return CustomerPage.redirectTo(customerId, CustomerTab.TAGS);
        }
        model.addAttribute("notice", notice);
        return showList(customerId, model, request, true);
    }

    private String formAgain(long customerId, Model model, HttpServletRequest request, HttpServletResponse response) {
        page.load(customerId, model);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page.show(CustomerTab.TAGS, "editor", model, request);
    }

    /**
     * A row of the tag list: the tag, its pill, whether it shows now ({@code active}), later ({@code scheduled}) or
     * no more ({@code ended}), and its window in the pages' time zone.
     */
    record TagRow(TagView tag, TagPill pill, String state, ZonedDateTime from, ZonedDateTime until) {

        static TagRow of(TagView tag, LocalDateTime nowUtc, ZoneId zone) {
            String state = tag.active() ? "active" : tag.tagActiveDate().isAfter(nowUtc) ? "scheduled" : "ended";
            return new TagRow(tag, TagPill.of(tag), state, inZone(tag.tagActiveDate(), zone),
                    inZone(tag.tagDeactivateDate(), zone));
        }

        private static ZonedDateTime inZone(LocalDateTime utc, ZoneId zone) {
            return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
        }
    }
}
