package io.switchboard.identity.internal;

import io.switchboard.identity.UserSearch;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** A {@link UserSearch} as a JPA query. */
public final class UserSpecifications {

    private UserSpecifications() {}

    public static Specification<UserAccount> matching(UserSearch search, Collection<Long> roleIds) {
        return (root, query, cb) -> {
            var where = new ArrayList<Predicate>();
            if (search.text() != null && !search.text().isBlank()) {
                String like = "%" + escape(search.text().trim().toLowerCase(Locale.ROOT)) + "%";
                where.add(cb.or(cb.like(cb.lower(root.get("username")), like, '\\'),
                        cb.like(cb.lower(root.get("email")), like, '\\'),
                        cb.like(cb.lower(root.get("firstName")), like, '\\'),
                        cb.like(cb.lower(root.get("lastName")), like, '\\')));
            }
            if (search.deleted().isEmpty()) {
                where.add(cb.isFalse(root.get("deleted")));
            } else {
                where.add(root.get("deleted").in(search.deleted()));
            }
            if (!search.enabled().isEmpty()) {
                where.add(root.get("enabled").in(search.enabled()));
            }
            if (!search.roles().isEmpty()) {
                var sub = query.subquery(Long.class);
                var member = sub.from(UserAccount.class);
                var role = member.join("roles");
                sub.select(member.get("id")).where(role.get("id").in(roleIds));
                where.add(root.get("id").in(sub));
            }
            if (!search.emailDomains().isEmpty()) {
                var domains = new ArrayList<Predicate>();
                for (String domain : search.emailDomains()) {
                    String d = domain.trim().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
                    domains.add(cb.like(cb.lower(root.get("email")), "%@" + escape(d), '\\'));
                }
                where.add(cb.or(domains.toArray(Predicate[]::new)));
            }
            if (search.lastLoginAfter() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("lastLoginAt"), search.lastLoginAfter()));
            }
            if (search.lastLoginBefore() != null) {
                where.add(cb.lessThan(root.get("lastLoginAt"), search.lastLoginBefore()));
            }
            if (!search.twoFactorEnabled().isEmpty()) {
                where.add(root.get("twoFactorEnabled").in(search.twoFactorEnabled()));
            }
            if (search.neverLoggedIn() != null) {
                where.add(search.neverLoggedIn() ? cb.isNull(root.get("lastLoginAt")) : cb.isNotNull(root.get("lastLoginAt")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
