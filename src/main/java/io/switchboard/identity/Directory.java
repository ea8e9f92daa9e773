package io.switchboard.identity;

import io.switchboard.identity.internal.Role;
import io.switchboard.identity.internal.Roles;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to users and roles for other modules, notably the Camunda identity bridge (users as Camunda
 * users, roles as Camunda groups). No permission checks: callers are trusted code, not requests. Deleted users
 * are invisible here.
 */
@Service
public class Directory {

    private final UserAccounts users;
    private final Roles roles;
    private final PasswordEncoder passwords;

    Directory(UserAccounts users, Roles roles, PasswordEncoder passwords) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryUser> findUser(long id) {
        return users.findById(id).filter(u -> !u.isDeleted()).map(Directory::user);
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryUser> findUserByUsername(String username) {
        return users.findByUsername(username).filter(u -> !u.isDeleted()).map(Directory::user);
    }

    /** Users (not deleted) holding the role with this group id, by username. */
    @Transactional(readOnly = true)
    public List<DirectoryUser> usersInRole(String groupId) {
        return findUsers(DirectoryQuery.membersOf(groupId), 0, Integer.MAX_VALUE);
    }

    /** The roles of a user, by name; empty for unknown or deleted users. */
    @Transactional(readOnly = true)
    public List<DirectoryRole> rolesOf(long userId) {
        return users.findById(userId).filter(u -> !u.isDeleted()).stream()
                .flatMap(u -> u.getRoles().stream()).sorted(Comparator.comparing(Role::getName))
                .map(Directory::role).toList();
    }

    @Transactional(readOnly = true)
    public Optional<DirectoryRole> findRole(String groupId) {
        return roles.findByGroupId(groupId).map(Directory::role);
    }

    /** Every role, by name. */
    @Transactional(readOnly = true)
    public List<DirectoryRole> roles() {
        return roles.findAll(Sort.by("name")).stream().map(Directory::role).toList();
    }

    /** Users matching the query, ordered by username; {@code maxResults} caps the page. */
    @Transactional(readOnly = true)
    public List<DirectoryUser> findUsers(DirectoryQuery query, int firstResult, int maxResults) {
        int first = Math.max(0, firstResult);
        if (maxResults <= 0) {
            return List.of();
        }
        if (maxResults < Integer.MAX_VALUE && first % maxResults == 0) {
            var page = PageRequest.of(first / maxResults, maxResults, Sort.by("username"));
            return users.findAll(specification(query), page).map(Directory::user).getContent();
        }
        return users.findAll(specification(query), Sort.by("username")).stream().skip(first).limit(maxResults)
                .map(Directory::user).toList();
    }

    @Transactional(readOnly = true)
    public long countUsers(DirectoryQuery query) {
        return users.count(specification(query));
    }

    /**
     * Whether {@code password} is the password of the active user {@code username} (Camunda's
     * {@code checkPassword}). Deleted, disabled and service accounts never match.
     */
    @Transactional(readOnly = true)
    public boolean checkPassword(String username, String password) {
        if (username == null || password == null) {
            return false;
        }
        return users.findByUsername(username).filter(UserAccount::canSignIn)
                .map(u -> passwords.matches(password, u.getPasswordHash())).orElse(false);
    }

    private static Specification<UserAccount> specification(DirectoryQuery query) {
        return (root, q, cb) -> {
            var where = new ArrayList<Predicate>();
            where.add(cb.isFalse(root.get("deleted")));
            if (query.activeOnly()) {
                where.add(cb.isTrue(root.get("enabled")));
                where.add(cb.isFalse(root.get("serviceAccount")));
            }
            if (query.staffOnly()) {
                where.add(cb.isFalse(root.get("serviceAccount")));
                where.add(cb.isNull(root.get("customerId")));
            }
            if (query.ids() != null && !query.ids().isEmpty()) {
                where.add(root.get("id").in(query.ids()));
            }
            if (query.usernames() != null && !query.usernames().isEmpty()) {
                where.add(cb.lower(root.get("username")).in(query.usernames().stream()
                        .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet())));
            }
            exact(where, cb, root.get("firstName"), query.firstName());
            exact(where, cb, root.get("lastName"), query.lastName());
            exact(where, cb, root.get("email"), query.email());
            like(where, cb, root.get("firstName"), query.firstNameLike());
            like(where, cb, root.get("lastName"), query.lastNameLike());
            like(where, cb, root.get("email"), query.emailLike());
            if (query.groupId() != null) {
                var sub = q.subquery(Long.class);
                var member = sub.from(UserAccount.class);
                sub.select(member.get("id")).where(cb.equal(member.join("roles").get("groupId"), query.groupId()));
                where.add(root.get("id").in(sub));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static void exact(List<Predicate> where, jakarta.persistence.criteria.CriteriaBuilder cb,
            jakarta.persistence.criteria.Path<String> path, String value) {
        if (value != null) {
            where.add(cb.equal(cb.lower(path), value.toLowerCase(Locale.ROOT)));
        }
    }

    private static void like(List<Predicate> where, jakarta.persistence.criteria.CriteriaBuilder cb,
            jakarta.persistence.criteria.Path<String> path, String pattern) {
        if (pattern != null) {
            where.add(cb.like(cb.lower(path), pattern.toLowerCase(Locale.ROOT)));
        }
    }

    private static DirectoryUser user(UserAccount u) {
        return new DirectoryUser(u.getId(), u.getUsername(), u.getEmail(), u.getFirstName(), u.getLastName(),
                u.canSignIn(), u.isServiceAccount(), u.getCustomerId(),
                u.getRoles().stream().map(Role::getGroupId).collect(Collectors.toUnmodifiableSet()));
    }

    private static DirectoryRole role(Role r) {
        return new DirectoryRole(r.getId(), r.getGroupId(), r.getName(), r.getDescription(), r.isSystem());
    }
}
