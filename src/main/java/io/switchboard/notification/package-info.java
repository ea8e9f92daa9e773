/**
 * Email through a transactional outbox: stored with the change that causes it, sent after commit by the
 * Mailjet adapter (or captured in sandbox mode), exactly once across nodes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
@org.springframework.lang.NonNullApi
package io.switchboard.notification;
