package io.switchboard.identity.internal;

import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Permission checks of the identity API, done in the service layer so that every caller (REST, web pages,
 * other modules) is held to them. Outside an HTTP request (start-up, processes) the automation account acts;
 * inside one, a request without a signed-in actor is refused rather than treated as the system.
 */
@Component
public class AccessGuard {

    private final CurrentActor currentActor;

    AccessGuard(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    public Actor current() {
        var actor = currentActor.find();
        if (actor.isPresent()) {
            return actor.get();
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            throw new AccessDeniedException("Not signed in");
        }
        return Actor.system();
    }

    public Actor requireAdmin() {
        return require(Actor.ADMIN);
    }

    public Actor require(String permission) {
        Actor actor = current();
        if (!actor.can(permission)) {
            throw new AccessDeniedException("Needs permission " + permission);
        }
        return actor;
    }

    /** The acting user's id; refused for actors that are not users (API keys, the system). */
    public long requireUser() {
        Actor actor = current();
        if (actor.userId() == null) {
            throw new AccessDeniedException("Only a signed-in user can do this");
        }
        return actor.userId();
    }
}
