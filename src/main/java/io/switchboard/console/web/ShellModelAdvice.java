package io.switchboard.console.web;

import io.switchboard.identity.TwoFactor;
import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import java.time.ZoneId;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console and portal page's layout needs: who is signed in (for the header and the user
 * menu), the map settings (for {@code fragments/map :: site-map}) and the time zone pages show times in.
 */
@ControllerAdvice(basePackages = {"io.switchboard.console", "io.switchboard.portal"})
class ShellModelAdvice {

    private final CurrentActor currentActor;
    private final WebProperties properties;
    private final TwoFactor twoFactor;

    ShellModelAdvice(CurrentActor currentActor, WebProperties properties, TwoFactor twoFactor) {
        this.currentActor = currentActor;
        this.properties = properties;
        this.twoFactor = twoFactor;
    }

    /** An administrator without 2FA gets a warning banner in the console (C-2FA-09). */
    @ModelAttribute("adminWithoutTwoFactor")
    boolean adminWithoutTwoFactor() {
        return currentActor.find()
                .filter(actor -> actor.userId() != null && actor.permissions().contains(Actor.ADMIN))
                .map(actor -> !twoFactor.isEnabled(actor.userId()))
                .orElse(false);
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

    /** The zone times are shown in: {@code ${#temporals.format(instant.atZone(zone), 'yyyy-MM-dd HH:mm')}}. */
    @ModelAttribute("zone")
    ZoneId zone() {
        return properties.timeZone();
    }
}
