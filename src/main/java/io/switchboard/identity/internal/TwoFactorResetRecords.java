package io.switchboard.identity.internal;

import io.switchboard.identity.TwoFactorResetStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/** The {@code two_factor_reset_requests} rows, in plain SQL. Callers hold the transaction. */
@Component
public class TwoFactorResetRecords {

    /** One request as stored. */
    public record Row(long id, long userId, String reason, @Nullable String contactPhone, TwoFactorResetStatus status,
            @Nullable String requestedFromIp, @Nullable String processInstanceId, @Nullable Long verifierUserId,
            @Nullable String verificationChecks, @Nullable String verificationOutcome,
            @Nullable String verificationNote, @Nullable Instant verifiedAt, @Nullable Long approverUserId,
            @Nullable String approvalDecision, @Nullable String approvalReason, @Nullable Instant decidedAt,
            @Nullable Instant escalatedAt, @Nullable Instant closedAt, Instant createdAt,
            @Nullable Long filedByUserId) {

        /** Whether staff filed it on the requester's behalf (console or on-behalf API). */
        public boolean filedOnBehalf() {
            return filedByUserId != null;
        }
    }

    public static final String VERIFIED = "VERIFIED";
    public static final String NOT_VERIFIED = "NOT_VERIFIED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";

    private static final String OPEN = "status IN ('PENDING_VERIFICATION', 'PENDING_APPROVAL')";

    private final JdbcClient jdbc;

    TwoFactorResetRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new request, PENDING_VERIFICATION; {@code filedByUserId} is the staff member who filed it on the user's
     * behalf, null when the user asked themselves.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the user already has an open request
     */
    public long insert(long userId, String reason, @Nullable String contactPhone, @Nullable String ip, Instant at,
            @Nullable Long filedByUserId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO two_factor_reset_requests (user_id, reason, contact_phone, requested_from_ip, created_at,
                    updated_at, filed_by_user_id)
                VALUES (:user, :reason, :phone, :ip, :at, :at, :filer)""")
                .param("user", userId).param("reason", reason).param("phone", contactPhone).param("ip", ip)
                .param("filer", filedByUserId)
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE two_factor_reset_requests SET process_instance_id = :pid WHERE id = :id")
                .param("pid", processInstanceId).param("id", id).update();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM two_factor_reset_requests WHERE id = :id").param("id", id).query(this::row)
                .optional();
    }

    /** The row, locked until the transaction ends. */
    public Optional<Row> lock(long id) {
        return jdbc.sql("SELECT * FROM two_factor_reset_requests WHERE id = :id FOR UPDATE").param("id", id)
                .query(this::row).optional();
    }

    /** The request a process instance is about, locked until the transaction ends. */
    public Optional<Row> lockByProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT * FROM two_factor_reset_requests WHERE process_instance_id = :pid FOR UPDATE")
                .param("pid", processInstanceId).query(this::row).optional();
    }

    public Optional<Row> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT * FROM two_factor_reset_requests WHERE process_instance_id = :pid")
                .param("pid", processInstanceId).query(this::row).optional();
    }

    /** The user's open request, if any. */
    public Optional<Row> findOpen(long userId) {
        return jdbc.sql("SELECT * FROM two_factor_reset_requests WHERE user_id = :user AND " + OPEN)
                .param("user", userId).query(this::row).optional();
    }

    public void recordVerification(long id, long verifierUserId, String checks, String outcome,
            @Nullable String note, TwoFactorResetStatus status, Instant at) {
        jdbc.sql("""
                UPDATE two_factor_reset_requests SET verifier_user_id = :verifier, verification_checks = :checks,
                    verification_outcome = :outcome, verification_note = :note, verified_at = :at, status = :status,
                    closed_at = CASE WHEN :closed THEN CAST(:at AS TIMESTAMPTZ) END, updated_at = :at
                WHERE id = :id""")
                .param("verifier", verifierUserId).param("checks", checks).param("outcome", outcome)
                .param("note", note).param("status", status.name()).param("closed", !status.isOpen())
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    public void recordApproval(long id, long approverUserId, String decision, @Nullable String reason,
            TwoFactorResetStatus status, Instant at) {
        jdbc.sql("""
                UPDATE two_factor_reset_requests SET approver_user_id = :approver, approval_decision = :decision,
                    approval_reason = :reason, decided_at = :at, status = :status,
                    closed_at = CASE WHEN :closed THEN CAST(:at AS TIMESTAMPTZ) END, updated_at = :at
                WHERE id = :id""")
                .param("approver", approverUserId).param("decision", decision).param("reason", reason)
                .param("status", status.name()).param("closed", !status.isOpen())
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Closes the request with a final status. */
    public void close(long id, TwoFactorResetStatus status, Instant at) {
        jdbc.sql("""
                UPDATE two_factor_reset_requests SET status = :status, closed_at = :at, updated_at = :at
                WHERE id = :id""")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("id", id).update();
    }

    public void markEscalated(long id, Instant at) {
        jdbc.sql("UPDATE two_factor_reset_requests SET escalated_at = :at, updated_at = :at WHERE id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("user_id"), rs.getString("reason"), rs.getString("contact_phone"),
                TwoFactorResetStatus.valueOf(rs.getString("status")), rs.getString("requested_from_ip"),
                rs.getString("process_instance_id"), (Long) rs.getObject("verifier_user_id"),
                rs.getString("verification_checks"), rs.getString("verification_outcome"),
                rs.getString("verification_note"), instant(rs.getTimestamp("verified_at")),
                (Long) rs.getObject("approver_user_id"), rs.getString("approval_decision"),
                rs.getString("approval_reason"), instant(rs.getTimestamp("decided_at")),
                instant(rs.getTimestamp("escalated_at")), instant(rs.getTimestamp("closed_at")),
                rs.getTimestamp("created_at").toInstant(), (Long) rs.getObject("filed_by_user_id"));
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
