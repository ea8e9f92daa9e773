package io.switchboard.notification.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each node runs one worker thread that drains due rows batch by batch; it is woken
 * after every commit that queued an email and by a poller, which also picks up retries and the rows of nodes that
 * died mid-send. Two nodes never send the same row: claims use {@code FOR UPDATE SKIP LOCKED} and a lease, and
 * every write-back checks the claim token.
 */
@Component
public class OutboxDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Outbox outbox;
    private final EmailGateway gateway;
    private final NotificationProperties properties;
    private final RetryPolicy retries;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "notification-outbox");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private volatile boolean stopping;

    private final Counter sentCount;
    private final Counter retriedCount;
    private final Counter failedCount;

    OutboxDispatcher(Outbox outbox, EmailGateway gateway, NotificationProperties properties, MeterRegistry meters) {
        this.outbox = outbox;
        this.gateway = gateway;
        this.properties = properties;
        this.retries = RetryPolicy.of(properties.outbox());
        this.sentCount = outcomes(meters, "sent");
        this.retriedCount = outcomes(meters, "retried");
        this.failedCount = outcomes(meters, "failed");
        log.info("Email outbox dispatcher {} sends through {}", node, gateway.name());
    }

    private static Counter outcomes(MeterRegistry meters, String outcome) {
        return Counter.builder("switchboard.notification.emails")
                .description("Email send attempts by outcome on this node (failed: given up for good)")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** Asks the worker to look for due emails soon; cheap, never blocks, coalesces with a pending request. */
    public void wakeUp() {
        if (!stopping && drainQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException shuttingDown) {
                // shutting down: the rows stay due for another node or the next start
            }
        }
    }

    @Scheduled(fixedDelayString = "${switchboard.notification.outbox.poll-interval:10s}",
            initialDelayString = "${switchboard.notification.outbox.poll-interval:10s}")
    void poll() {
        wakeUp();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        wakeUp();
    }

    private void drain() {
        drainQueued.set(false);
        try {
            int claimed;
            do {
                claimed = dispatchBatch();
            } while (claimed == properties.outbox().batchSize() && !stopping);
        } catch (RuntimeException e) {
            // the database is away or shutting down; rows stay claimed until their lease ends
            log.warn("Email outbox dispatch interrupted: {}", e.toString());
        }
    }

    /** Claims one batch of due emails and delivers them; returns how many were claimed. */
    int dispatchBatch() {
        List<ClaimedEmail> batch = outbox.claimDue(properties.outbox().batchSize(), properties.outbox().lease(), node);
        for (ClaimedEmail email : batch) {
            if (stopping) {
                outbox.release(email); // not attempted: due again at once for the other nodes
            } else {
                deliver(email);
            }
        }
        return batch.size();
    }

    private void deliver(ClaimedEmail email) {
        if (email.template() == null) {
            giveUp(email, "unknown template " + email.templateName());
            return;
        }
        SendOutcome outcome;
        try {
            if (email.outcomeUnknown()) {
                var earlier = gateway.findSent(email.idempotencyKey());
                if (earlier.isPresent()) {
                    log.info("Email {} had already reached {} as message {}; not sending it again",
                            email.idempotencyKey(), gateway.name(), earlier.get());
                    recordSent(email, earlier.get());
                    return;
                }
            }
            if (email.attempts() > retries.maxAttempts()) {
                // only after crashes: each claim counts as an attempt, even one whose node died
                giveUp(email, "gave up after " + (email.attempts() - 1) + " attempts");
                return;
            }
            outcome = gateway.send(OutgoingEmail.compose(email, properties.mailjet().template(email.template())));
        } catch (EmailGatewayException e) {
            outcome = new SendOutcome.NotSent(e.getMessage());
        } catch (RuntimeException e) {
            log.error("Unexpected failure sending email {}", email.idempotencyKey(), e);
            outcome = new SendOutcome.Unknown(e.toString());
        }
        record(email, outcome);
    }

    private void record(ClaimedEmail email, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            recordSent(email, sent.messageId());
        } else if (outcome instanceof SendOutcome.Rejected rejected) {
            giveUp(email, "rejected by " + gateway.name() + ": " + rejected.reason());
        } else if (outcome instanceof SendOutcome.NotSent notSent) {
            retryOrGiveUp(email, notSent.reason(), false);
        } else if (outcome instanceof SendOutcome.Unknown unknown) {
            retryOrGiveUp(email, "outcome unknown: " + unknown.reason(), true);
        }
    }

    private void recordSent(ClaimedEmail email, String messageId) {
        if (outbox.markSent(email, gateway.name(), messageId)) {
            sentCount.increment();
            log.debug("Email {} ({}) sent as {} message {}", email.idempotencyKey(), email.templateName(),
                    gateway.name(), messageId);
        } else {
            log.error("Email {} was sent as {} message {} after this node's claim had expired; another node may "
                    + "send it too (look for its CustomID twice). Raise switchboard.notification.outbox.lease.",
                    email.idempotencyKey(), gateway.name(), messageId);
        }
    }

    private void retryOrGiveUp(ClaimedEmail email, String reason, boolean outcomeUnknown) {
        if (retries.exhausted(email.attempts())) {
            giveUp(email, "gave up after " + email.attempts() + " attempts; last: " + reason);
            return;
        }
        var delay = retries.delayAfter(email.attempts());
        if (outbox.markForRetry(email, delay, reason, outcomeUnknown)) {
            retriedCount.increment();
            log.warn("Email {} ({}) not sent on attempt {}: {}; next attempt in {}", email.idempotencyKey(),
                    email.templateName(), email.attempts(), reason, delay);
        }
    }

    private void giveUp(ClaimedEmail email, String reason) {
        if (outbox.markFailed(email, reason)) {
            failedCount.increment();
            log.error("Email {} ({}) to {} FAILED: {}", email.idempotencyKey(), email.templateName(),
                    email.recipientEmail(), reason);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        // let an email in flight finish and be recorded; anything left is re-claimed after its lease
        if (!worker.awaitTermination(properties.mailjet().readTimeout().toSeconds() + 5, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }
}
