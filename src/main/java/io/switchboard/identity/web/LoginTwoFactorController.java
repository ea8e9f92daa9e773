package io.switchboard.identity.web;

import io.switchboard.identity.SecondFactorRefused;
import io.switchboard.identity.security.WebSignInChallenge;
import io.switchboard.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The code step of the web sign-in (A-AUTH-03..06): a 6-digit code that submits itself, a "Recovery code" tab for
 * a backup code, Cancel back to the sign-in page, and the lost-device link. Only a browser whose password step
 * passed (a pending challenge in its session) sees it; the others go back to {@code /login}.
 */
@Controller
class LoginTwoFactorController {

    static final String VIEW = "identity/login-2fa";

    private final WebSignInChallenge challenge;

    LoginTwoFactorController(WebSignInChallenge challenge) {
        this.challenge = challenge;
    }

    @GetMapping(WebSignInChallenge.PAGE)
    String page(@RequestParam(required = false) String mode, HttpServletRequest request, Model model) {
        if (challenge.pendingUser(request).isEmpty()) {
            challenge.cancel(request);
            return "redirect:/login?expired";
        }
        model.addAttribute("recovery", "recovery".equals(mode));
        return VIEW;
    }

    @PostMapping(WebSignInChallenge.PAGE)
    String verify(@RequestParam(required = false) String code, @RequestParam(required = false) String mode,
            HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        boolean recovery = "recovery".equals(mode);
        model.addAttribute("recovery", recovery);
        if (challenge.pendingUser(request).isEmpty()) {
            challenge.cancel(request);
            return "redirect:/login?expired";
        }
        try {
            challenge.complete(request, response, code == null ? "" : code);
            return null; // signed in: the landing redirect has been sent
        } catch (InvalidInputException e) {
            model.addAttribute("error", recovery ? "login.twoFactor.recoveryMalformed" : "login.twoFactor.malformed");
            return VIEW;
        } catch (SecondFactorRefused e) {
            if (challenge.pendingUser(request).isEmpty()) {
                challenge.cancel(request);
                return "redirect:/login?expired";
            }
            model.addAttribute("error", recovery ? "login.twoFactor.recoveryWrong" : "login.twoFactor.wrong");
            return VIEW;
        }
    }

    @PostMapping(WebSignInChallenge.PAGE + "/cancel")
    String cancel(HttpServletRequest request) {
        challenge.cancel(request);
        return "redirect:/login";
    }
}
