package io.switchboard.identity.internal;

import io.switchboard.shared.Actor;
import java.util.Set;
import org.springframework.lang.Nullable;

/**
 * A user as the security filters need them on every request: whether they may act at all, the token
 * version their JWTs must carry, and their effective permissions (read fresh from the database).
 */
public record SignInState(long userId, String username, @Nullable Long customerId, int tokenVersion,
        boolean mustChangePassword, boolean active, Set<String> groupIds, Set<String> permissions) {

    public Actor actor() {
        return new Actor(userId, username, customerId, permissions, groupIds, null);
    }

    /** This user's actor while the staff user {@code impersonatorId} acts as them. */
    public Actor actorImpersonatedBy(long impersonatorId) {
        return new Actor(userId, username, customerId, permissions, groupIds, impersonatorId);
    }

    /** Customer users: linked to a customer contact, or holding the {@code customer} role. */
    public boolean isCustomerUser() {
        return customerId != null || groupIds.contains("customer") || groupIds.contains("customer-admin");
    }
}
