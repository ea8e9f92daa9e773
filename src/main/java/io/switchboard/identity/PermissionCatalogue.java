package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.Inputs;
import io.switchboard.identity.internal.Permission;
import io.switchboard.identity.internal.Permissions;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.PageQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permission catalogue (C-PERM): seeded with seed-C §1.22 and its view-own variants (stable ids, see
 * {@code docs/roles.md}); admins may add permissions for new endpoints (C-PERM-21). Needs {@code admin}.
 */
@Service
public class PermissionCatalogue {

    static final Map<String, String> SORTABLE = Map.of("id", "id", "name", "name");
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]*$");

    private final Permissions permissions;
    private final AccessGuard access;
    private final ActivityLog activity;

    PermissionCatalogue(Permissions permissions, AccessGuard access, ActivityLog activity) {
        this.permissions = permissions;
        this.access = access;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public Page<PermissionInfo> list(PageQuery query) {
        access.requireAdmin();
        var pageable = query.toPageable(SORTABLE, "id");
        return (query.search() == null ? permissions.findAll(pageable) : permissions.search(query.search(), pageable))
                .map(PermissionCatalogue::info);
    }

    @Transactional
    public PermissionInfo create(NewPermission command) {
        access.requireAdmin();
        String name = Inputs.required("name", command.name(), 100);
        if (!NAME.matcher(name).matches()) {
            throw InvalidInputException.of("name", "must be snake_case: lower-case letters, digits and _");
        }
        String description = Inputs.optional("description", command.description(), 500);
        if (permissions.findByName(name).isPresent()) {
            throw new ConflictException("name", "permission " + name + " already exists");
        }
        var permission = permissions.saveAndFlush(new Permission(name, description == null ? "" : description));
        var after = new LinkedHashMap<String, Object>();
        after.put("name", name);
        after.put("description", permission.getDescription());
        activity.record(ActivityRecord.of("permission", permission.getId(), null, "CREATED",
                "Created permission " + name).withChanges(Map.of(), after));
        return info(permission);
    }

    static PermissionInfo info(Permission p) {
        return new PermissionInfo(p.getId(), p.getName(), p.getDescription(), p.isSystem());
    }
}
