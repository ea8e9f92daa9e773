package io.switchboard.console.users;

import io.switchboard.console.FormErrors;
import io.switchboard.identity.Directory;
import io.switchboard.identity.DirectoryUser;
import io.switchboard.identity.TwoFactorResets;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
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
 * "Request 2FA reset" on the console user page: a staff member on the phone with a user who lost their
 * authenticator and backup codes files a reset request on the caller's behalf, with what happened and the
 * caller's contact phone. It starts the same 2FA reset process as the user's own request (support verifies, an
 * admin approves; the filer may do neither). Needs {@value TwoFactorResets#ON_BEHALF_PERMISSION} or admin, so
 * support, who cannot open the admin-only user page, reaches this page too.
 */
@Controller
@RequestMapping("/console/users/{userId}/two-factor-reset-request")
@PreAuthorize("hasAuthority('" + TwoFactorResets.ON_BEHALF_PERMISSION + "') or hasAuthority('admin')")
class TwoFactorResetRequestController {

    static final String VIEW = "console/users/two-factor-reset-request";

    private final TwoFactorResets resets;
    private final Directory directory;

    TwoFactorResetRequestController(TwoFactorResets resets, Directory directory) {
        this.resets = resets;
        this.directory = directory;
    }

    /** The form's fields; names as the API's ({@code contact_phone} → {@code contactPhone}). */
    public static class Input {
        private String reason = "";
        private String contactPhone = "";

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public String getContactPhone() {
            return contactPhone;
        }

        public void setContactPhone(String contactPhone) {
            this.contactPhone = contactPhone;
        }
    }

    @GetMapping
    String form(@PathVariable long userId, Model model) {
        model.addAttribute("input", new Input());
        return page(userId, model);
    }

    @PostMapping
    String file(@PathVariable long userId, @ModelAttribute("input") Input input, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                var request = resets.requestOnBehalf(userId, input.getReason(), input.getContactPhone());
                redirect.addFlashAttribute("notice", "users.twoFactorResetRequest.filed");
                redirect.addFlashAttribute("noticeArgs", new Object[] {request.id()});
                return "redirect:/console/users/" + userId + "/two-factor-reset-request";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                FormErrors.reject(result, e);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return page(userId, model);
    }

    private String page(long userId, Model model) {
        DirectoryUser user = directory.findUser(userId).orElseThrow(() -> new NotFoundException("user", userId));
        model.addAttribute("target", user);
        model.addAttribute("openRequest", resets.findOpen(userId).orElse(null));
        return VIEW;
    }
}
