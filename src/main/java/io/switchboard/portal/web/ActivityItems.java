package io.switchboard.portal.web;

import io.switchboard.activity.ActivityEntry;
import io.switchboard.customer.CustomerActivity;
import io.switchboard.identity.Directory;
import io.switchboard.identity.DirectoryQuery;
import io.switchboard.identity.DirectoryUser;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns activity log entries into what a customer may read (C-IMP-04): people by display name, support staff as
 * "Support agent Jane" (first name only: never their username, e-mail or surname), processes as the system, and
 * the account events of identity (whose logged summaries carry IP and e-mail addresses) as fixed sentences in
 * the reader's language. The summaries of the customer's own records (contacts, sites, ...) are customer data
 * and shown as logged.
 */
@Component
class ActivityItems {

    static final String IMPERSONATION_STARTED = "IMPERSONATION_STARTED";
    static final String IMPERSONATION_ENDED = "IMPERSONATION_ENDED";
    /** Records of the customer module, whose summaries name the customer's own data only. */
    static final Set<String> CUSTOMER_RECORDS = Set.of(CustomerActivity.CUSTOMER, CustomerActivity.CONTACT,
            CustomerActivity.SITE, CustomerActivity.TAG, CustomerActivity.ATTRIBUTE);
    static final String USER = "user";

    private final Directory directory;
    private final MessageSource messages;

    ActivityItems(Directory directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    /** The entries of {@code customerId}'s log, in order, for a reader speaking {@code locale}. */
    List<ActivityItem> of(List<ActivityEntry> entries, long customerId, Locale locale) {
        var ids = new HashSet<Long>();
        for (ActivityEntry e : entries) {
            addIfPresent(ids, e.actorUserId());
            addIfPresent(ids, e.impersonatorUserId());
            if (USER.equals(e.entityType())) {
                addIfPresent(ids, parse(e.entityId()));
            }
        }
        Map<Long, DirectoryUser> users = ids.isEmpty() ? Map.of()
                : directory.findUsers(DirectoryQuery.byIds(ids), 0, Integer.MAX_VALUE).stream()
                        .collect(Collectors.toMap(DirectoryUser::id, Function.identity()));
        var people = new People(users, customerId, locale);
        return entries.stream().map(e -> item(e, people, locale)).toList();
    }

    private ActivityItem item(ActivityEntry e, People people, Locale locale) {
        String action = e.action().toLowerCase(Locale.ROOT);
        String record = msgOrNull("activity.record." + e.entityType(), locale);
        if (USER.equals(e.entityType()) && IMPERSONATION_STARTED.equals(e.action())) {
            String agent = people.agent(e.actorUserId());
            return new ActivityItem(e.id(), e.occurredAt(), ActivityItem.IMPERSONATION_START, action, "eye",
                    msg("portal.activity.impersonationStarted", locale, agent, people.name(parse(e.entityId()))),
                    null, agent, null);
        }
        if (USER.equals(e.entityType()) && IMPERSONATION_ENDED.equals(e.action())) {
            // stopped by the agent (while impersonating, or by starting another) or ended by the timeout job
            Long agentId = e.impersonatorUserId() != null ? e.impersonatorUserId()
                    : people.isStaff(e.actorUserId()) ? e.actorUserId() : null;
            String agent = people.agent(agentId);
            return new ActivityItem(e.id(), e.occurredAt(), ActivityItem.IMPERSONATION_END, action, "log-out",
                    msg("portal.activity.impersonationEnded", locale, agent, people.name(parse(e.entityId()))),
                    null, agentId == null ? people.name(e.actorUserId()) : agent, null);
        }
        String text;
        if (CUSTOMER_RECORDS.contains(e.entityType())) {
            text = e.summary();
        } else if (USER.equals(e.entityType())) {
            String subject = people.name(parse(e.entityId()));
            text = Objects.requireNonNullElseGet(msgOrNull("portal.activity.user." + e.action(), locale, subject),
                    () -> msg("portal.activity.user.other", locale, subject));
        } else {
            text = msg("portal.activity.other", locale, record == null ? e.entityType() : record);
        }
        boolean impersonated = e.impersonatorUserId() != null;
        String who = impersonated ? people.agent(e.impersonatorUserId()) : people.name(e.actorUserId());
        return new ActivityItem(e.id(), e.occurredAt(), ActivityItem.CHANGE, action, icon(e.action()), text, record,
                who, impersonated ? people.name(e.actorUserId()) : null);
    }

    private static String icon(String action) {
        return switch (action) {
            case "CREATED" -> "plus";
            case "DELETED" -> "trash";
            case "ARCHIVED" -> "archive";
            case "RESTORED" -> "archive-restore";
            default -> action.contains("PASSWORD") || action.contains("TWO_FACTOR") || action.contains("BACKUP")
                    ? "shield-check" : "pencil";
        };
    }

    private String msg(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    @Nullable
    private String msgOrNull(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, null, locale);
    }

    private static void addIfPresent(Set<Long> ids, @Nullable Long id) {
        if (id != null) {
            ids.add(id);
        }
    }

    @Nullable
    private static Long parse(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How people are named to the customer. */
    private final class People {

        private final Map<Long, DirectoryUser> users;
        private final long customerId;
        private final Locale locale;

        People(Map<Long, DirectoryUser> users, long customerId, Locale locale) {
            this.users = users;
            this.customerId = customerId;
            this.locale = locale;
        }

        /** A user of this customer by name; anyone else as staff or the system. */
        String name(@Nullable Long userId) {
            if (userId == null) {
                return msg("portal.activity.system", locale);
            }
            DirectoryUser user = users.get(userId);
            if (user == null) {
                return msg("portal.activity.formerUser", locale);
            }
            if (user.serviceAccount()) {
                return msg("portal.activity.system", locale);
            }
            if (user.customerId() == null || user.customerId() != customerId) {
                return agent(userId);
            }
            String name = (Objects.toString(user.firstName(), "") + " " + Objects.toString(user.lastName(), "")).trim();
            return name.isEmpty() ? user.username() : name;
        }

        /** "Support agent Jane": the first name only, or no name at all. */
        String agent(@Nullable Long userId) {
            DirectoryUser user = userId == null ? null : users.get(userId);
            String first = user == null || user.firstName() == null ? "" : user.firstName().trim();
            return first.isEmpty() || (user != null && user.serviceAccount()) ? msg("portal.activity.agentUnnamed", locale)
                    : msg("portal.activity.agent", locale, first);
        }

        boolean isStaff(@Nullable Long userId) {
            DirectoryUser user = userId == null ? null : users.get(userId);
            return user != null && !user.serviceAccount() && user.customerId() == null;
        }
    }
}
