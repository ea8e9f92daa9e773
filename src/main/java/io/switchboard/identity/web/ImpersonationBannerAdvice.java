package io.switchboard.identity.web;

import io.switchboard.identity.security.Impersonations;
import io.switchboard.shared.CurrentActor;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page rendered while a staff user impersonates someone gets the model attribute {@code impersonation}
 * ({@link Impersonations.Banner}), which the layouts show as the banner (I-33, B-IMP-05); otherwise it is
 * {@code null}.
 */
@ControllerAdvice
class ImpersonationBannerAdvice {

    private final CurrentActor currentActor;
    private final Impersonations impersonations;

    ImpersonationBannerAdvice(CurrentActor currentActor, Impersonations impersonations) {
        this.currentActor = currentActor;
        this.impersonations = impersonations;
    }

    @ModelAttribute("impersonation")
    @Nullable
    Impersonations.Banner impersonation() {
        return currentActor.find().filter(actor -> actor.impersonatorId() != null)
                .flatMap(impersonations::banner).orElse(null);
    }
}
