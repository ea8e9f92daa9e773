package io.switchboard.notification.internal;

import io.switchboard.notification.EmailTemplate;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * How email leaves Switchboard: the outbox's pace and retry policy, and the Mailjet account and templates.
 * Whether mail goes to Mailjet at all is {@code switchboard.sandbox} (true: captured, shown at /sandbox/mail).
 */
@ConfigurationProperties("switchboard.notification")
public record NotificationProperties(@DefaultValue Outbox outbox, @DefaultValue Mailjet mailjet) {

    /**
     * @param batchSize    rows one node claims at a time
     * @param pollInterval how often each node looks for due rows (besides the nudge after each commit)
     * @param lease        how long a claim lasts; a row still claimed after that (its node died) is claimed again.
     *                     Must comfortably exceed one send's timeouts.
     * @param retryBase    wait after the first failed attempt; doubles with each further failure
     * @param retryMax     the longest wait between two attempts
     * @param maxAttempts  attempts before an email is given up (FAILED)
     */
    public record Outbox(
            @DefaultValue("20") int batchSize,
            @DefaultValue("10s") Duration pollInterval,
            @DefaultValue("5m") Duration lease,
            @DefaultValue("1m") Duration retryBase,
            @DefaultValue("1h") Duration retryMax,
            @DefaultValue("8") int maxAttempts) {

        public Outbox {
            require(batchSize >= 1 && batchSize <= 500, "switchboard.notification.outbox.batch-size must be 1..500");
            require(pollInterval.toMillis() >= 100, "switchboard.notification.outbox.poll-interval must be >= 100ms");
            require(lease.toSeconds() >= 10, "switchboard.notification.outbox.lease must be >= 10s");
            require(retryBase.toSeconds() >= 1, "switchboard.notification.outbox.retry-base must be >= 1s");
            require(retryMax.compareTo(retryBase) >= 0, "switchboard.notification.outbox.retry-max must be >= retry-base");
            require(maxAttempts >= 1, "switchboard.notification.outbox.max-attempts must be >= 1");
        }
    }

    /**
     * @param apiKey         Mailjet API key ({@code SWITCHBOARD_MAILJET_API_KEY}); needed when sandbox is off
     * @param apiSecret      Mailjet secret key ({@code SWITCHBOARD_MAILJET_API_SECRET}); needed when sandbox is off
     * @param baseUrl        Mailjet API base URL ({@code SWITCHBOARD_MAILJET_BASE_URL})
     * @param connectTimeout TCP connect timeout for Mailjet calls
     * @param readTimeout    how long to wait for Mailjet's answer
     * @param templates      per template: sender, Mailjet template id and subject; every template must be configured
     */
    public record Mailjet(
            @Nullable String apiKey,
            @Nullable String apiSecret,
            @DefaultValue("https://api.mailjet.com") String baseUrl,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @Nullable Map<EmailTemplate, Template> templates) {

        public Mailjet {
            var configured = new EnumMap<EmailTemplate, Template>(EmailTemplate.class);
            if (templates != null) {
                configured.putAll(templates);
            }
            for (EmailTemplate template : EmailTemplate.values()) {
                require(configured.containsKey(template), "switchboard.notification.mailjet.templates."
                        + kebab(template) + " is missing (from-email, from-name, template-id, subject)");
            }
            templates = Map.copyOf(configured);
        }

        public Template template(EmailTemplate template) {
            return templates.get(template);
        }

        private static String kebab(EmailTemplate template) {
            return template.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * C-MJ-03: what Mailjet needs besides the variables. The subject may use Mailjet's template language,
     * e.g. {@code Your Invoice - {{var:invoice_number}}}.
     */
    public record Template(String fromEmail, @Nullable String fromName, long templateId, String subject) {

        public Template {
            require(fromEmail != null && fromEmail.contains("@"), "a template's from-email must be an email address");
            require(templateId > 0, "a template's template-id must be a positive Mailjet template id");
            require(subject != null && !subject.isBlank(), "a template's subject must not be blank");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
