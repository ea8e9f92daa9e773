package io.switchboard.identity.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a rotation family; only its SHA-256 hash is stored. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @Column(name = "family_id", nullable = false, updatable = false)
    private UUID familyId;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** Set on the tokens of an impersonation session: refreshing them stays within that impersonation. */
    @Column(name = "impersonation_id", updatable = false)
    private Long impersonationId;

    protected RefreshToken() {}

    public RefreshToken(Long userId, UUID familyId, String tokenHash, Instant issuedAt, Instant expiresAt) {
        this.userId = userId;
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** A token of an impersonation session ({@code impersonation_log.id}). */
    public static RefreshToken forImpersonation(Long userId, UUID familyId, String tokenHash, Instant issuedAt,
            Instant expiresAt, long impersonationId) {
        var token = new RefreshToken(userId, familyId, tokenHash, issuedAt, expiresAt);
        token.impersonationId = impersonationId;
        return token;
    }

    public void markUsed(Instant at) {
        usedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public UUID getFamilyId() {
        return familyId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    /** The impersonation this token belongs to, or {@code null} for a user's own token. */
    public Long getImpersonationId() {
        return impersonationId;
    }
}
