package io.switchboard.identity.internal;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface RefreshTokens extends JpaRepository<RefreshToken, Long> {

    /** Locked so that two concurrent uses of one token cannot both rotate it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from RefreshToken t where t.tokenHash = :hash")
    Optional<RefreshToken> findForUpdate(String hash);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :at where t.familyId = :family and t.revokedAt is null")
    int revokeFamily(UUID family, Instant at);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :at where t.userId = :userId and t.revokedAt is null")
    int revokeAllOf(Long userId, Instant at);

    @Modifying
    @Query("update RefreshToken t set t.revokedAt = :at where t.impersonationId = :impersonationId and t.revokedAt is null")
    int revokeImpersonation(Long impersonationId, Instant at);

    @Modifying
    @Query("delete from RefreshToken t where t.expiresAt < :before")
    int deleteExpiredBefore(Instant before);
}
