package io.switchboard.identity.camunda;

import io.switchboard.identity.Directory;
import io.switchboard.identity.DirectoryQuery;
import io.switchboard.identity.DirectoryRole;
import io.switchboard.identity.DirectoryUser;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's view of Switchboard's users and roles: a Camunda user id is our username, a Camunda group is a
 * role (id = the role's immutable group id). Read-only, so Camunda Admin shows users and groups but cannot
 * edit them; there is no second user store. Only staff are Camunda users: customer users and service accounts
 * never work in Tasklist or Cockpit. No tenants.
 */
final class DirectoryIdentityProvider implements ReadOnlyIdentityProvider {

    static final String GROUP_TYPE = "SWITCHBOARD_ROLE";

    private final Directory directory;

    DirectoryIdentityProvider(Directory directory) {
        this.directory = directory;
    }

    /** Opens one provider per engine command; it holds no state, so one instance serves all. */
    static SessionFactory sessionFactory(Directory directory) {
        var provider = new DirectoryIdentityProvider(directory);
        return new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return provider;
            }
        };
    }

    // users

    @Override
    public User findUserById(String userId) {
        return directory.findUserByUsername(userId).filter(u -> !u.serviceAccount() && u.customerId() == null)
                .map(DirectoryIdentityProvider::user).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new DirectoryUserQuery(this);
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new DirectoryUserQuery(this);
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Native user queries are not supported: Switchboard owns the users");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return directory.checkPassword(userId, password);
    }

    // groups

    @Override
    public Group findGroupById(String groupId) {
        return directory.findRole(groupId).map(DirectoryIdentityProvider::group).orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new DirectoryGroupQuery(this);
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new DirectoryGroupQuery(this);
    }

    // tenants: Switchboard is one tenant per installation

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenants();
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenants();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    // query execution

    List<User> users(DirectoryUserQuery query, Page page) {
        if (query.getTenantId() != null || query.potentialStarterFilter()) {
            return List.of();
        }
        int first = page == null ? 0 : page.getFirstResult();
        int max = page == null ? Integer.MAX_VALUE : page.getMaxResults();
        return directory.findUsers(directoryQuery(query), first, max).stream()
                .map(DirectoryIdentityProvider::user).toList();
    }

    long countUsers(DirectoryUserQuery query) {
        if (query.getTenantId() != null || query.potentialStarterFilter()) {
            return 0;
        }
        return directory.countUsers(directoryQuery(query));
    }

    List<Group> groups(DirectoryGroupQuery query, Page page) {
        int first = page == null ? 0 : page.getFirstResult();
        int max = page == null ? Integer.MAX_VALUE : page.getMaxResults();
        return matchingGroups(query).skip(first).limit(max).toList();
    }

    long countGroups(DirectoryGroupQuery query) {
        return matchingGroups(query).count();
    }

    private Stream<Group> matchingGroups(DirectoryGroupQuery query) {
        if (query.getTenantId() != null) {
            return Stream.empty();
        }
        Set<String> memberOf = null;
        if (query.getUserId() != null) {
            memberOf = directory.findUserByUsername(query.getUserId()).map(DirectoryUser::groupIds).orElse(Set.of());
        }
        final Set<String> member = memberOf;
        return directory.roles().stream()
                .filter(r -> query.getId() == null || r.groupId().equals(query.getId()))
                .filter(r -> query.getIds() == null || Arrays.asList(query.getIds()).contains(r.groupId()))
                .filter(r -> query.getName() == null || r.name().equals(query.getName()))
                .filter(r -> query.getNameLike() == null || like(r.name(), query.getNameLike()))
                .filter(r -> query.getType() == null || GROUP_TYPE.equals(query.getType()))
                .filter(r -> member == null || member.contains(r.groupId()))
                .sorted(Comparator.comparing(DirectoryRole::groupId))
                .map(DirectoryIdentityProvider::group);
    }

    private static DirectoryQuery directoryQuery(DirectoryUserQuery q) {
        List<String> usernames = null;
        if (q.getId() != null) {
            usernames = List.of(q.getId());
        } else if (q.getIds() != null) {
            usernames = Arrays.asList(q.getIds());
        }
        return new DirectoryQuery(null, usernames, q.getFirstName(), q.getFirstNameLike(), q.getLastName(),
                q.getLastNameLike(), q.getEmail(), q.getEmailLike(), q.getGroupId(), false, true);
    }

    /** Camunda's LIKE: {@code %} is the wildcard; matched case-insensitively like the user queries. */
    private static boolean like(String value, String pattern) {
        var regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("%", -1)).map(Pattern::quote)
                .reduce((a, b) -> a + ".*" + b).orElse("");
        return value.toLowerCase(Locale.ROOT).matches(regex);
    }

    private static User user(DirectoryUser u) {
        var user = new UserEntity(u.username());
        user.setFirstName(u.firstName());
        user.setLastName(u.lastName());
        user.setEmail(u.email());
        return user;
    }

    private static Group group(DirectoryRole r) {
        var group = new GroupEntity(r.groupId());
        group.setName(r.name());
        group.setType(GROUP_TYPE);
        return group;
    }

    static final class DirectoryUserQuery extends UserQueryImpl {

        private final transient DirectoryIdentityProvider provider;

        DirectoryUserQuery(DirectoryIdentityProvider provider) {
            this.provider = provider;
        }

        boolean potentialStarterFilter() {
            return procDefId != null;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return provider.countUsers(this);
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return provider.users(this, page);
        }
    }

    static final class DirectoryGroupQuery extends GroupQueryImpl {

        private final transient DirectoryIdentityProvider provider;

        DirectoryGroupQuery(DirectoryIdentityProvider provider) {
            this.provider = provider;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return provider.countGroups(this);
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return provider.groups(this, page);
        }
    }

    static final class NoTenants extends TenantQueryImpl {

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
