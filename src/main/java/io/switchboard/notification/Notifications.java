package io.switchboard.notification;

import io.switchboard.notification.internal.Outbox;
import io.switchboard.notification.internal.OutboxDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends transactional email the safe way: the email is stored in the caller's transaction, so it exists exactly
 * when the change that causes it commits, and it is sent after the commit, retried with back-off while the provider
 * is unavailable, and never sent twice for the same idempotency key, whichever node sends it.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;

    Notifications(Outbox outbox, OutboxDispatcher dispatcher) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
    }

    /**
     * Queues an email as part of the caller's transaction. A rollback discards it; a commit makes it due at once.
     *
     * @param request the email; must not be {@literal null}
     * @return {@code true} when queued; {@code false} when an email with the same idempotency key was queued
     *         before (nothing changes, whatever the rest of the request says)
     * @throws org.springframework.transaction.IllegalTransactionStateException when no transaction is active:
     *         an email queued outside the transaction of its cause could be lost or sent for a change that never
     *         happened
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(EmailRequest request) {
        boolean queued = outbox.insert(request);
        if (queued) {
            // A synchronization rather than an event listener: the nudge needs no persistent event publication.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dispatcher.wakeUp();
                }
            });
        } else {
            log.debug("Email {} already queued; ignoring the repeat", request.idempotencyKey());
        }
        return queued;
    }
}
