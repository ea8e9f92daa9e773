package io.switchboard.identity;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the newest e-mail of a template to an address, the way a test reads a mailbox: from the outbox while
 * its secret variables are still there, else from the sandbox mailbox the sandbox gateway delivered it to.
 */
final class AccountMail {

    private static final Pattern TOKEN = Pattern.compile("/(?:reset-password|verify-email)/([A-Za-z0-9_-]+)");

    private AccountMail() {}

    /** The newest outbox row of {@code template} to {@code recipient}: key, variables (JSON text), status. */
    static Optional<Map<String, Object>> newest(JdbcClient jdbc, String template, String recipient) {
        return jdbc.sql("""
                SELECT idempotency_key, variables::text AS variables, status FROM notification_outbox
                WHERE template = :template AND lower(recipient_email) = lower(:to) ORDER BY id DESC LIMIT 1""")
                .param("template", template).param("to", recipient).query().listOfRows().stream().findFirst();
    }

    static int count(JdbcClient jdbc, String template, String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE template = :template AND lower(recipient_email) = lower(:to)")
                .param("template", template).param("to", recipient).query(Integer.class).single();
    }

    /** The token of the link in the newest {@code template} e-mail to {@code recipient}. */
    static String token(JdbcClient jdbc, String template, String recipient) {
        var row = newest(jdbc, template, recipient).orElseThrow(() -> new AssertionError("No " + template + " to " + recipient));
        String variables = (String) row.get("variables");
        Matcher m = TOKEN.matcher(variables);
        if (m.find()) {
            return m.group(1);
        }
        String sandbox = jdbc.sql("SELECT variables::text FROM notification_sandbox_mail WHERE custom_id = :key ORDER BY id DESC LIMIT 1")
                .param("key", row.get("idempotency_key")).query(String.class).optional()
                .orElseThrow(() -> new AssertionError("The link is scrubbed and not in the sandbox: " + variables));
        Matcher s = TOKEN.matcher(sandbox);
        if (!s.find()) {
            throw new AssertionError("No link in " + sandbox);
        }
        return s.group(1);
    }
}
