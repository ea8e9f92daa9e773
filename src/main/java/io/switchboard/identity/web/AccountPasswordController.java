package io.switchboard.identity.web;

import io.switchboard.identity.UserAdministration;
import io.switchboard.identity.security.SignedInUser;
import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.InvalidInputException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The change-password page (C-PWD-05, A-UADM-05). Users with a temporary password are sent here from every
 * page until they have chosen their own.
 */
@Controller
class AccountPasswordController {

    static final String VIEW = "identity/change-password";

    private final UserAdministration users;
    private final CurrentActor currentActor;

    AccountPasswordController(UserAdministration users, CurrentActor currentActor) {
        this.users = users;
        this.currentActor = currentActor;
    }

    /** Whether the signed-in user still has a temporary password, and is therefore held on this page. */
    @ModelAttribute("passwordChangeRequired")
    boolean passwordChangeRequired(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                && user.passwordChangeRequired();
    }

    @GetMapping("/account/password")
    String form() {
        return VIEW;
    }

    @PostMapping("/account/password")
    String change(@RequestParam(name = "current_password", required = false) String currentPassword,
            @RequestParam(name = "new_password", required = false) String newPassword,
            @RequestParam(name = "confirm_password", required = false) String confirmPassword, Model model,
            RedirectAttributes redirect) {
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", java.util.Map.of("confirm_password", "does not match the new password"));
            return VIEW;
        }
        try {
            users.changeOwnPassword(currentPassword, newPassword);
        } catch (InvalidInputException e) {
            var errors = new java.util.LinkedHashMap<String, String>();
            e.errors().forEach(error -> errors.put(error.field(), error.reason()));
            model.addAttribute("errors", errors);
            return VIEW;
        }
        redirect.addFlashAttribute("message", "Your password has been changed");
        Actor actor = currentActor.get();
        boolean customer = actor.customerId() != null || actor.roles().contains("customer")
                || actor.roles().contains("customer-admin");
        return "redirect:" + (customer ? "/portal" : "/console");
    }
}
