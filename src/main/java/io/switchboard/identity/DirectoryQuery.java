package io.switchboard.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * Filters of a directory user query, shaped after Camunda's user query so the bridge can map it 1:1.
 * {@code null} or empty components do not filter. {@code *Like} values use {@code %} as the wildcard.
 * Deleted users are never found.
 *
 * @param ids        user ids
 * @param usernames  exact usernames (case-insensitive)
 * @param groupId    members of the role with this group id
 * @param activeOnly only users who may sign in
 * @param staffOnly  no service accounts and no customer users (Camunda's view of the users)
 */
public record DirectoryQuery(@Nullable Collection<Long> ids, @Nullable Collection<String> usernames,
        @Nullable String firstName, @Nullable String firstNameLike, @Nullable String lastName,
        @Nullable String lastNameLike, @Nullable String email, @Nullable String emailLike,
        @Nullable String groupId, boolean activeOnly, boolean staffOnly) {

    public static DirectoryQuery all() {
        return new DirectoryQuery(null, null, null, null, null, null, null, null, null, false, false);
    }

    public static DirectoryQuery membersOf(String groupId) {
        return new DirectoryQuery(null, null, null, null, null, null, null, null, groupId, false, false);
    }

    public static DirectoryQuery byIds(Collection<Long> ids) {
        return new DirectoryQuery(List.copyOf(ids), null, null, null, null, null, null, null, null, false, false);
    }
}
