package io.switchboard.console.users;

import io.switchboard.identity.NewUser;
import io.switchboard.identity.UserChanges;
import io.switchboard.identity.UserProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the user form holds (C-USR-03, A-UADM-11). {@code role} is the list of the user's roles by group id; it
 * is named like the API field ({@code role}) so that identity's errors land next to it.
 */
class UserInput {

    private String username = "";
    private String email = "";
    private String firstName = "";
    private String middleName = "";
    private String lastName = "";
    private String phoneNumber = "";
    private List<String> role = new ArrayList<>();
    private Long contactId;
    private String password = "";
    private boolean mustChangePassword = true;
    private boolean enabled = true;

    /** A new user's form, with a generated temporary password the admin may keep or replace. */
    static UserInput withPassword(String temporaryPassword) {
        var input = new UserInput();
        input.password = temporaryPassword;
        return input;
    }

    static UserInput of(UserProfile user) {
        var input = new UserInput();
        input.username = user.username();
        input.email = user.email();
        input.firstName = user.firstName();
        input.middleName = user.middleName() == null ? "" : user.middleName();
        input.lastName = user.lastName();
        input.phoneNumber = user.phoneNumber() == null ? "" : user.phoneNumber();
        input.role = new ArrayList<>(user.roleDetails().stream().map(UserProfile.RoleRef::groupId).toList());
        input.contactId = user.contactId();
        input.enabled = user.enabled();
        return input;
    }

    NewUser toNewUser() {
        return new NewUser(username.trim(), email.trim(), password, firstName, middleName, lastName, phoneNumber,
                List.copyOf(role), contactId, mustChangePassword);
    }

    /**
     * The changes to {@code current}: every field of the form, the contact link only when it changed (blank
     * unlinks), and the enabled flag.
     */
    UserChanges toChanges(UserProfile current) {
        // null: leave the link as it is (UserChanges' convention for "unchanged")
        Optional<Long> contact = java.util.Objects.equals(contactId, current.contactId()) ? null
                : Optional.ofNullable(contactId);
        return new UserChanges(email.trim(), firstName, middleName, lastName, phoneNumber, List.copyOf(role), contact,
                enabled, null);
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username == null ? "" : username; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null ? "" : email; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName == null ? "" : firstName; }
    public String getMiddleName() { return middleName; }
    public void setMiddleName(String middleName) { this.middleName = middleName == null ? "" : middleName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName == null ? "" : lastName; }
    public String getPhoneNumber() { return phoneNumber; }
    public void setPhoneNumber(String phoneNumber) { this.phoneNumber = phoneNumber == null ? "" : phoneNumber; }
    public List<String> getRole() { return role; }
    public void setRole(List<String> role) { this.role = role == null ? new ArrayList<>() : role; }
    public Long getContactId() { return contactId; }
    public void setContactId(Long contactId) { this.contactId = contactId; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password == null ? "" : password; }
    public boolean isMustChangePassword() { return mustChangePassword; }
    public void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
