package io.switchboard.notification.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.notification.internal.OutgoingEmail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_sandbox_mail} table: the sandbox's inbox. */
@Repository
@ConditionalOnProperty(name = "switchboard.sandbox", havingValue = "true", matchIfMissing = true)
class SandboxMailbox {

    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {};
    private static final String COLUMNS = "id, custom_id, template, template_id, from_email, from_name, to_email, "
            + "to_name, subject, variables::text AS variables, captured_at";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SandboxMailbox(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long capture(OutgoingEmail email) {
        String variables;
        try {
            variables = json.writeValueAsString(email.variables());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Variables could not be written as JSON", e);
        }
        return jdbc.sql("""
                INSERT INTO notification_sandbox_mail (custom_id, template, template_id, from_email, from_name,
                        to_email, to_name, subject, variables, captured_at)
                VALUES (:customId, :template, :templateId, :fromEmail, :fromName, :toEmail, :toName, :subject,
                        CAST(:variables AS jsonb), now())
                RETURNING id
                """)
                .param("customId", email.customId())
                .param("template", email.template().name())
                .param("templateId", email.templateId())
                .param("fromEmail", email.fromEmail())
                .param("fromName", email.fromName())
                .param("toEmail", email.toEmail())
                .param("toName", email.toName())
                .param("subject", email.subject())
                .param("variables", variables)
                .query(Long.class)
                .single();
    }

    Optional<Long> latestIdFor(String customId) {
        return jdbc.sql("SELECT max(id) FROM notification_sandbox_mail WHERE custom_id = :customId")
                .param("customId", customId)
                .query(Long.class)
                .optional();
    }

    List<SandboxMail> newestFirst(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_sandbox_mail ORDER BY captured_at DESC, id DESC "
                        + "OFFSET :offset LIMIT :limit")
                .param("offset", offset)
                .param("limit", limit)
                .query(this::mail)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM notification_sandbox_mail").query(Long.class).single();
    }

    Optional<SandboxMail> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification_sandbox_mail WHERE id = :id")
                .param("id", id)
                .query(this::mail)
                .optional();
    }

    private SandboxMail mail(ResultSet rs, int row) throws SQLException {
        Map<String, String> variables;
        try {
            variables = json.readValue(rs.getString("variables"), VARIABLES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Captured variables are not a JSON object of strings", e);
        }
        return new SandboxMail(rs.getLong("id"), rs.getString("custom_id"), rs.getString("template"),
                rs.getLong("template_id"), rs.getString("from_email"), rs.getString("from_name"),
                rs.getString("to_email"), rs.getString("to_name"), rs.getString("subject"),
                new java.util.TreeMap<>(variables), rs.getTimestamp("captured_at").toInstant());
    }
}
