package io.switchboard.identity.internal;

import io.switchboard.shared.InvalidInputException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Finds roles by name or group id, case-insensitively, refusing unknown ones by name. */
@Component
public class RoleResolver {

    private final Roles roles;

    RoleResolver(Roles roles) {
        this.roles = roles;
    }

    /**
     * @param field the API field the names came in, named in the 400 for unknown names
     */
    public Set<Role> resolve(String field, Collection<String> names) {
        var wanted = names.stream().filter(n -> n != null && !n.isBlank())
                .map(n -> n.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            return Set.of();
        }
        List<Role> found = roles.findByNamesOrGroupIds(wanted);
        var unknown = new LinkedHashSet<>(wanted);
        for (Role role : found) {
            unknown.remove(role.getName().toLowerCase(Locale.ROOT));
            unknown.remove(role.getGroupId());
        }
        if (!unknown.isEmpty()) {
            throw InvalidInputException.of(field, "unknown role(s): " + String.join(", ", unknown));
        }
        return new LinkedHashSet<>(found);
    }
}
