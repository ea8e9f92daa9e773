package io.switchboard.console.web;

import io.switchboard.console.Audience;
import io.switchboard.identity.AccountSessions;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's sessions (security settings): web sessions, remembered browsers and API token families,
 * the current one marked; end one, or all but the current one. Staff see it in the console shell, customer users
 * in the portal shell.
 */
@Controller
class AccountSessionsController {

    static final String VIEW = "account/sessions";

    private final AccountSessions sessions;
    private final CurrentActor currentActor;

    AccountSessionsController(AccountSessions sessions, CurrentActor currentActor) {
        this.sessions = sessions;
        this.currentActor = currentActor;
    }

    @GetMapping("/account/sessions")
    String list(Model model) {
        model.addAttribute("shell", Audience.of(currentActor.get()) == Audience.CUSTOMER ? "portal" : "console");
        model.addAttribute("sessions", sessions.mine());
        return VIEW;
    }

    @PostMapping("/account/sessions/{id}/end")
    String end(@PathVariable String id, RedirectAttributes redirect) {
        try {
            sessions.end(id);
            redirect.addFlashAttribute("notice", "sessions.ended");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("notice", "sessions.ended"); // already gone: the outcome the user wanted
        }
        return "redirect:/account/sessions";
    }

    @PostMapping("/account/sessions/end-others")
    String endOthers(RedirectAttributes redirect) {
        redirect.addFlashAttribute("endedOthers", sessions.endAllOthers());
        return "redirect:/account/sessions";
    }
}
