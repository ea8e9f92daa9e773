package io.switchboard.identity.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.identity.NewPermission;
import io.switchboard.identity.NewRole;
import io.switchboard.identity.PermissionCatalogue;
import io.switchboard.identity.PermissionInfo;
import io.switchboard.identity.RoleAdministration;
import io.switchboard.identity.RoleChanges;
import io.switchboard.identity.RoleProfile;
import io.switchboard.identity.RoleSummary;
import io.switchboard.identity.UserSummary;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Roles (C-ROL) and the permission catalogue (C-PERM-21); every endpoint needs {@code admin}. */
@RestController
@Tag(name = "Roles and permissions")
class RoleController {

    private static final int CATALOGUE_PAGE = 100;

    private final RoleAdministration roles;
    private final PermissionCatalogue catalogue;

    RoleController(RoleAdministration roles, PermissionCatalogue catalogue) {
        this.roles = roles;
        this.catalogue = catalogue;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RoleRequest(@Size(max = 100) String name, @Size(max = 500) String description, Boolean twoFactorRequired) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GrantRequest(Long permissionId, @Size(max = 200) List<Long> permissionIds) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PermissionRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description) {}

    @Operation(summary = "List roles (per_page defaults to 100)")
    @GetMapping("/auth/roles")
    ApiPage<RoleSummary> list(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search) {
        return ApiPage.of(roles.list(PageQuery.of(page, Requests.perPage(perPage, CATALOGUE_PAGE), sort, order, search)),
                r -> r);
    }

    @Operation(summary = "Create a role (without permissions)")
    @PostMapping("/auth/roles")
    @ResponseStatus(HttpStatus.CREATED)
    RoleProfile create(@Valid @RequestBody RoleRequest request) {
        return roles.create(new NewRole(request.name(), request.description()));
    }

    @GetMapping("/auth/roles/{id}")
    RoleProfile get(@PathVariable long id) {
        return roles.get(id);
    }

    @Operation(summary = "Rename or describe a role, or require 2FA of its holders (two_factor_required); seeded "
            + "roles cannot be renamed (409)")
    @PutMapping("/auth/roles/{id}")
    RoleProfile update(@PathVariable long id, @Valid @RequestBody RoleRequest request) {
        return roles.update(id, new RoleChanges(request.name(), request.description(), request.twoFactorRequired()));
    }

    @Operation(summary = "Delete a role; its users lose it. Seeded roles cannot be deleted (409)")
    @DeleteMapping("/auth/roles/{id}")
    Map<String, String> delete(@PathVariable long id) {
        roles.delete(id);
        return Requests.SUCCESS;
    }

    @Operation(summary = "Grant permissions: {\"permission_id\": n} or {\"permission_ids\": [..]}")
    @PostMapping("/auth/roles/{id}/permissions")
    RoleProfile grant(@PathVariable long id, @Valid @RequestBody GrantRequest request) {
        var ids = new ArrayList<Long>();
        if (request.permissionId() != null) {
            ids.add(request.permissionId());
        }
        if (request.permissionIds() != null) {
            request.permissionIds().forEach(pid -> {
                if (pid == null) {
                    throw InvalidInputException.of("permission_ids", "must not contain null");
                }
                ids.add(pid);
            });
        }
        if (ids.isEmpty()) {
            throw InvalidInputException.of("permission_id", "give permission_id or permission_ids");
        }
        return roles.addPermissions(id, ids);
    }

    @DeleteMapping("/auth/roles/{id}/permissions/{permissionId}")
    RoleProfile withdraw(@PathVariable long id, @PathVariable long permissionId) {
        return roles.removePermission(id, permissionId);
    }

    @GetMapping("/auth/roles/{id}/permissions")
    Map<String, List<PermissionInfo>> permissions(@PathVariable long id) {
        return Map.of("data", roles.permissionsOf(id));
    }

    @Operation(summary = "Give a user this role")
    @PostMapping("/auth/roles/{id}/users/{userId}")
    RoleProfile assign(@PathVariable long id, @PathVariable long userId) {
        return roles.assignUser(id, userId);
    }

    @Operation(summary = "Take this role from a user")
    @DeleteMapping("/auth/roles/{id}/users/{userId}")
    RoleProfile unassign(@PathVariable long id, @PathVariable long userId) {
        return roles.unassignUser(id, userId);
    }

    @GetMapping("/auth/roles/{id}/users")
    ApiPage<UserSummary> members(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order) {
        return ApiPage.of(roles.members(id, PageQuery.of(page, perPage, sort, order, null)), u -> u);
    }

    @Operation(summary = "The permission catalogue (per_page defaults to 100)")
    @GetMapping("/auth/permissions")
    ApiPage<PermissionInfo> catalogue(@RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String order,
            @RequestParam(required = false) String search) {
        return ApiPage.of(catalogue.list(PageQuery.of(page, Requests.perPage(perPage, CATALOGUE_PAGE), sort, order,
                search)), p -> p);
    }

    @Operation(summary = "Add a permission to the catalogue")
    @PostMapping("/auth/permissions")
    @ResponseStatus(HttpStatus.CREATED)
    PermissionInfo createPermission(@Valid @RequestBody PermissionRequest request) {
        return catalogue.create(new NewPermission(request.name(), request.description()));
    }
}
