package io.switchboard.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.shared.Actor;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only activity log. {@link #record} joins the caller's transaction, so a write and its log line
 * commit or roll back together; there is deliberately no update or delete.
 */
@Service
public class ActivityLog {

    private static final TypeReference<Map<String, ActivityRecord.Change>> CHANGES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final CurrentActor currentActor;
    private final ObjectMapper json;
    private final Clock clock;

    ActivityLog(JdbcClient jdbc, CurrentActor currentActor, ObjectMapper json) {
        this.jdbc = jdbc;
        this.currentActor = currentActor;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records a write made by the current actor. Must be called inside the transaction of the write.
     *
     * @param record what was written; must not be {@literal null}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(ActivityRecord record) {
        Actor actor = currentActor.get();
        jdbc.sql("""
                INSERT INTO activity_log (occurred_at, actor_user_id, actor_username, impersonator_user_id, channel,
                    entity_type, entity_id, customer_id, action, summary, changes, ip_address)
                VALUES (:at, :userId, :username, :impersonator, :channel, :type, :id, :customer, :action, :summary,
                    CAST(:changes AS jsonb), :ip)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("userId", actor.userId())
                .param("username", actor.username())
                .param("impersonator", actor.impersonatorId())
                .param("channel", channel())
                .param("type", record.entityType())
                .param("id", record.entityId())
                .param("customer", record.customerId())
                .param("action", record.action())
                .param("summary", truncate(record.summary(), 1000))
                .param("changes", toJson(record.changes()))
                .param("ip", clientAddress())
                .update();
    }

    /** A customer's activity, newest first. Callers check that the reader may see that customer. */
    @Transactional(readOnly = true)
    public Page<ActivityEntry> forCustomer(long customerId, PageQuery query) {
        return forCustomer(customerId, null, query);
    }

    /**
     * A customer's activity about one kind of record ({@code entityType}, e.g. {@code customer_site}; {@code null}
     * for all), newest first. Callers check that the reader may see that customer.
     */
    @Transactional(readOnly = true)
    public Page<ActivityEntry> forCustomer(long customerId, @Nullable String entityType, PageQuery query) {
        String where = "WHERE customer_id = :c" + (entityType == null ? "" : " AND entity_type = :t");
        long total = jdbc.sql("SELECT count(*) FROM activity_log " + where)
                .param("c", customerId).param("t", entityType).query(Long.class).single();
        List<ActivityEntry> rows = jdbc.sql("SELECT * FROM activity_log " + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("c", customerId)
                .param("t", entityType)
                .param("limit", query.perPage())
                .param("offset", (long) (query.page() - 1) * query.perPage())
                .query(this::entry).list();
        return new PageImpl<>(rows, PageRequest.of(query.page() - 1, query.perPage()), total);
    }

    /**
     * A customer's activity without the entries about the kinds of record in {@code excludedEntityTypes} (those
     * the reader may not see), newest first: the self-care portal's view. Callers check that the reader may see
     * that customer.
     */
    @Transactional(readOnly = true)
    public Page<ActivityEntry> forCustomerExcept(long customerId, Collection<String> excludedEntityTypes,
            PageQuery query) {
        List<String> excluded = excludedEntityTypes.isEmpty() ? List.of("") : List.copyOf(excludedEntityTypes);
        String where = "WHERE customer_id = :c AND entity_type NOT IN (:excluded)";
        long total = jdbc.sql("SELECT count(*) FROM activity_log " + where)
                .param("c", customerId).param("excluded", excluded).query(Long.class).single();
        List<ActivityEntry> rows = jdbc.sql("SELECT * FROM activity_log " + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("c", customerId)
                .param("excluded", excluded)
                .param("limit", query.perPage())
                .param("offset", (long) (query.page() - 1) * query.perPage())
                .query(this::entry).list();
        return new PageImpl<>(rows, PageRequest.of(query.page() - 1, query.perPage()), total);
    }

    /** The history of one record, newest first. */
    @Transactional(readOnly = true)
    public List<ActivityEntry> forEntity(String entityType, String entityId) {
        return jdbc.sql("""
                SELECT * FROM activity_log WHERE entity_type = :t AND entity_id = :id
                ORDER BY occurred_at DESC, id DESC LIMIT 500""")
                .param("t", entityType).param("id", entityId)
                .query(this::entry).list();
    }

    /** Where the write came from: the REST API, a web page, or a process / background job. */
    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String path = attributes.getRequest().getRequestURI();
            boolean api = path.startsWith("/crm/") || path.startsWith("/auth/") || path.startsWith("/2fa/")
                    || path.startsWith("/engine-rest/") || path.startsWith("/utilities/");
            return api ? "API" : "WEB";
        }
        return "PROCESS";
    }

    /** The client's address (A-2FA-19, A-UADM-13), as resolved through the trusted proxies; none outside requests. */
    @Nullable
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String address = attributes.getRequest().getRemoteAddr();
            return address == null ? null : truncate(address, 45);
        }
        return null;
    }

    private ActivityEntry entry(ResultSet rs, int row) throws SQLException {
        return new ActivityEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                (Long) rs.getObject("actor_user_id"), rs.getString("actor_username"),
                (Long) rs.getObject("impersonator_user_id"), rs.getString("channel"), rs.getString("entity_type"),
                rs.getString("entity_id"), (Long) rs.getObject("customer_id"), rs.getString("action"),
                rs.getString("summary"), fromJson(rs.getString("changes")), rs.getString("ip_address"));
    }

    private String toJson(Map<String, ActivityRecord.Change> changes) {
        try {
            return json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise activity changes", e);
        }
    }

    private Map<String, ActivityRecord.Change> fromJson(String text) {
        try {
            return json.readValue(text, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt activity changes: " + text, e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
