/**
 * Transactional email through an outbox. Owns the {@code notification_outbox} and sandbox mailbox tables, the
 * Mailjet adapter (Send API v3.1, template keys of seed-C §1.10) and the sandbox inbox page ({@code /sandbox/mail}).
 * Other modules call {@link io.switchboard.notification.Notifications#enqueue} inside their own transaction; the
 * email is sent after commit, retried with back-off, exactly once across nodes. Publishes no events and listens to
 * none.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.springframework.lang.NonNullApi
package io.switchboard.notification;
