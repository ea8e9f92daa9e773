package io.switchboard.notification.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/** An email the sandbox caught instead of sending: exactly what Mailjet would have been given. */
public record SandboxMail(
        long id,
        String customId,
        String template,
        long templateId,
        String fromEmail,
        @Nullable String fromName,
        String toEmail,
        @Nullable String toName,
        String subject,
        Map<String, String> variables,
        Instant capturedAt) {

    // Mailjet's template language for variables (C-MJ-14): {{var:name}} or {{var:name:"default"}}
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*var:([A-Za-z0-9_]+)(?::\"([^\"]*)\")?\\s*}}");

    /** The subject as Mailjet would render it, variables filled in. */
    public String renderedSubject() {
        Matcher matcher = VARIABLE.matcher(subject);
        var rendered = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null || value.isEmpty()) {
                value = matcher.group(2) == null ? "" : matcher.group(2);
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }
}
