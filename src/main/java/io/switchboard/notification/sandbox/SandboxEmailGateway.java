package io.switchboard.notification.sandbox;

import io.switchboard.notification.internal.EmailGateway;
import io.switchboard.notification.internal.EmailGatewayException;
import io.switchboard.notification.internal.OutgoingEmail;
import io.switchboard.notification.internal.SendOutcome;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode ({@code switchboard.sandbox=true}, the quick start's default): nothing leaves the machine; each
 * email is kept, exactly as Mailjet would have received it, for an admin to read at {@code /sandbox/mail}.
 * Like Mailjet it does not deduplicate: an email sent twice is captured twice.
 */
@Component
@ConditionalOnProperty(name = "switchboard.sandbox", havingValue = "true", matchIfMissing = true)
class SandboxEmailGateway implements EmailGateway {

    static final String MESSAGE_ID_PREFIX = "sandbox-";

    private final SandboxMailbox mailbox;

    SandboxEmailGateway(SandboxMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public SendOutcome send(OutgoingEmail email) {
        try {
            return new SendOutcome.Sent(MESSAGE_ID_PREFIX + mailbox.capture(email));
        } catch (DataAccessException e) {
            return new SendOutcome.NotSent("sandbox mailbox unavailable: " + e.getMostSpecificCause());
        }
    }

    @Override
    public Optional<String> findSent(String customId) {
        try {
            return mailbox.latestIdFor(customId).map(id -> MESSAGE_ID_PREFIX + id);
        } catch (DataAccessException e) {
            throw new EmailGatewayException("sandbox mailbox unavailable", e);
        }
    }
}
