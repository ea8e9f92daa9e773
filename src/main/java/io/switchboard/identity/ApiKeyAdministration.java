package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.ApiKey;
import io.switchboard.identity.internal.ApiKeys;
import io.switchboard.identity.internal.Inputs;
import io.switchboard.identity.internal.Permission;
import io.switchboard.identity.internal.Permissions;
import io.switchboard.identity.internal.Secrets;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.shared.Actor;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys (A-APIK): generated from 32 random bytes, shown once, stored as a SHA-256 hash with a short visible
 * prefix. Admins manage every key; holders of {@code manage_api_keys} manage the keys they created, granting
 * at most their own permissions. Keys are managed by signed-in users only, never by another key. Revoked keys
 * keep their row (for the audit trail) and never work again. Writes are recorded (entity type {@code api_key}).
 */
@Service
public class ApiKeyAdministration {

    public static final String MANAGE_API_KEYS = "manage_api_keys";
    /** Every key starts with this, so leaked keys are recognisable by secret scanners. */
    public static final String KEY_PREFIX = "sk_live_";

    static final Map<String, String> SORTABLE = Map.of("name", "name", "created", "createdAt",
            "expiry_date", "expiresAt", "created_by", "createdBy.username", "id", "id");

    private final ApiKeys keys;
    private final Permissions permissions;
    private final UserAccounts users;
    private final AccessGuard access;
    private final ActivityLog activity;

    ApiKeyAdministration(ApiKeys keys, Permissions permissions, UserAccounts users, AccessGuard access,
            ActivityLog activity) {
        this.keys = keys;
        this.permissions = permissions;
        this.users = users;
        this.access = access;
        this.activity = activity;
    }

    @Transactional(readOnly = true)
    public Page<ApiKeyInfo> list(ApiKeyFilter filter, PageQuery query) {
        Actor actor = manager();
        Instant now = Instant.now();
        String search = filter.search() != null ? filter.search() : query.search();
        return keys.findAll(visibleTo(actor).and(status(filter.status(), now)).and(matching(search)),
                query.toPageable(SORTABLE, "id")).map(k -> info(k, now));
    }

    @Transactional(readOnly = true)
    public ApiKeyInfo get(long id) {
        return info(load(manager(), id), Instant.now());
    }

    /** The figures above the list (A-APIK-05), over the keys the caller may see. */
    @Transactional(readOnly = true)
    public ApiKeyCounts counts() {
        Actor actor = manager();
        Instant now = Instant.now();
        var visible = visibleTo(actor);
        return new ApiKeyCounts(keys.count(visible.and(status(null, now))),
                keys.count(visible.and(status(ApiKeyStatus.ACTIVE, now))),
                keys.count(visible.and(status(ApiKeyStatus.EXPIRING_SOON, now))),
                keys.count(visible.and(status(ApiKeyStatus.EXPIRED, now))),
                keys.count(visible.and(status(ApiKeyStatus.REVOKED, now))));
    }

    @Transactional
    public IssuedApiKey create(NewApiKey command) {
        Actor actor = manager();
        Instant now = Instant.now();
        String name = Inputs.required("name", command.name(), 100);
        String description = Inputs.optional("description", command.description(), 500);
        requireFuture(command.expiresAt(), now);
        Set<Permission> granted = grantable(actor, command.permissions());
        Long customerId = command.customerId();
        if (actor.customerId() != null) {
            if (customerId != null && !customerId.equals(actor.customerId())) {
                throw InvalidInputException.unprocessable("customer_id", "your keys can only act for your own customer");
            }
            customerId = actor.customerId();
        }
        UserAccount creator = users.findById(actor.userId()).orElseThrow();
        var key = new ApiKey(name, description, creator, customerId, now, command.expiresAt());
        key.getPermissions().addAll(granted);
        String secret = newSecret(key);
        keys.saveAndFlush(key);
        activity.record(ActivityRecord.of("api_key", key.getId(), customerId, "CREATED", "Created API key " + name)
                .withChanges(Map.of(), audit(key)));
        return issued(key, secret, now);
    }

    @Transactional
    public ApiKeyInfo update(long id, ApiKeyChanges changes) {
        Actor actor = manager();
        Instant now = Instant.now();
        ApiKey key = loadUnrevoked(actor, id);
        var before = audit(key);
        if (changes.name() != null) {
            key.setName(Inputs.required("name", changes.name(), 100));
        }
        if (changes.description() != null) {
            key.setDescription(Inputs.optional("description", changes.description(), 500));
        }
        if (changes.expiresAt() != null) {
            requireFuture(changes.expiresAt().orElse(null), now);
            key.setExpiresAt(changes.expiresAt().orElse(null));
        }
        if (changes.permissions() != null) {
            Set<Permission> granted = grantable(actor, changes.permissions());
            key.getPermissions().clear();
            key.getPermissions().addAll(granted);
        }
        keys.flush();
        activity.record(ActivityRecord.of("api_key", key.getId(), key.getCustomerId(), "UPDATED",
                "Updated API key " + key.getName()).withChanges(before, audit(key)));
        return info(key, now);
    }

    /** Revokes a key at once (A-APIK-15); the row stays for the record. */
    @Transactional
    public void revoke(long id) {
        Actor actor = manager();
        ApiKey key = loadUnrevoked(actor, id);
        var before = audit(key);
        key.revoke(Instant.now());
        keys.flush();
        activity.record(ActivityRecord.of("api_key", key.getId(), key.getCustomerId(), "REVOKED",
                "Revoked API key " + key.getName()).withChanges(before, audit(key)));
    }

    /** A new secret for a key (A-APIK-14): the old one stops working at once; all else stays. */
    @Transactional
    public IssuedApiKey regenerate(long id) {
        Actor actor = manager();
        Instant now = Instant.now();
        ApiKey key = loadUnrevoked(actor, id);
        var before = audit(key);
        String secret = newSecret(key);
        key.regenerated(now);
        keys.flush();
        activity.record(ActivityRecord.of("api_key", key.getId(), key.getCustomerId(), "REGENERATED",
                "Regenerated API key " + key.getName()).withChanges(before, audit(key)));
        return issued(key, secret, now);
    }

    private Actor manager() {
        Actor actor = access.current();
        if (actor.userId() == null) {
            throw new AccessDeniedException("API keys are managed by signed-in users");
        }
        if (!actor.can(MANAGE_API_KEYS)) {
            throw new AccessDeniedException("Needs permission " + MANAGE_API_KEYS);
        }
        return actor;
    }

    private Set<Permission> grantable(Actor actor, Collection<String> names) {
        if (names == null || names.isEmpty() || names.stream().allMatch(n -> n == null || n.isBlank())) {
            throw InvalidInputException.of("permissions", "must name at least one permission");
        }
        var wanted = names.stream().filter(n -> n != null && !n.isBlank()).map(String::trim)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<Permission> found = permissions.findByNameIn(wanted);
        if (found.size() != wanted.size()) {
            var unknown = new LinkedHashSet<>(wanted);
            found.forEach(p -> unknown.remove(p.getName()));
            throw InvalidInputException.of("permissions", "unknown permission(s): " + String.join(", ", unknown));
        }
        if (!actor.can(Actor.ADMIN)) {
            var beyond = wanted.stream().filter(n -> !actor.permissions().contains(n)).toList();
            if (!beyond.isEmpty()) {
                throw InvalidInputException.unprocessable("permissions",
                        "a key can only have permissions you hold yourself; you do not hold " + String.join(", ", beyond));
            }
        }
        return new LinkedHashSet<>(found);
    }

    private static void requireFuture(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw InvalidInputException.of("expiry_date", "must be in the future");
        }
    }

    private static String newSecret(ApiKey key) {
        String secret = KEY_PREFIX + Secrets.random(32);
        key.useSecret(Secrets.sha256(secret), secret.substring(0, KEY_PREFIX.length() + 4),
                secret.substring(secret.length() - 4));
        return secret;
    }

    private ApiKey load(Actor actor, long id) {
        return keys.findOne(visibleTo(actor).and((root, q, cb) -> cb.equal(root.get("id"), id)))
                .orElseThrow(() -> new NotFoundException("api_key", id));
    }

    private ApiKey loadUnrevoked(Actor actor, long id) {
        ApiKey key = load(actor, id);
        if (key.getRevokedAt() != null) {
            throw new ConflictException("API key " + id + " is revoked; create a new one");
        }
        return key;
    }

    private static Specification<ApiKey> visibleTo(Actor actor) {
        if (actor.can(Actor.ADMIN)) {
            return (root, q, cb) -> cb.conjunction();
        }
        return (root, q, cb) -> cb.equal(root.get("createdBy").get("id"), actor.userId());
    }

    private static Specification<ApiKey> status(ApiKeyStatus status, Instant now) {
        Instant soon = now.plus(ApiKeyStatus.EXPIRING_SOON_WITHIN);
        return (root, q, cb) -> {
            var revoked = root.<Instant>get("revokedAt");
            var expires = root.<Instant>get("expiresAt");
            if (status == null) {
                return cb.isNull(revoked);
            }
            return switch (status) {
                case REVOKED -> cb.isNotNull(revoked);
                case EXPIRED -> cb.and(cb.isNull(revoked), cb.lessThanOrEqualTo(expires, now));
                case EXPIRING_SOON -> cb.and(cb.isNull(revoked), cb.greaterThan(expires, now),
                        cb.lessThanOrEqualTo(expires, soon));
                case ACTIVE -> cb.and(cb.isNull(revoked), cb.or(cb.isNull(expires), cb.greaterThan(expires, soon)));
            };
        };
    }

    private static Specification<ApiKey> matching(String search) {
        if (search == null || search.isBlank()) {
            return (root, q, cb) -> cb.conjunction();
        }
        String like = "%" + search.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return (root, q, cb) -> {
            var any = new ArrayList<Predicate>();
            any.add(cb.like(cb.lower(root.get("name")), like, '\\'));
            any.add(cb.like(cb.lower(cb.coalesce(root.get("description"), "")), like, '\\'));
            any.add(cb.like(cb.lower(root.get("keyPrefix")), like, '\\'));
            any.add(cb.like(cb.lower(root.get("keyLast4")), like, '\\'));
            return cb.or(any.toArray(Predicate[]::new));
        };
    }

    private static ApiKeyInfo info(ApiKey k, Instant now) {
        return new ApiKeyInfo(k.getId(), k.getName(), k.getDescription(), masked(k),
                ApiKeyStatus.of(k.getExpiresAt(), k.getRevokedAt(), now), k.getCreatedAt(), k.getExpiresAt(),
                k.getLastUsedAt(), k.getRevokedAt(), permissionNames(k), k.getCustomerId(),
                k.getCreatedBy().getUsername());
    }

    private static IssuedApiKey issued(ApiKey k, String secret, Instant now) {
        return new IssuedApiKey(k.getId(), k.getName(), k.getDescription(), secret, masked(k),
                ApiKeyStatus.of(k.getExpiresAt(), k.getRevokedAt(), now), k.getCreatedAt(), k.getExpiresAt(),
                permissionNames(k), k.getCustomerId());
    }

    private static String masked(ApiKey k) {
        return k.getKeyPrefix() + "…" + k.getKeyLast4();
    }

    private static List<String> permissionNames(ApiKey k) {
        return k.getPermissions().stream().map(Permission::getName).sorted().toList();
    }

    private static Map<String, Object> audit(ApiKey k) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("name", k.getName());
        fields.put("description", k.getDescription());
        fields.put("expiry_date", k.getExpiresAt());
        fields.put("permissions", String.join(",", permissionNames(k)));
        fields.put("customer_id", k.getCustomerId());
        fields.put("key", masked(k));
        fields.put("revoked_at", k.getRevokedAt());
        return fields;
    }
}
