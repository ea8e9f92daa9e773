package io.switchboard.shared;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The {@link Actor} behind the current request or process step. */
@Component
public class CurrentActor {

    private final ObjectProvider<AutomationAccount> automation;

    @org.springframework.beans.factory.annotation.Autowired
    public CurrentActor(ObjectProvider<AutomationAccount> automation) {
        this.automation = automation;
    }

    /** For tests of code that only needs {@link #find()}: without an automation account, {@link Actor#system()}. */
    protected CurrentActor() {
        this.automation = null;
    }

    /** The signed-in actor, or empty when nobody is signed in. */
    public Optional<Actor> find() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof Actor actor) {
            return Optional.of(actor);
        }
        if (principal instanceof Actor.Holder holder) {
            return Optional.of(holder.actor());
        }
        if (authentication.getDetails() instanceof Actor.Holder holder) {
            return Optional.of(holder.actor());
        }
        return Optional.empty();
    }

    /** The signed-in actor; outside a request (a process step, a scheduled job) the automation account. */
    public Actor get() {
        return find().orElseGet(() -> {
            AutomationAccount account = automation == null ? null : automation.getIfAvailable();
            return account == null ? Actor.system() : account.actor();
        });
    }
}
