package io.switchboard.console.users;

import io.switchboard.identity.NewRole;
import io.switchboard.identity.RoleChanges;
import io.switchboard.identity.RoleProfile;

/** What the role form holds: a name and a description (C-ROL-01/04). */
class RoleInput {

    private String name = "";
    private String description = "";

    static RoleInput of(RoleProfile role) {
        var input = new RoleInput();
        input.name = role.name();
        input.description = role.description();
        return input;
    }

    NewRole toNewRole() {
        return new NewRole(name, description);
    }

    RoleChanges toChanges() {
        return new RoleChanges(name, description);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? "" : name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description == null ? "" : description; }
}
