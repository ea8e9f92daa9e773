package io.switchboard.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A long-lived credential for programmatic access; only the SHA-256 hash of the key is stored. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "key_prefix", nullable = false, length = 16)
    private String keyPrefix;

    @Column(name = "key_last4", nullable = false, length = 4)
    private String keyLast4;

    @Column(name = "customer_id")
    private Long customerId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "created_by", updatable = false)
    private UserAccount createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private Instant lastUsedAt;

    @Column(name = "regenerated_at")
    private Instant regeneratedAt;

    @ManyToMany
    @JoinTable(name = "api_key_permissions", joinColumns = @JoinColumn(name = "api_key_id"),
            inverseJoinColumns = @JoinColumn(name = "permission_id"))
    private Set<Permission> permissions = new LinkedHashSet<>();

    protected ApiKey() {}

    public ApiKey(String name, String description, UserAccount createdBy, Long customerId, Instant createdAt,
            Instant expiresAt) {
        this.name = name;
        this.description = description;
        this.createdBy = createdBy;
        this.customerId = customerId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /** Replaces the secret: the previous key stops working when this commits. */
    public void useSecret(String hash, String prefix, String last4) {
        this.keyHash = hash;
        this.keyPrefix = prefix;
        this.keyLast4 = last4;
    }

    public void regenerated(Instant at) {
        regeneratedAt = at;
    }

    public void revoke(Instant at) {
        revokedAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public String getKeyLast4() {
        return keyLast4;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public UserAccount getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getRegeneratedAt() {
        return regeneratedAt;
    }

    public Set<Permission> getPermissions() {
        return permissions;
    }
}
