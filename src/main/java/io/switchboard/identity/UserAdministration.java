package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.AdminGuard;
import io.switchboard.identity.internal.ContactLinks;
import io.switchboard.identity.internal.Inputs;
import io.switchboard.identity.internal.Role;
import io.switchboard.identity.internal.RoleResolver;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.identity.internal.UserSpecifications;
import io.switchboard.identity.internal.UserViews;
import io.switchboard.identity.internal.AccountLinks;
import io.switchboard.identity.internal.AccountTokens;
import io.switchboard.identity.internal.PasswordHistory;
import io.switchboard.identity.security.SecuritySettings;
import io.switchboard.identity.security.SignInRevocation;
import io.switchboard.identity.security.SignInThrottle;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration (C-USR, A-UADM): list, search, create, edit, assign roles, disable, soft-delete and
 * restore, reset passwords; and changing one's own password. Everything but the last needs {@code admin}.
 * Every write is recorded in the activity log (entity type {@code user}). Deleting, disabling or resetting the
 * password of a user signs them out everywhere at once.
 */
@Service
public class UserAdministration {

    static final Map<String, String> SORTABLE = Map.of("id", "id", "username", "username", "email", "email",
            "first_name", "firstName", "last_name", "lastName", "created", "createdAt", "last_login", "lastLoginAt");

    private final UserAccounts users;
    private final RoleResolver roleResolver;
    private final SignInStates states;
    private final ContactLinks contacts;
    private final PasswordEncoder passwords;
    private final SignInRevocation revocation;
    private final AccessGuard access;
    private final AdminGuard adminGuard;
    private final ActivityLog activity;
    private final AccountSecurity security;
    private final EmailChanges emailChanges;

    /** What passwords, lockout and e-mail verification need here, in one parameter. */
    @org.springframework.stereotype.Component
    static class AccountSecurity {
        final PasswordHistory history;
        final SignInThrottle throttle;
        final AccountTokens tokens;
        final AccountLinks links;
        final Notifications notifications;
        final SecuritySettings settings;

        AccountSecurity(PasswordHistory history, SignInThrottle throttle, AccountTokens tokens, AccountLinks links,
                Notifications notifications, SecuritySettings settings) {
            this.history = history;
            this.throttle = throttle;
            this.tokens = tokens;
            this.links = links;
            this.notifications = notifications;
            this.settings = settings;
        }
    }

    UserAdministration(UserAccounts users, RoleResolver roleResolver, SignInStates states, ContactLinks contacts,
            PasswordEncoder passwords, SignInRevocation revocation, AccessGuard access, AdminGuard adminGuard,
            ActivityLog activity, AccountSecurity security, EmailChanges emailChanges) {
        this.users = users;
        this.roleResolver = roleResolver;
        this.states = states;
        this.contacts = contacts;
        this.passwords = passwords;
        this.revocation = revocation;
        this.access = access;
        this.adminGuard = adminGuard;
        this.activity = activity;
        this.security = security;
        this.emailChanges = emailChanges;
    }

    /** Users that are not deleted; {@code query.search} matches username, e-mail and names. */
    @Transactional(readOnly = true)
    public Page<UserSummary> list(PageQuery query) {
        return search(UserSearch.text(query.search()), query);
    }

    @Transactional(readOnly = true)
    public Page<UserSummary> search(UserSearch search, PageQuery query) {
        access.requireAdmin();
        var roleIds = roleResolver.resolve("filters.role", search.roles()).stream().map(Role::getId).toList();
        String text = search.text() != null ? search.text() : query.search();
        var effective = new UserSearch(text, search.roles(), search.emailDomains(), search.deleted(), search.enabled(),
                search.lastLoginAfter(), search.lastLoginBefore(), search.neverLoggedIn(), search.twoFactorEnabled());
        return users.findAll(UserSpecifications.matching(effective, roleIds), query.toPageable(SORTABLE, "id"))
                .map(UserViews::summary);
    }

    @Transactional(readOnly = true)
    public UserProfile get(long id) {
        access.requireAdmin();
        return profile(load(id));
    }

    @Transactional
    public UserProfile create(NewUser command) {
        access.requireAdmin();
        String username = Inputs.username("username", command.username());
        String email = Inputs.email("email", command.email());
        String firstName = Inputs.required("first_name", command.firstName(), 100);
        String middleName = Inputs.optional("middle_name", command.middleName(), 100);
        String lastName = Inputs.required("last_name", command.lastName(), 100);
        String phone = Inputs.optional("phone_number", command.phoneNumber(), 40);
        PasswordPolicy.check("password", command.password());
        var roles = roleResolver.resolve("role", command.roles() == null ? List.of() : command.roles());
        if (roles.isEmpty()) {
            throw InvalidInputException.of("role", "must name at least one role");
        }
        requireUnusedUsername(username);
        requireUnusedEmail(email, null);
        var user = new UserAccount(username, email, firstName, lastName, Instant.now());
        user.setMiddleName(middleName);
        user.setPhoneNumber(phone);
        user.setPasswordHash(passwords.encode(command.password()));
        user.setMustChangePassword(command.mustChangePassword());
        user.getRoles().addAll(roles);
        if (command.contactId() != null) {
            link(user, command.contactId());
        }
        users.saveAndFlush(user);
        security.history.record(user.getId(), user.getPasswordHash(), user.getCreatedAt(), security.settings.passwordHistory());
        if (user.getContactId() != null) {
            contacts.mirror(user.getContactId(), user.getId());
        }
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "CREATED",
                "Created user " + username).withChanges(Map.of(), UserViews.auditFields(user)));
        return profile(user);
    }

    @Transactional
    public UserProfile update(long id, UserChanges changes) {
        access.requireAdmin();
        UserAccount user = loadForUpdate(id);
        requireEditable(user);
        var before = UserViews.auditFields(user);
        boolean mayDemote = changes.roles() != null || Boolean.FALSE.equals(changes.enabled())
                || Boolean.TRUE.equals(changes.deleted());
        if (mayDemote) {
            adminGuard.lock();
        }
        Instant now = Instant.now();
        String action = "UPDATED";
        if (Boolean.FALSE.equals(changes.deleted()) && user.isDeleted()) {
            user.restore(now);
            action = "RESTORED";
        }
        String pendingEmail = null;
        if (changes.email() != null) {
            String email = Inputs.email("email", changes.email());
            requireUnusedEmail(email, user.getId());
            if (email.equalsIgnoreCase(user.getEmail())) {
                user.setEmail(email); // the same mailbox, written differently
            } else {
                // Like a change the user asks for themselves: the new address must confirm through a link sent to
                // it, and the old one stays in use until then (a user who lost the old mailbox can still confirm).
                // It supersedes a change the user asked for and had not confirmed yet.
                pendingEmail = email;
            }
        }
        if (changes.firstName() != null) {
            user.setFirstName(Inputs.required("first_name", changes.firstName(), 100));
        }
        if (changes.middleName() != null) {
            user.setMiddleName(Inputs.optional("middle_name", changes.middleName(), 100));
        }
        if (changes.lastName() != null) {
            user.setLastName(Inputs.required("last_name", changes.lastName(), 100));
        }
        if (changes.phoneNumber() != null) {
            user.setPhoneNumber(Inputs.optional("phone_number", changes.phoneNumber(), 40));
        }
        if (changes.roles() != null) {
            var roles = roleResolver.resolve("role", changes.roles());
            if (roles.isEmpty()) {
                throw InvalidInputException.of("role", "must name at least one role");
            }
            user.getRoles().clear();
            user.getRoles().addAll(roles);
        }
        if (changes.contactId() != null) {
            Long previous = user.getContactId();
            if (changes.contactId().isPresent()) {
                if (!changes.contactId().get().equals(previous)) {
                    link(user, changes.contactId().get());
                }
            } else {
                user.linkContact(null, null);
            }
            if (!java.util.Objects.equals(previous, user.getContactId())) {
                if (previous != null) {
                    contacts.mirror(previous, null);
                }
                if (user.getContactId() != null) {
                    contacts.mirror(user.getContactId(), user.getId());
                }
            }
        }
        boolean signOut = false;
        if (changes.enabled() != null && changes.enabled() != user.isEnabled()) {
            user.setEnabled(changes.enabled());
            signOut = !changes.enabled();
        }
        if (Boolean.TRUE.equals(changes.deleted()) && !user.isDeleted()) {
            user.softDelete(now);
            action = "DELETED";
            signOut = true;
        }
        user.touch(now);
        if (mayDemote) {
            adminGuard.requireAnAdminLeft(changes.roles() != null ? "role" : changes.deleted() != null ? "deleted" : "enabled");
        }
        if (signOut) {
            revocation.revokeEverywhere(user, false);
        }
        users.flush();
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), action,
                summary(action, user)).withChanges(before, UserViews.auditFields(user)));
        if (pendingEmail != null) {
            emailChanges.sendVerification(user, pendingEmail, now, access.current().username()
                    + " asked to change the e-mail of " + user.getUsername() + " to " + pendingEmail
                    + " (waiting for verification)");
        }
        return profile(user);
    }

    /** Soft delete (C-USR-11): sign-in blocked, every session and token dies, the record stays. */
    @Transactional
    public void delete(long id) {
        access.requireAdmin();
        UserAccount user = loadForUpdate(id);
        requireEditable(user);
        if (user.isDeleted()) {
            throw new ConflictException("User " + id + " is already deleted");
        }
        adminGuard.lock();
        var before = UserViews.auditFields(user);
        user.softDelete(Instant.now());
        adminGuard.requireAnAdminLeft("id");
        revocation.revokeEverywhere(user, false);
        users.flush();
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "DELETED",
                summary("DELETED", user)).withChanges(before, UserViews.auditFields(user)));
    }

    /** Restore (C-USR-12): the user signs in again with their old password. */
    @Transactional
    public UserProfile restore(long id) {
        return update(id, new UserChanges(null, null, null, null, null, null, null, null, false));
    }

    /**
     * Sets a user's password (C-PWD-04). With {@code forceChange} it is temporary: the user must change it at
     * the next sign-in. The user is signed out everywhere.
     */
    @Transactional
    public void resetPassword(long id, String newPassword, boolean forceChange) {
        access.requireAdmin();
        UserAccount user = loadForUpdate(id);
        requireEditable(user);
        PasswordPolicy.check("new_password", newPassword);
        security.history.requireNotRecent("new_password", user, newPassword, security.settings.passwordHistory());
        var before = UserViews.auditFields(user);
        Instant now = Instant.now();
        user.setPasswordHash(passwords.encode(newPassword));
        user.setMustChangePassword(forceChange);
        user.touch(now);
        setPasswordSideEffects(user, now);
        revocation.revokeEverywhere(user, false);
        users.flush();
        notifyPasswordChange(user, now, access.current().username());
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "PASSWORD_RESET",
                "Reset the password of " + user.getUsername() + (forceChange ? " (temporary)" : ""))
                .withChanges(before, UserViews.auditFields(user)));
    }

    /** A generated temporary password (A-UADM-04), shown once to the admin; the user must change it. */
    @Transactional
    public String resetToTemporaryPassword(long id) {
        String temporary = PasswordPolicy.generateTemporary();
        resetPassword(id, temporary, true);
        return temporary;
    }

    /**
     * The signed-in user changes their own password (C-PWD-05). Their other sessions and all their tokens
     * are signed out; the web session the change was made in stays.
     */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        if (access.current().impersonatorId() != null) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "The password cannot be changed while impersonating");
        }
        long userId = access.requireUser();
        UserAccount user = loadForUpdate(userId);
        if (currentPassword == null || user.getPasswordHash() == null
                || !passwords.matches(currentPassword, user.getPasswordHash())) {
            throw InvalidInputException.of("current_password", "is not your current password");
        }
        PasswordPolicy.check("new_password", newPassword);
        if (passwords.matches(newPassword, user.getPasswordHash())) {
            throw InvalidInputException.of("new_password", "must differ from the current password");
        }
        security.history.requireNotRecent("new_password", user, newPassword, security.settings.passwordHistory());
        var before = UserViews.auditFields(user);
        Instant now = Instant.now();
        user.setPasswordHash(passwords.encode(newPassword));
        user.setMustChangePassword(false);
        user.touch(now);
        setPasswordSideEffects(user, now);
        revocation.revokeEverywhere(user, true);
        users.flush();
        notifyPasswordChange(user, now, "Myself");
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "PASSWORD_CHANGED",
                user.getUsername() + " changed their password").withChanges(before, UserViews.auditFields(user)));
    }

    /** Ends a sign-in lockout (C-PWD-07) before its time; the wrong-password count starts again. */
    @Transactional
    public void unlock(long id) {
        access.requireAdmin();
        UserAccount user = loadForUpdate(id);
        requireEditable(user);
        Instant now = Instant.now();
        if (!user.isLockedAt(now)) {
            throw new ConflictException("User " + user.getUsername() + " is not locked");
        }
        security.throttle.clear(user.getId());
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "UNLOCKED",
                "Unlocked " + user.getUsername() + " (locked until " + user.getLockedUntil() + ")"));
    }

    /** What every password change does besides the hash: history, dead reset links, no lockout. */
    private void setPasswordSideEffects(UserAccount user, Instant now) {
        security.history.record(user.getId(), user.getPasswordHash(), now, security.settings.passwordHistory());
        security.tokens.supersedeResets(user.getId(), now);
        security.throttle.clear(user.getId());
    }

    /** C-MJ-10: the password-change notification to the user. */
    private void notifyPasswordChange(UserAccount user, Instant now, String changedBy) {
        String name = user.displayName();
        security.notifications.enqueue(new EmailRequest(EmailTemplate.PASSWORD_CHANGE, user.getEmail(), name,
                Map.of("user_name", name, "change_date", java.time.format.DateTimeFormatter
                                .ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(now),
                        "changed_by", changedBy == null ? "" : changedBy, "support_email", security.links.supportEmail()),
                "password-change:" + user.getId() + ":" + now.toEpochMilli(), user.getCustomerId()));
    }

    UserProfile profile(UserAccount u) {
        var roles = u.getRoles().stream().sorted(Comparator.comparing(Role::getName)).toList();
        var permissions = states.effectivePermissions(u.getId()).stream().sorted().toList();
        return new UserProfile(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getMiddleName(),
                u.getLastName(), u.getPhoneNumber(), roles.stream().map(Role::getName).toList(),
                roles.stream().map(r -> new UserProfile.RoleRef(r.getId(), r.getName(), r.getGroupId())).toList(),
                permissions, u.isEnabled(), u.isDeleted(),
                u.getDeletedAt(), u.isMustChangePassword(), u.isServiceAccount(), u.getLastLoginAt(),
                u.getLoginCount(), revocation.countSessions(u.getUsername()), u.getContactId(), u.getCustomerId(),
                contacts.find(u.getContactId()).orElse(null), u.getCreatedAt(),
                u.isLockedAt(Instant.now()) ? u.getLockedUntil() : null, u.isEmailVerified(),
                security.tokens.pendingEmail(u.getId(), Instant.now()).orElse(null));
    }

    private UserAccount load(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    private UserAccount loadForUpdate(long id) {
        return users.findForUpdate(id).orElseThrow(() -> new NotFoundException("user", id));
    }

    private static void requireEditable(UserAccount user) {
        if (user.isServiceAccount()) {
            throw new ConflictException("The service account " + user.getUsername() + " cannot be changed");
        }
    }

    private void requireUnusedUsername(String username) {
        users.findByUsername(username).ifPresent(existing -> {
            throw new ConflictException("username", "is already taken" + (existing.isDeleted() ? " (by a deleted user)" : ""));
        });
    }

    private void requireUnusedEmail(String email, Long exceptUserId) {
        Optional<UserAccount> existing = users.findByEmail(email);
        if (existing.isPresent() && !existing.get().getId().equals(exceptUserId)) {
            throw new ConflictException("email", "is already used by another user"
                    + (existing.get().isDeleted() ? " (a deleted one: restore it instead)" : ""));
        }
    }

    private void link(UserAccount user, long contactId) {
        ContactRef contact = contacts.require(contactId);
        if (users.existsByContactIdAndDeletedFalse(contactId)) {
            throw new ConflictException("contact_id", "contact " + contactId + " is already linked to another user");
        }
        user.linkContact(contact.contactId(), contact.customerId());
    }

    private static String summary(String action, UserAccount user) {
        return switch (action) {
            case "DELETED" -> "Deleted user " + user.getUsername();
            case "RESTORED" -> "Restored user " + user.getUsername();
            default -> "Updated user " + user.getUsername();
        };
    }
}
