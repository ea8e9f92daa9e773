package io.switchboard.portal.web;

import io.switchboard.console.Audience;
import io.switchboard.console.FormErrors;
import io.switchboard.customer.AccountSelfService;
import io.switchboard.customer.Countries;
import io.switchboard.identity.EmailChanges;
import io.switchboard.shared.ConflictException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's account page (C-SC-02/03): the customer's details, the user's own contact, the other contacts and
 * the sites, all read-only except what the customer module's {@link AccountSelfService} lets a customer user
 * change: their own phone number (C-SC-03/04), and their sign-in e-mail through identity's {@link EmailChanges}
 * (a link to the new address confirms it; until then the old one stays). The password changes on identity's page. Customer users only: staff are
 * sent to the console, and a customer user not yet linked to a contact sees how to get linked.
 */
@Controller
class PortalAccountController {

    static final String VIEW = "portal/account";
    static final String CONTACT_FRAGMENT = VIEW + " :: myContact";

    private final AccountSelfService account;
    private final CurrentActor currentActor;
    private final EmailChanges emailChanges;

    PortalAccountController(AccountSelfService account, CurrentActor currentActor, EmailChanges emailChanges) {
        this.account = account;
        this.currentActor = currentActor;
        this.emailChanges = emailChanges;
    }

    /** The sign-in e-mail change waiting for its link to be followed (C-SC-04), if any. */
    @ModelAttribute("pendingEmail")
    @Nullable
    String pendingEmail() {
        var actor = currentActor.find();
        if (actor.isEmpty() || actor.get().userId() == null) {
            return null;
        }
        return emailChanges.pending(actor.get().userId()).map(EmailChanges.Pending::newEmail).orElse(null);
    }

    @GetMapping("/portal/account/email")
    String initEmailForm(Model model) {
        myAccount(model);
        model.addAttribute("editingEmail", true);
        return VIEW;
    }

    /** C-SC-04: the new address gets a verification link; the current one stays until it is followed. */
    @PostMapping("/portal/account/email")
    String processEmailForm(@RequestParam(name = "new_email", required = false) String newEmail,
            @RequestParam(name = "password", required = false) String password, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var errors = new java.util.LinkedHashMap<String, String>();
        try {
            var pending = emailChanges.request(newEmail, password);
            redirect.addFlashAttribute("emailRequested", pending.newEmail());
            return "redirect:/portal/account";
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> errors.put(error.field(), error.reason()));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        } catch (ConflictException e) {
            errors.put("new_email", "is already used by another account");
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        myAccount(model);
        model.addAttribute("editingEmail", true);
        model.addAttribute("emailErrors", errors);
        model.addAttribute("newEmail", newEmail);
        return VIEW;
    }

    @ModelAttribute("countryNames")
    Map<String, String> countryNames(Locale locale) {
        return Countries.all(locale).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @GetMapping("/portal/account")
    String show(Model model) {
        var actor = currentActor.get();
        if (Audience.of(actor) == Audience.STAFF) {
            return "redirect:" + Audience.STAFF.home();
        }
        if (!actor.isCustomerScoped()) {
            model.addAttribute("unlinked", true);
            return VIEW;
        }
        model.addAttribute("account", account.myAccount());
        return VIEW;
    }

    @GetMapping("/portal/account/phone")
    String initPhoneForm(Model model, HttpServletRequest request) {
        var mine = myAccount(model);
        model.addAttribute("input", new PhoneInput(mine.myContact().contactPhone()));
        model.addAttribute("editingPhone", true);
        return isHtmx(request) ? CONTACT_FRAGMENT : VIEW;
    }

    @PostMapping("/portal/account/phone")
    String processPhoneForm(@ModelAttribute("input") PhoneInput input, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            account.changeMyPhone(input.getContactPhone());
            if (!isHtmx(request)) {
                redirect.addFlashAttribute("notice", "portal.account.phoneSaved");
                return "redirect:/portal/account";
            }
            myAccount(model);
            model.addAttribute("notice", "portal.account.phoneSaved");
            return CONTACT_FRAGMENT;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        }
        myAccount(model);
        model.addAttribute("editingPhone", true);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return isHtmx(request) ? CONTACT_FRAGMENT : VIEW;
    }

    /** The account, which must have the user's own contact (the phone belongs to it). */
    private io.switchboard.customer.AccountView myAccount(Model model) {
        var mine = account.myAccount();
        if (mine.myContact() == null) {
            throw new NotFoundException("contact", "of the signed-in user");
        }
        model.addAttribute("account", mine);
        return mine;
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    /** The phone form: the API field is {@code contact_phone}, so errors land on {@code contactPhone}. */
    static class PhoneInput {

        private String contactPhone;

        PhoneInput() {
            this("");
        }

        PhoneInput(String contactPhone) {
            this.contactPhone = contactPhone == null ? "" : contactPhone;
        }

        public String getContactPhone() {
            return contactPhone;
        }

        public void setContactPhone(String contactPhone) {
            this.contactPhone = contactPhone;
        }
    }
}
