package io.switchboard.identity.web;

import io.switchboard.identity.security.ImpersonationRefusedException;
import io.switchboard.identity.security.Impersonations;
import io.switchboard.identity.security.WebImpersonation;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Date;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Impersonation in the browser (B-IMP-03, C-IMP-03): the console's "Log in as user" button posts here (in a new
 * tab) and the tab opens the portal as the customer user; the banner's "Stop impersonation" gives the session back
 * to the staff user on the customer's console page.
 */
@Controller
class ImpersonationPageController {

    static final String STARTED = "impersonation.started";
    static final String STOPPED = "impersonation.stopped";

    private final WebImpersonation impersonation;

    ImpersonationPageController(WebImpersonation impersonation) {
        this.impersonation = impersonation;
    }

    @PostMapping("/console/impersonate")
    String start(@RequestParam(name = "user_id", required = false) String userId, HttpServletRequest request,
            HttpServletResponse response) {
        long id;
        try {
            id = Long.parseLong(userId == null ? "" : userId.trim());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("user_id", "must be a user id");
        }
        impersonation.begin(id, request, response);
        return "redirect:/portal";
    }

    @PostMapping("/impersonation/stop")
    String stop(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var ended = impersonation.end(Impersonations.EndReason.STOPPED, request, response);
        if (ended.isEmpty()) {
            return "redirect:/";
        }
        redirect.addFlashAttribute("notice", STOPPED);
        Long customerId = ended.get().customerId();
        return customerId == null ? "redirect:/console" : "redirect:/console/customers/" + customerId + "?tab=contacts";
    }

    @ExceptionHandler(ImpersonationRefusedException.class)
    ModelAndView refused(ImpersonationRefusedException e, HttpServletRequest request) {
        return page(HttpStatus.FORBIDDEN, e.getMessage(), request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, e.errors().get(0).field() + " " + e.errors().get(0).reason(), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    private static ModelAndView page(HttpStatus status, String reason, HttpServletRequest request) {
        var page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("reason", reason);
        page.addObject("path", request.getRequestURI());
        page.addObject("timestamp", new Date());
        return page;
    }
}
