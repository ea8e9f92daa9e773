package io.switchboard.identity.web;

import io.switchboard.identity.EmailChanges;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link of the e-mail-verification e-mail (A-AUTH-19): {@code GET} asks to confirm (mail scanners that open
 * links change nothing), {@code POST} applies the new address. No sign-in needed: the token is the proof.
 */
@Controller
class EmailVerificationController {

    static final String VIEW = "identity/verify-email";

    private final EmailChanges emailChanges;

    EmailVerificationController(EmailChanges emailChanges) {
        this.emailChanges = emailChanges;
    }

    @GetMapping("/verify-email/{token}")
    String confirmForm(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("token", token);
        return VIEW;
    }

    @PostMapping("/verify-email/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        model.addAttribute("token", token);
        try {
            model.addAttribute("verified", emailChanges.confirm(token));
        } catch (InvalidInputException e) {
            model.addAttribute("error", "verify.invalid");
            response.setStatus(400);
        } catch (ConflictException e) {
            model.addAttribute("error", "verify.taken");
            response.setStatus(409);
        }
        return VIEW;
    }
}
