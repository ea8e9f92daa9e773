package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.Role;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send welcome email" of the user administration (A-UADM-10, C-MJ-07): the Mailjet user-welcome template
 * through the outbox, for a user who has never signed in. It never carries a password (A-UADM-04: temporary
 * passwords go through a secure channel, not email). One email per user and day: a double click, or a second
 * admin pressing the same button, queues nothing more.
 */
@Service
public class UserWelcomeEmails {

    private final UserAccounts users;
    private final AccessGuard access;
    private final Notifications notifications;
    private final ActivityLog activity;
    private final String loginUrl;
    private final String supportEmail;
    private final Clock clock = Clock.systemUTC();

    UserWelcomeEmails(UserAccounts users, AccessGuard access, Notifications notifications, ActivityLog activity,
            @Value("${switchboard.base-url:}") String baseUrl, @Value("${server.port:8080}") int port,
            @Value("${switchboard.support-email:support@switchboard.local}") String supportEmail) {
        this.users = users;
        this.access = access;
        this.notifications = notifications;
        this.activity = activity;
        this.loginUrl = (baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl) + "/login";
        this.supportEmail = supportEmail;
    }

    /**
     * Queues the welcome email to the user.
     *
     * @return {@code true} when queued, {@code false} when today's welcome email to this user is already queued
     * @throws NotFoundException when there is no such (non-deleted) user
     * @throws ConflictException when the user has signed in before, or cannot sign in at all
     */
    @Transactional
    public boolean send(long userId) {
        access.requireAdmin();
        UserAccount user = users.findById(userId).filter(u -> !u.isDeleted() && !u.isServiceAccount())
                .orElseThrow(() -> new NotFoundException("user", userId));
        if (user.getLastLoginAt() != null) {
            throw new ConflictException("The welcome email is for users who have never signed in; "
                    + user.getUsername() + " has");
        }
        if (!user.isEnabled()) {
            throw new ConflictException("User " + user.getUsername() + " is disabled and cannot sign in");
        }
        String roles = user.getRoles().stream().map(Role::getName).sorted().collect(Collectors.joining(", "));
        String name = (user.getFirstName() + " " + user.getLastName()).trim();
        boolean queued = notifications.enqueue(new EmailRequest(EmailTemplate.USER_WELCOME, user.getEmail(), name,
                Map.of("user_name", name, "email", user.getEmail(), "role", roles, "login_url", loginUrl,
                        "support_email", supportEmail),
                "user-welcome:" + user.getId() + ":" + LocalDate.now(clock), user.getCustomerId()));
        if (queued) {
            activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "WELCOME_EMAIL_SENT",
                    "Queued the welcome email to " + user.getEmail()));
        }
        return queued;
    }
}
