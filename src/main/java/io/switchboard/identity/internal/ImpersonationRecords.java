package io.switchboard.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code impersonation_log} table (B-IMP-08), with plain SQL. A row is opened when an impersonation starts
 * and closed exactly once; rows are never deleted (a trigger refuses it).
 */
@Component
public class ImpersonationRecords {

    private static final String COLUMNS = """
            id, impersonating_user_id, target_user_id, target_customer_id, channel, impersonation_start,
            last_activity_at, impersonation_end, impersonation_duration, end_reason, ip_address, user_agent""";

    private final JdbcClient jdbc;

    ImpersonationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One impersonation session. {@code end}, {@code durationSeconds} and {@code endReason} are set once it ended. */
    public record Row(long id, long impersonatingUserId, long targetUserId, @Nullable Long targetCustomerId,
            String channel, Instant start, Instant lastActivity, @Nullable Instant end,
            @Nullable Integer durationSeconds, @Nullable String endReason, @Nullable String ipAddress,
            @Nullable String userAgent) {

        public boolean open() {
            return end == null;
        }
    }

    /** What to list: every filter is optional; {@code userId} matches either side. */
    public record Filter(@Nullable Long userId, @Nullable Long impersonatingUserId, @Nullable Long targetUserId,
            @Nullable Instant from, @Nullable Instant to, @Nullable Integer minDurationSeconds) {}

    public long open(long staffId, long targetId, @Nullable Long targetCustomerId, String channel, Instant now,
            @Nullable String ip, @Nullable String userAgent) {
        return jdbc.sql("""
                        INSERT INTO impersonation_log (impersonating_user_id, target_user_id, target_customer_id, channel,
                            impersonation_start, last_activity_at, ip_address, user_agent)
                        VALUES (:staff, :target, :customer, :channel, :now, :now, :ip, :ua) RETURNING id""")
                .param("staff", staffId).param("target", targetId).param("customer", targetCustomerId)
                .param("channel", channel).param("now", Timestamp.from(now))
                .param("ip", truncate(ip, 64)).param("ua", truncate(userAgent, 500))
                .query(Long.class).single();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM impersonation_log WHERE id = :id").param("id", id)
                .query(this::row).optional();
    }

    /** The staff member's open impersonation, locked until the transaction ends. */
    public Optional<Row> findOpenForUpdate(long staffId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM impersonation_log WHERE impersonating_user_id = :staff AND impersonation_end IS NULL
                        FOR UPDATE""")
                .param("staff", staffId).query(this::row).optional();
    }

    /** Closes the row if it is still open; false when it had already ended. */
    public boolean close(long id, Instant end, String reason) {
        return jdbc.sql("""
                        UPDATE impersonation_log SET impersonation_end = :end, end_reason = :reason,
                            impersonation_duration = GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (CAST(:end AS timestamptz) - impersonation_start))))::int
                        WHERE id = :id AND impersonation_end IS NULL""")
                .param("id", id).param("end", Timestamp.from(end)).param("reason", reason).update() == 1;
    }

    /** Notes a request in the impersonation session (for the inactivity timeout). */
    public void touch(long id, Instant now) {
        jdbc.sql("""
                        UPDATE impersonation_log SET last_activity_at = :now
                        WHERE id = :id AND impersonation_end IS NULL AND last_activity_at < :now""")
                .param("id", id).param("now", Timestamp.from(now)).update();
    }

    /**
     * Closes, as {@code timed_out}, every open impersonation that has been idle for {@code idle} or has lasted
     * {@code max}; its end is the moment it timed out, not now.
     *
     * @return the ids closed
     */
    public List<Long> closeTimedOut(Instant now, Duration idle, Duration max) {
        return jdbc.sql("""
                        UPDATE impersonation_log l SET impersonation_end = e.end_at, end_reason = 'timed_out',
                            impersonation_duration = GREATEST(0, FLOOR(EXTRACT(EPOCH FROM (e.end_at - l.impersonation_start))))::int
                        FROM (SELECT id, LEAST(last_activity_at + make_interval(secs => :idle),
                                               impersonation_start + make_interval(secs => :max)) AS end_at
                              FROM impersonation_log WHERE impersonation_end IS NULL) e
                        WHERE l.id = e.id AND l.impersonation_end IS NULL AND e.end_at <= :now
                        RETURNING l.id""")
                .param("idle", idle.toSeconds()).param("max", max.toSeconds()).param("now", Timestamp.from(now))
                .query(Long.class).list();
    }

    public long count(Filter filter) {
        var where = new ArrayList<String>();
        var sql = jdbc.sql("SELECT count(*) FROM impersonation_log" + where(filter, where));
        return bind(sql, filter).query(Long.class).single();
    }

    /** A page of rows, newest first. */
    public List<Row> search(Filter filter, int limit, long offset) {
        var where = new ArrayList<String>();
        var sql = jdbc.sql("SELECT " + COLUMNS + " FROM impersonation_log" + where(filter, where)
                + " ORDER BY impersonation_start DESC, id DESC LIMIT :limit OFFSET :offset");
        return bind(sql, filter).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    private static String where(Filter filter, List<String> where) {
        if (filter.userId() != null) {
            where.add("(impersonating_user_id = :user OR target_user_id = :user)");
        }
        if (filter.impersonatingUserId() != null) {
            where.add("impersonating_user_id = :staff");
        }
        if (filter.targetUserId() != null) {
            where.add("target_user_id = :target");
        }
        if (filter.from() != null) {
            where.add("impersonation_start >= :from");
        }
        if (filter.to() != null) {
            where.add("impersonation_start < :to");
        }
        if (filter.minDurationSeconds() != null) {
            where.add("impersonation_duration >= :min");
        }
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Filter filter) {
        if (filter.userId() != null) {
            sql = sql.param("user", filter.userId());
        }
        if (filter.impersonatingUserId() != null) {
            sql = sql.param("staff", filter.impersonatingUserId());
        }
        if (filter.targetUserId() != null) {
            sql = sql.param("target", filter.targetUserId());
        }
        if (filter.from() != null) {
            sql = sql.param("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql = sql.param("to", Timestamp.from(filter.to()));
        }
        if (filter.minDurationSeconds() != null) {
            sql = sql.param("min", filter.minDurationSeconds());
        }
        return sql;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        Timestamp end = rs.getTimestamp("impersonation_end");
        return new Row(rs.getLong("id"), rs.getLong("impersonating_user_id"), rs.getLong("target_user_id"),
                (Long) rs.getObject("target_customer_id"), rs.getString("channel"),
                rs.getTimestamp("impersonation_start").toInstant(), rs.getTimestamp("last_activity_at").toInstant(),
                end == null ? null : end.toInstant(), (Integer) rs.getObject("impersonation_duration"),
                rs.getString("end_reason"), rs.getString("ip_address"), rs.getString("user_agent"));
    }

    private static String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
