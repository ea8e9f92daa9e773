package io.switchboard.console.web;

import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console and portal page's layout needs: who is signed in (for the header and the user
 * menu) and the map settings (for {@code fragments/map :: site-map}).
 */
@ControllerAdvice(basePackages = {"io.switchboard.console", "io.switchboard.portal"})
class ShellModelAdvice {

    private final CurrentActor currentActor;
    private final WebProperties properties;

    ShellModelAdvice(CurrentActor currentActor, WebProperties properties) {
        this.currentActor = currentActor;
        this.properties = properties;
    }

    @ModelAttribute("actor")
    @Nullable
    Actor actor() {
        return currentActor.find().orElse(null);
    }

    @ModelAttribute("mapSettings")
    WebProperties mapSettings() {
        return properties;
    }
}
