package io.switchboard.identity.camunda;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The Camunda authorizations behind “staff use Tasklist, supervisors and admins use Cockpit, customers use
 * neither”: every Camunda user (only staff are Camunda users, and Spring Security keeps customers out of
 * {@code /camunda}) may open Tasklist and read task filters; the supervisor group may open Cockpit and read,
 * never change, processes, decisions, tasks and deployments; the admin group is Camunda's admin group and
 * holds every permission.
 * Granted at start-up when missing, so every node may run it.
 */
@Component
class WebappAuthorizations {

    static final String SUPERVISOR_GROUP = "supervisor";

    private static final Logger log = LoggerFactory.getLogger(WebappAuthorizations.class);

    private final AuthorizationService authorizations;

    WebappAuthorizations(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void grantMissing() {
        grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantEveryone(Resources.FILTER, Authorization.ANY, Permissions.READ);

        grantGroup(SUPERVISOR_GROUP, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grantGroup(SUPERVISOR_GROUP, Resources.PROCESS_DEFINITION, Authorization.ANY,
                Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK);
        for (Resource readOnly : List.of(Resources.PROCESS_INSTANCE, Resources.TASK, Resources.DEPLOYMENT,
                Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION,
                Resources.BATCH)) {
            grantGroup(SUPERVISOR_GROUP, readOnly, Authorization.ANY, Permissions.READ);
        }
        grantGroup(SUPERVISOR_GROUP, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ_HISTORY);

        // Camunda only counts a group towards a user's rights when some authorization names it, admin groups
        // included; grant the admin role everything, as Camunda does for its own administrator group.
        for (Resource resource : Resources.values()) {
            grantGroup(CamundaIdentityConfiguration.ADMIN_GROUP, resource, Authorization.ANY, Permissions.ALL);
        }
    }

    private void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
        boolean present = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).count() > 0;
        if (!present) {
            var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
            grant.setUserId(Authorization.ANY);
            save(grant, resource, resourceId, permissions);
        }
    }

    private void grantGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        var existing = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).list();
        if (existing.isEmpty()) {
            var grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            save(grant, resource, resourceId, permissions);
            return;
        }
        var grant = existing.get(0);
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                save(grant, resource, resourceId, permissions);
                return;
            }
        }
    }

    private void save(Authorization grant, Resource resource, String resourceId, Permission... permissions) {
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        try {
            authorizations.saveAuthorization(grant);
        } catch (RuntimeException raced) {
            // another node granted the same row between our query and our insert (unique constraint)
            log.debug("Authorization on {} {} already granted by another node", resource.resourceName(), resourceId,
                    raced);
        }
    }
}
