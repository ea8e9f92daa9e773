package io.switchboard.notification.internal;

import io.switchboard.notification.EmailTemplate;
import java.util.Map;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * An outbox row this node has claimed: it alone works on it until the lease ends.
 *
 * @param claimToken      proves the claim is still this node's when the result is written back
 * @param template        {@literal null} when the stored template name is no longer known
 * @param attempts        attempts so far, this one included
 * @param outcomeUnknown  an earlier attempt may have reached the provider (it timed out, or its node died)
 */
public record ClaimedEmail(
        long id,
        UUID claimToken,
        String idempotencyKey,
        String templateName,
        @Nullable EmailTemplate template,
        String recipientEmail,
        @Nullable String recipientName,
        Map<String, String> variables,
        int attempts,
        boolean outcomeUnknown) {

    /** Never prints variable values: they may hold secrets. */
    @Override
    public String toString() {
        return "ClaimedEmail[id=" + id + ", key=" + idempotencyKey + ", template=" + templateName + ", attempts="
                + attempts + "]";
    }
}
