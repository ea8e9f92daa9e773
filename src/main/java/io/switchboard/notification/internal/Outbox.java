package io.switchboard.notification.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification_outbox} table. Times come from the database ({@code now()}), so that leases and
 * back-offs mean the same on every node whatever their clocks say.
 */
@Repository
public class Outbox {

    static final String SCRUBBED = "[scrubbed]";
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Outbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Stores the email in the caller's transaction (the JDBC connection is the one JPA uses).
     * {@code ON CONFLICT DO NOTHING} rather than catching a unique violation: a failed statement would
     * doom the caller's whole transaction.
     *
     * @return false when an email with the same idempotency key already exists
     */
    public boolean insert(EmailRequest request) {
        int inserted = jdbc.sql("""
                INSERT INTO notification_outbox (idempotency_key, template, recipient_email, recipient_name,
                        variables, customer_id, status, attempts, next_attempt_at, created_at)
                VALUES (:key, :template, :email, :name, CAST(:variables AS jsonb), :customerId, 'PENDING', 0,
                        now(), now())
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .param("key", request.idempotencyKey())
                .param("template", request.template().name())
                .param("email", request.recipientEmail())
                .param("name", request.recipientName())
                .param("variables", write(request.variables()))
                .param("customerId", request.customerId())
                .update();
        return inserted == 1;
    }

    /**
     * Claims up to {@code limit} due rows for this node in one statement (its own short transaction):
     * {@code FOR UPDATE SKIP LOCKED} keeps two nodes from taking the same row, and the lease written into
     * {@code next_attempt_at} makes a row whose node died due again once the lease is over. Such a row is
     * flagged {@code outcome_unknown}: its node may have sent it before dying.
     */
    public List<ClaimedEmail> claimDue(int limit, Duration lease, String node) {
        var token = UUID.randomUUID();
        return jdbc.sql("""
                WITH due AS (
                    SELECT id FROM notification_outbox
                     WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= now()
                     ORDER BY next_attempt_at
                     LIMIT :limit
                       FOR UPDATE SKIP LOCKED)
                UPDATE notification_outbox o
                   SET status = 'SENDING',
                       attempts = o.attempts + 1,
                       outcome_unknown = o.outcome_unknown OR o.status = 'SENDING',
                       claim_token = :token,
                       claimed_by = :node,
                       last_attempt_at = now(),
                       next_attempt_at = now() + make_interval(secs => :leaseSeconds)
                  FROM due
                 WHERE o.id = due.id
                RETURNING o.id, o.idempotency_key, o.template, o.recipient_email, o.recipient_name,
                          o.variables::text AS variables, o.attempts, o.outcome_unknown
                """)
                .param("limit", limit)
                .param("token", token)
                .param("node", node)
                .param("leaseSeconds", (double) lease.toSeconds())
                .query((rs, row) -> claimed(rs, token))
                .list();
    }

    /** Records the provider's acceptance; scrubs secret variables. False when the claim was lost meanwhile. */
    public boolean markSent(ClaimedEmail email, String provider, String messageId) {
        return jdbc.sql("""
                UPDATE notification_outbox
                   SET status = 'SENT', sent_at = now(), provider = :provider, provider_message_id = :messageId,
                       outcome_unknown = FALSE, last_error = NULL, claim_token = NULL,
                       variables = variables || CAST(:scrubbed AS jsonb)
                 WHERE id = :id AND claim_token = :token
                """)
                .param("provider", provider)
                .param("messageId", messageId)
                .param("scrubbed", write(scrubbed(email)))
                .param("id", email.id())
                .param("token", email.claimToken())
                .update() == 1;
    }

    /**
     * Puts the row back for another attempt after {@code delay}. Once an attempt's outcome is unknown the row
     * stays flagged until it is sent, so every later attempt asks the provider first.
     */
    public boolean markForRetry(ClaimedEmail email, Duration delay, String error, boolean outcomeUnknown) {
        return jdbc.sql("""
                UPDATE notification_outbox
                   SET status = 'PENDING', next_attempt_at = now() + make_interval(secs => :delaySeconds),
                       last_error = :error, outcome_unknown = outcome_unknown OR :unknown, claim_token = NULL
                 WHERE id = :id AND claim_token = :token
                """)
                .param("delaySeconds", delay.toMillis() / 1000.0)
                .param("error", truncate(error))
                .param("unknown", outcomeUnknown)
                .param("id", email.id())
                .param("token", email.claimToken())
                .update() == 1;
    }

    /** Hands back a claimed row that was not attempted (the node is stopping): due at once, the attempt uncounted. */
    public boolean release(ClaimedEmail email) {
        return jdbc.sql("""
                UPDATE notification_outbox
                   SET status = 'PENDING', attempts = attempts - 1, next_attempt_at = now(), claim_token = NULL
                 WHERE id = :id AND claim_token = :token
                """)
                .param("id", email.id())
                .param("token", email.claimToken())
                .update() == 1;
    }

    /** Gives the email up for good; scrubs secret variables. */
    public boolean markFailed(ClaimedEmail email, String error) {
        return jdbc.sql("""
                UPDATE notification_outbox
                   SET status = 'FAILED', last_error = :error, claim_token = NULL,
                       variables = variables || CAST(:scrubbed AS jsonb)
                 WHERE id = :id AND claim_token = :token
                """)
                .param("error", truncate(error))
                .param("scrubbed", write(scrubbed(email)))
                .param("id", email.id())
                .param("token", email.claimToken())
                .update() == 1;
    }

    private ClaimedEmail claimed(ResultSet rs, UUID token) throws SQLException {
        String templateName = rs.getString("template");
        EmailTemplate template = null;
        try {
            template = EmailTemplate.valueOf(templateName);
        } catch (IllegalArgumentException renamed) {
            // left null: the dispatcher gives the row up with a readable reason
        }
        return new ClaimedEmail(rs.getLong("id"), token, rs.getString("idempotency_key"), templateName, template,
                rs.getString("recipient_email"), rs.getString("recipient_name"), read(rs.getString("variables")),
                rs.getInt("attempts"), rs.getBoolean("outcome_unknown"));
    }

    private static Map<String, String> scrubbed(ClaimedEmail email) {
        var scrubbed = new LinkedHashMap<String, String>();
        if (email.template() != null) {
            email.template().secretVariables().stream().filter(email.variables()::containsKey)
                    .forEach(name -> scrubbed.put(name, SCRUBBED));
        }
        return scrubbed;
    }

    private String write(Map<String, String> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variables could not be written as JSON", e);
        }
    }

    private Map<String, String> read(String variables) {
        try {
            return json.readValue(variables, VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored variables are not a JSON object of strings", e);
        }
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
