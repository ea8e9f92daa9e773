package io.switchboard.notification;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * One transactional email to send: which template, to whom, with which variables.
 * <p>
 * The idempotency key names the business event the email is about ({@code user-welcome:42},
 * {@code invoice:INV-0007:reminder:2}); a second request with the same key is ignored, so a retried caller never
 * sends twice, even when the first one was given up. To send the same email again on purpose (an admin clicks
 * "Send Welcome Email" a second time), name that new event: {@code user-welcome:42:resend:<request id>}. The key
 * also travels to Mailjet as the message's {@code CustomID}.
 *
 * @param template        which email; must not be {@literal null}
 * @param recipientEmail  the address to send to; must not be {@literal null}
 * @param recipientName   the recipient's display name, or {@literal null}
 * @param variables       the template's variables by name: every required one, optional ones at will, no others;
 *                        must not be {@literal null}
 * @param idempotencyKey  1 to 200 characters, unique per email ever sent; must not be {@literal null}
 * @param customerId      the customer the email concerns, when there is one (for filtering), or {@literal null}
 * @throws IllegalArgumentException when a value is missing, malformed, or does not fit the template
 */
public record EmailRequest(
        EmailTemplate template,
        String recipientEmail,
        @Nullable String recipientName,
        Map<String, String> variables,
        String idempotencyKey,
        @Nullable Long customerId) {

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 200;

    // Deliberately loose: one @, no spaces or control characters. Mailjet does the strict check (error mj-0013).
    private static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}]+");

    public EmailRequest {
        require(template != null, "template is required");
        require(recipientEmail != null && EMAIL.matcher(recipientEmail).matches() && recipientEmail.length() <= 254,
                "recipientEmail must be an email address of at most 254 characters");
        require(recipientName == null || (recipientName.length() <= 200 && recipientName.chars().noneMatch(Character::isISOControl)),
                "recipientName must be at most 200 characters without control characters");
        require(idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= MAX_IDEMPOTENCY_KEY_LENGTH,
                "idempotencyKey must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters");
        require(variables != null, "variables are required (an empty map when the template has none)");
        var copy = new TreeMap<String, String>();
        variables.forEach((name, value) -> {
            require(name != null && value != null, "variables must not contain null names or values");
            copy.put(name, value);
        });
        var missing = template.requiredVariables().stream().filter(name -> !copy.containsKey(name)).sorted()
                .collect(Collectors.joining(", "));
        require(missing.isEmpty(), "template " + template + " needs the variables: " + missing);
        var unknown = copy.keySet().stream().filter(name -> !template.variables().contains(name))
                .collect(Collectors.joining(", "));
        require(unknown.isEmpty(), "template " + template + " has no variables named: " + unknown);
        variables = Collections.unmodifiableMap(copy);
    }

    /** A request for an email that concerns no particular customer (staff users, for instance). */
    public EmailRequest(EmailTemplate template, String recipientEmail, @Nullable String recipientName,
            Map<String, String> variables, String idempotencyKey) {
        this(template, recipientEmail, recipientName, variables, idempotencyKey, null);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Variables with the template's secret values masked: safe for logs. */
    @Override
    public String toString() {
        var shown = new TreeMap<String, String>();
        variables.forEach((name, value) -> shown.put(name, template.secretVariables().contains(name) ? "***" : value));
        return "EmailRequest[template=" + template + ", recipientEmail=" + recipientEmail + ", recipientName="
                + recipientName + ", variables=" + shown + ", idempotencyKey=" + idempotencyKey + ", customerId="
                + customerId + "]";
    }
}
