package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.AccountLinks;
import io.switchboard.identity.internal.AccountTokens;
import io.switchboard.identity.internal.ContactLinks;
import io.switchboard.identity.internal.Inputs;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.identity.security.SecuritySettings;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user changes their own sign-in e-mail (A-AUTH-19, C-SC-04, I-32): the new address gets a verification link
 * (single use, {@code email-verification.token-ttl}, 24 hours by default) and the old address stays in use until
 * the link is followed. Following it makes the new address the user's (and, for a customer user, their contact's),
 * marked verified. A newer request supersedes an older one. An admin editing another user's e-mail in the user
 * administration is not held to this: that change applies at once and leaves the address unverified.
 */
@Service
public class EmailChanges {

    private static final Logger log = LoggerFactory.getLogger(EmailChanges.class);

    /** A change waiting for its link to be followed. */
    public record Pending(String newEmail) {}

    private final UserAccounts users;
    private final AccountTokens tokens;
    private final AccountLinks links;
    private final ContactLinks contacts;
    private final PasswordEncoder passwords;
    private final AccessGuard access;
    private final Notifications notifications;
    private final ActivityLog activity;
    private final SecuritySettings settings;

    EmailChanges(UserAccounts users, AccountTokens tokens, AccountLinks links, ContactLinks contacts,
            PasswordEncoder passwords, AccessGuard access, Notifications notifications, ActivityLog activity,
            SecuritySettings settings) {
        this.users = users;
        this.tokens = tokens;
        this.links = links;
        this.contacts = contacts;
        this.passwords = passwords;
        this.access = access;
        this.notifications = notifications;
        this.activity = activity;
        this.settings = settings;
    }

    /**
     * The signed-in user asks to change their e-mail to {@code newEmail}, confirming with their password.
     *
     * @throws InvalidInputException naming {@code password} (wrong) or {@code new_email} (not an address, or the
     *         current one)
     * @throws ConflictException naming {@code new_email} when another user has it
     */
    @Transactional
    public Pending request(String newEmail, String password) {
        long userId = access.requireUser();
        if (access.current().impersonatorId() != null) {
            throw new AccessDeniedException("An impersonated session cannot change the sign-in e-mail");
        }
        UserAccount user = users.findForUpdate(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (password == null || user.getPasswordHash() == null || !passwords.matches(password, user.getPasswordHash())) {
            throw InvalidInputException.of("password", "is not your current password");
        }
        String email = Inputs.email("new_email", newEmail);
        if (email.equalsIgnoreCase(user.getEmail())) {
            throw InvalidInputException.of("new_email", "is already your e-mail address");
        }
        requireFree(email, userId);
        sendVerification(user, email, Instant.now(),
                user.getUsername() + " asked to change their e-mail to " + email + " (waiting for verification)");
        log.info("User {} asked to change their e-mail; verification link queued", userId);
        return new Pending(email);
    }

    /**
     * Issues the link that confirms {@code newEmail} for {@code user} (superseding an earlier one) and sends it to
     * that address; the old address stays in use until it is followed. Used by the user's own request and by an
     * admin's change in the user administration; {@code summary} says who asked, for the activity log.
     */
    void sendVerification(UserAccount user, String newEmail, Instant now, String summary) {
        String token = tokens.issueEmailChange(user.getId(), newEmail, now,
                now.plus(settings.emailVerification().tokenTtl()));
        String name = user.displayName();
        notifications.enqueue(new EmailRequest(EmailTemplate.EMAIL_VERIFICATION, newEmail, name,
                Map.of("user_name", name, "verification_url", links.verifyEmail(token), "verification_code", token),
                "email-verification:" + user.getId() + ":" + now.toEpochMilli(), user.getCustomerId()));
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "EMAIL_CHANGE_REQUESTED",
                summary));
    }

    /**
     * Follows a verification link: the new address becomes the user's. Works without being signed in.
     *
     * @throws InvalidInputException naming {@code token} when the link is unknown, used, superseded or expired
     * @throws ConflictException naming {@code new_email} when another user took the address meanwhile (nothing
     *         changes)
     */
    @Transactional
    public String confirm(String token) {
        Instant now = Instant.now();
        var change = tokens.findEmailChangeForUpdate(token, now)
                .orElseThrow(() -> InvalidInputException.of("token",
                        "is not a valid verification link: it may have expired, been replaced or been used already"));
        UserAccount user = users.findForUpdate(change.userId()).filter(u -> !u.isDeleted() && !u.isServiceAccount())
                .orElseThrow(() -> InvalidInputException.of("token", "belongs to an account that no longer exists"));
        requireFree(change.newEmail(), user.getId());
        String old = user.getEmail();
        user.setEmail(change.newEmail());
        user.setEmailVerified(true);
        user.touch(now);
        tokens.markEmailChangeUsed(change.tokenId(), now);
        users.flush();
        if (user.getContactId() != null) {
            contacts.applyVerifiedEmail(user.getId(), change.newEmail());
        }
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "EMAIL_CHANGED",
                user.getUsername() + " verified and now uses " + change.newEmail())
                .withChanges(Map.of("email", old), Map.of("email", change.newEmail())));
        log.info("User {} verified their new e-mail", user.getId());
        return change.newEmail();
    }

    /** The change the user asked for and has not confirmed, while its link works. */
    @Transactional(readOnly = true)
    public Optional<Pending> pending(long userId) {
        return tokens.pendingEmail(userId, Instant.now()).map(Pending::new);
    }

    /** The signed-in user's pending change. */
    @Transactional(readOnly = true)
    public Optional<Pending> myPending() {
        return pending(access.requireUser());
    }

    private void requireFree(String email, long userId) {
        users.findByEmail(email).filter(other -> other.getId() != userId).ifPresent(other -> {
            throw new ConflictException("new_email", "is already used by another account");
        });
    }
}
