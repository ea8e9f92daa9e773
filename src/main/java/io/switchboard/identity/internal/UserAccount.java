package io.switchboard.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A person (or the automation service account) who can act in Switchboard. Deletes are soft: the row stays
 * for the audit trail and can be restored with its old password.
 */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100, updatable = false)
    private String username;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "middle_name", length = 100)
    private String middleName;

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Column(name = "phone_number", length = 40)
    private String phoneNumber;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "service_account", nullable = false, updatable = false)
    private boolean serviceAccount;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "login_count", nullable = false)
    private int loginCount;

    @Column(name = "token_version", nullable = false)
    private int tokenVersion;

    /** Read only here: 2FA is written by {@code TwoFactorRecords} (plain SQL), never through the entity. */
    @Column(name = "two_factor_enabled", insertable = false, updatable = false)
    private boolean twoFactorEnabled;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Written only by {@code SignInThrottle} with SQL, so that a concurrent edit never resets it. */
    @Column(name = "failed_sign_ins", insertable = false, updatable = false)
    private int failedSignIns;

    /** Written only by {@code SignInThrottle} with SQL; read here for display. */
    @Column(name = "locked_until", insertable = false, updatable = false)
    private Instant lockedUntil;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ManyToMany
    @JoinTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new LinkedHashSet<>();

    protected UserAccount() {}

    public UserAccount(String username, String email, String firstName, String lastName, Instant createdAt) {
        this.username = username;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** A non-login account that automation (processes, jobs) acts as. */
    public static UserAccount serviceAccount(String username, String email, String displayName, Instant createdAt) {
        var account = new UserAccount(username, email, displayName, "(service account)", createdAt);
        account.serviceAccount = true;
        return account;
    }

    public boolean canSignIn() {
        return !deleted && enabled && !serviceAccount && passwordHash != null;
    }

    public void softDelete(Instant at) {
        deleted = true;
        deletedAt = at;
        updatedAt = at;
    }

    public void restore(Instant at) {
        deleted = false;
        deletedAt = null;
        updatedAt = at;
    }

    public void recordSignIn(Instant at) {
        lastLoginAt = at;
        loginCount++;
    }

    /** Makes every access token issued so far invalid. */
    public void revokeTokens() {
        tokenVersion++;
    }

    public void linkContact(Long contactId, Long customerId) {
        this.contactId = contactId;
        this.customerId = customerId;
    }

    public void touch(Instant at) {
        updatedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getMiddleName() {
        return middleName;
    }

    public void setMiddleName(String middleName) {
        this.middleName = middleName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPhoneNumber() {
        return phoneNumber;
    }

    public void setPhoneNumber(String phoneNumber) {
        this.phoneNumber = phoneNumber;
    }

    public Long getContactId() {
        return contactId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isServiceAccount() {
        return serviceAccount;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public int getLoginCount() {
        return loginCount;
    }

    public boolean isTwoFactorEnabled() {
        return twoFactorEnabled;
    }

    public int getTokenVersion() {
        return tokenVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getFailedSignIns() {
        return failedSignIns;
    }

    /** When a lockout ends; {@code null} or a past instant when the account is not locked. */
    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public boolean isLockedAt(Instant at) {
        return lockedUntil != null && lockedUntil.isAfter(at);
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    public void setEmailVerified(boolean emailVerified) {
        this.emailVerified = emailVerified;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public String displayName() {
        return middleName == null || middleName.isBlank() ? firstName + " " + lastName
                : firstName + " " + middleName + " " + lastName;
    }
}
