package io.switchboard.notification.internal;

/**
 * What became of one hand-over to the provider (STYLE.md L6/L7). The outbox decides from it alone: record
 * the message id, give up, or try again later, asking the provider first when the email may already be out.
 */
public sealed interface SendOutcome {

    /** The provider accepted the email. */
    record Sent(String messageId) implements SendOutcome {}

    /** The provider refused this email for good (a bad address, an unusable template): retrying cannot help. */
    record Rejected(String reason) implements SendOutcome {}

    /** The provider did not take the email (down, throttling, account problem): safe to retry. */
    record NotSent(String reason) implements SendOutcome {}

    /** The email may or may not have reached the provider (timeout, dropped connection): check before retrying. */
    record Unknown(String reason) implements SendOutcome {}
}
