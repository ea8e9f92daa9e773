package io.switchboard.identity.camunda;

import io.switchboard.shared.Actor;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.core.context.SecurityContextHolder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells Camunda who the request's {@link Actor} is. Spring Security has already authenticated the request
 * (web session, JWT or API key) and refused customers; Camunda then checks its authorizations for that user
 * and the groups of their roles. Instantiated by Camunda's filters by class name, hence the public no-arg form.
 */
public class SignedInActorAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return AuthenticationResult.unsuccessful();
        }
        Actor actor = null;
        if (authentication.getPrincipal() instanceof Actor a) {
            actor = a;
        } else if (authentication.getPrincipal() instanceof Actor.Holder holder) {
            actor = holder.actor();
        }
        if (actor == null || actor.isCustomerScoped()) {
            return AuthenticationResult.unsuccessful();
        }
        var result = AuthenticationResult.successful(actor.username());
        var groups = new LinkedHashSet<>(actor.roles());
        if (actor.can(Actor.ADMIN) && actor.userId() == null) {
            // an API key granted `admin` acts as an administrator; users get it from their role
            groups.add(CamundaIdentityConfiguration.ADMIN_GROUP);
        }
        result.setGroups(List.copyOf(groups));
        result.setTenants(List.of());
        return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests (401 problem or the sign-in page) before this point.
    }
}
