package io.switchboard.identity.web;

import io.switchboard.identity.PasswordResets;
import io.switchboard.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the self-service password reset (A-AUTH-10..15): ask for a link, and follow it to choose a
 * new password. Neither page says whether an account uses an address. The reset page sends no referrer, so the
 * token in its address does not leak to other sites.
 */
@Controller
class PasswordResetController {

    static final String FORGOT_VIEW = "identity/forgot-password";
    static final String RESET_VIEW = "identity/reset-password";

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping("/login/forgot-password")
    String forgotForm() {
        return FORGOT_VIEW;
    }

    @PostMapping("/login/forgot-password")
    String forgot(@RequestParam(name = "email", required = false) String email, Model model,
            HttpServletResponse response) {
        try {
            resets.requestReset(email);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", errors(e));
            model.addAttribute("email", email);
            response.setStatus(422);
            return FORGOT_VIEW;
        }
        model.addAttribute("sent", true);
        return FORGOT_VIEW;
    }

    @GetMapping("/reset-password/{token}")
    String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!resets.isValid(token)) {
            model.addAttribute("invalid", true);
            response.setStatus(400);
            return RESET_VIEW;
        }
        model.addAttribute("token", token);
        return RESET_VIEW;
    }

    @PostMapping("/reset-password/{token}")
    String reset(@PathVariable String token,
            @RequestParam(name = "new_password", required = false) String newPassword,
            @RequestParam(name = "confirm_password", required = false) String confirmPassword, Model model,
            HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("token", token);
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            if (!resets.isValid(token)) {
                model.addAttribute("invalid", true);
                response.setStatus(400);
                return RESET_VIEW;
            }
            model.addAttribute("errors", Map.of("confirm_password", "does not match the new password"));
            response.setStatus(422);
            return RESET_VIEW;
        }
        try {
            resets.reset(token, newPassword);
        } catch (InvalidInputException e) {
            var errors = errors(e);
            if (errors.containsKey("token")) {
                model.addAttribute("invalid", true);
                response.setStatus(400);
            } else {
                model.addAttribute("errors", errors);
                response.setStatus(422);
            }
            return RESET_VIEW;
        }
        return "redirect:/login?reset";
    }

    private static Map<String, String> errors(InvalidInputException e) {
        var errors = new LinkedHashMap<String, String>();
        e.errors().forEach(error -> errors.put(error.field(), error.reason()));
        return errors;
    }
}
