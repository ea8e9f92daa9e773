package io.switchboard.notification.internal;

import java.util.Optional;

/**
 * Where the outbox hands an email over: Mailjet in production, the sandbox mailbox otherwise. Implementations
 * answer with a {@link SendOutcome} and never throw for a failure of the provider.
 */
public interface EmailGateway {

    /** Short provider name stored with each sent email ({@code mailjet}, {@code sandbox}). */
    String name();

    /** Hands one email to the provider. */
    SendOutcome send(OutgoingEmail email);

    /**
     * The provider's id for a message sent earlier with this {@code CustomID}, if the provider knows one: asked
     * before sending again after an attempt whose outcome is unknown (a crash, a timeout), so that such an email
     * is not sent twice.
     *
     * @throws EmailGatewayException when the provider cannot be asked right now
     */
    Optional<String> findSent(String customId);
}
