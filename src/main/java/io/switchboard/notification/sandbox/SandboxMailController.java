package io.switchboard.notification.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The sandbox's inbox: every email the running instance would have sent, newest first. Admins only. */
@Controller
@RequestMapping("/sandbox/mail")
@PreAuthorize("hasAuthority('admin')")
@ConditionalOnProperty(name = "switchboard.sandbox", havingValue = "true", matchIfMissing = true)
class SandboxMailController {

    static final String LIST_VIEW = "notification/sandbox-mail";
    static final String DETAIL_VIEW = "notification/sandbox-mail-detail";
    static final int PAGE_SIZE = 50;

    private final SandboxMailbox mailbox;

    SandboxMailController(SandboxMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "1") int page, Model model) {
        long total = mailbox.count();
        int totalPages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(page, 1), totalPages);
        model.addAttribute("mails", mailbox.newestFirst((current - 1) * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("totalPages", totalPages);
        model.addAttribute("total", total);
        return LIST_VIEW;
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("mail", mailbox.find(id).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No captured email " + id)));
        return DETAIL_VIEW;
    }
}
