package io.switchboard.identity.web;

import io.switchboard.identity.TwoFactorResets;
import io.switchboard.identity.security.WebSignInChallenge;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lost-device page of the web sign-in ({@code /login/2fa/lost-device}, linked from {@code /login/2fa}): a
 * browser between the password step and the code step, whose user has neither their authenticator nor a backup
 * code, asks for a 2FA reset (what happened, optionally a phone number). Support then verifies their identity and
 * an admin approves (the 2FA reset process). Without a pending challenge the page sends the browser to sign in.
 */
@Controller
class LostDeviceController {

    static final String PAGE = WebSignInChallenge.PAGE + "/lost-device";

    private final WebSignInChallenge challenge;
    private final TwoFactorResets resets;

    LostDeviceController(WebSignInChallenge challenge, TwoFactorResets resets) {
        this.challenge = challenge;
        this.resets = resets;
    }

    @GetMapping(PAGE)
    String form(HttpServletRequest request) {
        if (challenge.pendingUser(request).isEmpty()) {
            return "redirect:/login";
        }
        return "identity/lost-device";
    }

    @PostMapping(PAGE)
    String request(@RequestParam(name = "reason", required = false) String reason,
            @RequestParam(name = "contact_phone", required = false) String contactPhone, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var user = challenge.pendingUser(request);
        var token = challenge.token(request);
        if (user.isEmpty() || token.isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("reason", reason);
        model.addAttribute("contactPhone", contactPhone);
        try {
            resets.requestWithChallenge(user.get(), token.get(), reason, contactPhone);
        } catch (InvalidInputException e) {
            var errors = new LinkedHashMap<String, String>();
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.reason()));
            model.addAttribute("errors", errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "identity/lost-device";
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "identity/lost-device";
        }
        return "identity/lost-device-sent";
    }
}
