package io.switchboard.console.web;

import io.switchboard.console.Audience;
import io.switchboard.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /}: sends each visitor to their shell, or to the sign-in page. */
@Controller
class RootController {

    private final CurrentActor currentActor;

    RootController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/")
    String home() {
        return currentActor.find()
                .map(actor -> "redirect:" + Audience.of(actor).home())
                .orElse("redirect:/login");
    }
}
