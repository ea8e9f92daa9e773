package io.switchboard.identity;

import java.util.Set;
import org.springframework.lang.Nullable;

/**
 * A user as the directory (and Camunda's identity bridge) sees them.
 *
 * @param groupIds the group ids of the user's roles
 * @param active   may sign in: not deleted, not disabled, not a service account
 */
public record DirectoryUser(long id, String username, String email, String firstName, String lastName,
        boolean active, boolean serviceAccount, @Nullable Long customerId, Set<String> groupIds) {}
