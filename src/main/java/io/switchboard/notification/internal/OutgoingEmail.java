package io.switchboard.notification.internal;

import io.switchboard.notification.EmailTemplate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.lang.Nullable;

/**
 * An email ready for the provider: the outbox row joined with its template's configuration, every template
 * variable present (C-MJ-14).
 *
 * @param customId the outbox row's idempotency key, sent as Mailjet's {@code CustomID}
 */
public record OutgoingEmail(
        EmailTemplate template,
        long templateId,
        String fromEmail,
        @Nullable String fromName,
        String toEmail,
        @Nullable String toName,
        String subject,
        Map<String, String> variables,
        String customId) {

    static OutgoingEmail compose(ClaimedEmail email, NotificationProperties.Template settings) {
        var variables = new TreeMap<String, String>();
        email.template().variables().forEach(name -> variables.put(name, ""));
        variables.putAll(email.variables());
        return new OutgoingEmail(email.template(), settings.templateId(), settings.fromEmail(), settings.fromName(),
                email.recipientEmail(), email.recipientName(), settings.subject(),
                Collections.unmodifiableMap(variables), email.idempotencyKey());
    }

    /** Never prints variable values: they may hold secrets. */
    @Override
    public String toString() {
        return "OutgoingEmail[" + template + " to " + toEmail + ", customId=" + customId + "]";
    }
}
