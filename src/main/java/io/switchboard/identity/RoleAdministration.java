package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.AdminGuard;
import io.switchboard.identity.internal.Inputs;
import io.switchboard.identity.internal.Permission;
import io.switchboard.identity.internal.Permissions;
import io.switchboard.identity.internal.Role;
import io.switchboard.identity.internal.Roles;
import io.switchboard.identity.internal.Slugs;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.identity.internal.UserViews;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Role administration (C-ROL): roles, their permissions and their members. Needs {@code admin}. Changes take
 * effect on the members' next request (permissions are read per request). Seeded (system) roles cannot be
 * renamed or deleted. Every write is recorded in the activity log (entity type {@code role}).
 */
@Service
public class RoleAdministration {

    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name", "created", "createdAt");

    private final Roles roles;
    private final Permissions permissions;
    private final UserAccounts users;
    private final AccessGuard access;
    private final AdminGuard adminGuard;
    private final ActivityLog activity;

    RoleAdministration(Roles roles, Permissions permissions, UserAccounts users, AccessGuard access,
            AdminGuard adminGuard, ActivityLog activity) {
        this.roles = roles;
        this.permissions = permissions;
        this.users = users;
        this.access = access;
        this.adminGuard = adminGuard;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public Page<RoleSummary> list(PageQuery query) {
        access.requireAdmin();
        var pageable = query.toPageable(SORTABLE, "id");
        return (query.search() == null ? roles.findAll(pageable) : roles.search(query.search(), pageable))
                .map(r -> new RoleSummary(r.getId(), r.getName(), r.getDescription(), r.getGroupId(), r.isSystem(),
                        r.getPermissions().stream().map(Permission::getName).sorted().toList(),
                        roles.countMembers(r.getId()), r.getCreatedAt(), r.isTwoFactorRequired()));
    }

    @Transactional(readOnly = true)
    public RoleProfile get(long id) {
        access.requireAdmin();
        return profile(load(id));
    }

    @Transactional
    public RoleProfile create(NewRole command) {
        access.requireAdmin();
        String name = Inputs.required("name", command.name(), 100);
        String description = Inputs.optional("description", command.description(), 500);
        requireUnusedName(name, null);
        String base = Slugs.of(name);
        String groupId = base;
        for (int n = 2; roles.existsByGroupId(groupId); n++) {
            groupId = base + "-" + n;
        }
        var role = roles.saveAndFlush(new Role(name, description == null ? "" : description, groupId, Instant.now()));
        activity.record(ActivityRecord.of("role", role.getId(), null, "CREATED", "Created role " + name)
                .withChanges(Map.of(), audit(role)));
        return profile(role);
    }

    @Transactional
    public RoleProfile update(long id, RoleChanges changes) {
        access.requireAdmin();
        Role role = load(id);
        var before = audit(role);
        if (changes.name() != null) {
            String name = Inputs.required("name", changes.name(), 100);
            if (!name.equals(role.getName())) {
                if (role.isSystem()) {
                    throw new ConflictException("name", "the seeded role " + role.getName() + " cannot be renamed");
                }
                requireUnusedName(name, role.getId());
                role.setName(name);
            }
        }
        if (changes.description() != null) {
            String description = Inputs.optional("description", changes.description(), 500);
            role.setDescription(description == null ? "" : description);
        }
        if (changes.twoFactorRequired() != null) {
            role.setTwoFactorRequired(changes.twoFactorRequired());
        }
        roles.flush();
        activity.record(ActivityRecord.of("role", role.getId(), null, "UPDATED", "Updated role " + role.getName())
                .withChanges(before, audit(role)));
        return profile(role);
    }

    /** Deletes a role; its members lose it (C-ROL-05). Seeded roles cannot be deleted. */
    @Transactional
    public void delete(long id) {
        access.requireAdmin();
        Role role = load(id);
        if (role.isSystem()) {
            throw new ConflictException("the seeded role " + role.getName() + " cannot be deleted");
        }
        adminGuard.lock();
        var before = audit(role);
        long members = roles.countMembers(role.getId());
        roles.delete(role);
        adminGuard.requireAnAdminLeft("id");
        activity.record(ActivityRecord.of("role", id, null, "DELETED",
                "Deleted role " + role.getName() + " (held by " + members + " users)").withChanges(before, Map.of()));
    }

    /** Grants permissions to a role (C-ROL-06); already granted ones are left as they are. */
    @Transactional
    public RoleProfile addPermissions(long roleId, Collection<Long> permissionIds) {
        access.requireAdmin();
        Role role = load(roleId);
        if (permissionIds == null || permissionIds.isEmpty()) {
            throw InvalidInputException.of("permission_ids", "must name at least one permission");
        }
        var wanted = new LinkedHashSet<>(permissionIds);
        var found = permissions.findAllById(wanted);
        if (found.size() != wanted.size()) {
            var missing = new LinkedHashSet<>(wanted);
            found.forEach(p -> missing.remove(p.getId()));
            throw InvalidInputException.of("permission_ids", "unknown permission id(s): "
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        var before = audit(role);
        role.getPermissions().addAll(found);
        roles.flush();
        activity.record(ActivityRecord.of("role", role.getId(), null, "PERMISSIONS_ADDED",
                "Granted " + found.stream().map(Permission::getName).sorted().collect(Collectors.joining(", "))
                        + " to role " + role.getName()).withChanges(before, audit(role)));
        return profile(role);
    }

    /** Withdraws one permission from a role (C-ROL-07). */
    @Transactional
    public RoleProfile removePermission(long roleId, long permissionId) {
        access.requireAdmin();
        Role role = load(roleId);
        Permission permission = permissions.findById(permissionId)
                .orElseThrow(() -> new NotFoundException("permission", permissionId));
        if (!role.getPermissions().contains(permission)) {
            throw new NotFoundException("permission of role " + roleId, permissionId);
        }
        adminGuard.lock();
        var before = audit(role);
        role.getPermissions().remove(permission);
        roles.flush();
        adminGuard.requireAnAdminLeft("permission_id");
        activity.record(ActivityRecord.of("role", role.getId(), null, "PERMISSION_REMOVED",
                "Withdrew " + permission.getName() + " from role " + role.getName()).withChanges(before, audit(role)));
        return profile(role);
    }

    /** Gives a user one more role (C-ROL-08). */
    @Transactional
    public RoleProfile assignUser(long roleId, long userId) {
        access.requireAdmin();
        Role role = load(roleId);
        UserAccount user = users.findForUpdate(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (user.isServiceAccount()) {
            throw new ConflictException("The service account " + user.getUsername() + " cannot be changed");
        }
        var before = UserViews.auditFields(user);
        if (user.getRoles().add(role)) {
            user.touch(Instant.now());
            users.flush();
            activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "ROLE_ASSIGNED",
                    "Gave role " + role.getName() + " to " + user.getUsername())
                    .withChanges(before, UserViews.auditFields(user)));
        }
        return profile(role);
    }

    /** Takes a role away from a user. */
    @Transactional
    public RoleProfile unassignUser(long roleId, long userId) {
        access.requireAdmin();
        Role role = load(roleId);
        UserAccount user = users.findForUpdate(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (!user.getRoles().contains(role)) {
            throw new NotFoundException("member of role " + roleId, userId);
        }
        adminGuard.lock();
        var before = UserViews.auditFields(user);
        user.getRoles().remove(role);
        user.touch(Instant.now());
        adminGuard.requireAnAdminLeft("user_id");
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "ROLE_REMOVED",
                "Took role " + role.getName() + " from " + user.getUsername())
                .withChanges(before, UserViews.auditFields(user)));
        return profile(role);
    }

    /** The users (not deleted) holding a role. */
    @Transactional(readOnly = true)
    public Page<UserSummary> members(long roleId, PageQuery query) {
        access.requireAdmin();
        load(roleId);
        return users.findMembers(roleId, query.toPageable(UserAdministration.SORTABLE, "id")).map(UserViews::summary);
    }

    @Transactional(readOnly = true)
    public List<PermissionInfo> permissionsOf(long roleId) {
        access.requireAdmin();
        return load(roleId).getPermissions().stream().sorted(Comparator.comparing(Permission::getId))
                .map(PermissionCatalogue::info).toList();
    }

    private RoleProfile profile(Role role) {
        var grants = role.getPermissions().stream().sorted(Comparator.comparing(Permission::getId))
                .map(PermissionCatalogue::info).toList();
        var members = users.findMembers(role.getId(), PageRequest.of(0, 1000, Sort.by("username"))).stream()
                .map(u -> new RoleProfile.Member(u.getId(), u.getUsername(), u.getEmail())).toList();
        return new RoleProfile(role.getId(), role.getName(), role.getDescription(), role.getGroupId(), role.isSystem(),
                grants, members, role.getCreatedAt(), role.isTwoFactorRequired());
    }

    private Role load(long id) {
        return roles.findById(id).orElseThrow(() -> new NotFoundException("role", id));
    }

    private void requireUnusedName(String name, Long exceptId) {
        roles.findByNameIgnoreCase(name).filter(r -> !r.getId().equals(exceptId)).ifPresent(r -> {
            throw new ConflictException("name", "a role named " + r.getName() + " already exists");
        });
    }

    private static Map<String, Object> audit(Role role) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", role.getName());
        fields.put("description", role.getDescription());
        fields.put("two_factor_required", role.isTwoFactorRequired());
        fields.put("permissions", role.getPermissions().stream().map(Permission::getName).sorted()
                .collect(Collectors.joining(",")));
        return fields;
    }
}
