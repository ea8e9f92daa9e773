package io.switchboard.console.web;

import io.switchboard.console.Audience;
import io.switchboard.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's home page: the frame later issues put their dashboard widgets in. */
@Controller
class ConsoleHomeController {

    static final String VIEW = "console/home";

    private final CurrentActor currentActor;

    ConsoleHomeController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/console")
    String home() {
        var actor = currentActor.find();
        if (actor.isPresent() && Audience.of(actor.get()) == Audience.CUSTOMER) {
            return "redirect:" + Audience.CUSTOMER.home();
        }
        return VIEW;
    }
}
