package io.switchboard.portal.web;

import io.switchboard.console.Audience;
import io.switchboard.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's dashboard: a welcome and the frame later issues fill with services, usage and billing. */
@Controller
class PortalDashboardController {

    static final String VIEW = "portal/dashboard";

    private final CurrentActor currentActor;

    PortalDashboardController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/portal")
    String dashboard() {
        var actor = currentActor.find();
        if (actor.isPresent() && Audience.of(actor.get()) == Audience.STAFF) {
            return "redirect:" + Audience.STAFF.home();
        }
        return VIEW;
    }
}
