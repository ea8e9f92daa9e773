package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccountLinks;
import io.switchboard.identity.internal.AccountTokens;
import io.switchboard.identity.internal.ClientInfo;
import io.switchboard.identity.internal.Inputs;
import io.switchboard.identity.internal.PasswordHistory;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.identity.security.SecuritySettings;
import io.switchboard.identity.security.SignInRevocation;
import io.switchboard.identity.security.SignInThrottle;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import io.switchboard.shared.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-service password reset (C-PWD-01/03/06, A-AUTH-10..15). Anyone may ask for a reset link for an e-mail
 * address; the answer never says whether an account has it (no account enumeration: this overrides A-AUTH-11's
 * "No account found"). Only an existing, enabled, non-deleted account is e-mailed a link, at most once per
 * {@code password-reset.min-interval} and {@code max-per-hour} times an hour. The link's token is single use,
 * expires after {@code password-reset.token-ttl}, and dies when a newer one is issued or the password changes.
 * Resetting enforces the password policy and history, clears a lockout and a pending forced change, and signs the
 * user out everywhere. Tokens are never logged, answered, or recorded in the activity log.
 */
@Service
public class PasswordResets {

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final DateTimeFormatter EMAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final UserAccounts users;
    private final AccountTokens tokens;
    private final AccountLinks links;
    private final PasswordHistory history;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final SignInRevocation revocation;
    private final Notifications notifications;
    private final ActivityLog activity;
    private final SecuritySettings settings;

    PasswordResets(UserAccounts users, AccountTokens tokens, AccountLinks links, PasswordHistory history,
            PasswordEncoder passwords, SignInThrottle throttle, SignInRevocation revocation,
            Notifications notifications, ActivityLog activity, SecuritySettings settings) {
        this.users = users;
        this.tokens = tokens;
        this.links = links;
        this.history = history;
        this.passwords = passwords;
        this.throttle = throttle;
        this.revocation = revocation;
        this.notifications = notifications;
        this.activity = activity;
        this.settings = settings;
    }

    /**
     * Asks for a reset link for {@code email}. Returns normally whether or not an account has the address, and
     * whether or not the rate limit held the e-mail back.
     *
     * @throws InvalidInputException naming {@code email} when it is not an e-mail address at all
     */
    @Transactional
    public void requestReset(String email) {
        String address = Inputs.email("email", email);
        Optional<UserAccount> found = users.findByEmail(address).filter(PasswordResets::mayReset);
        if (found.isEmpty()) {
            log.info("Password reset asked for an address of no active account, from {}", ClientInfo.remoteAddress());
            return;
        }
        UserAccount user = users.findForUpdate(found.get().getId()).orElseThrow(); // one request at a time per user
        Instant now = Instant.now();
        var limits = settings.passwordReset();
        if (tokens.resetsIssuedSince(user.getId(), now.minus(limits.minInterval())) > 0
                || tokens.resetsIssuedSince(user.getId(), now.minus(java.time.Duration.ofHours(1))) >= limits.maxPerHour()) {
            log.info("Password reset for user {} held back by the rate limit, from {}", user.getId(),
                    ClientInfo.remoteAddress());
            return;
        }
        String ip = ClientInfo.remoteAddress();
        Instant expires = now.plus(limits.tokenTtl());
        String token = tokens.issueReset(user.getId(), AccountTokens.ResetReason.FORGOT_PASSWORD, now, expires, ip);
        String name = user.displayName();
        notifications.enqueue(new EmailRequest(EmailTemplate.PASSWORD_RESET, user.getEmail(), name,
                Map.of("user_name", name, "reset_url", links.resetPassword(token),
                        "expiry_time", EMAIL_TIME.format(expires)),
                "password-reset:" + user.getId() + ":" + now.toEpochMilli(), user.getCustomerId()));
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "PASSWORD_RESET_REQUESTED",
                "Password reset link sent to " + user.getEmail() + (ip == null ? "" : ", asked from " + ip)));
        log.info("Password reset link queued for user {}, asked from {}", user.getId(), ip);
    }

    /** Whether a reset link still works (the reset page shows "Request New Reset Link" otherwise). */
    @Transactional(readOnly = true)
    public boolean isValid(String token) {
        return tokens.validResetUser(token, Instant.now())
                .flatMap(users::findById).filter(PasswordResets::mayReset).isPresent();
    }

    /**
     * Sets a new password with a reset link's token, which dies in the exchange.
     *
     * @throws InvalidInputException naming {@code token} when the token is unknown, used, superseded or expired,
     *         or {@code new_password} when the password breaks the policy or repeats a recent one (the token then
     *         stays usable)
     */
    @Transactional
    public void reset(String token, String newPassword) {
        Instant now = Instant.now();
        long userId = tokens.consumeReset(token, now).orElseThrow(PasswordResets::invalidToken);
        UserAccount user = users.findForUpdate(userId).filter(PasswordResets::mayReset)
                .orElseThrow(PasswordResets::invalidToken);
        PasswordPolicy.check("new_password", newPassword);
        history.requireNotRecent("new_password", user, newPassword, settings.passwordHistory());
        user.setPasswordHash(passwords.encode(newPassword));
        user.setMustChangePassword(false);
        user.setEmailVerified(true); // following the link proved the address works
        user.touch(now);
        history.record(user.getId(), user.getPasswordHash(), now, settings.passwordHistory());
        tokens.supersedeResets(user.getId(), now);
        throttle.clear(user.getId());
        revocation.revokeEverywhere(user, false);
        users.flush();
        String ip = ClientInfo.remoteAddress();
        String name = user.displayName();
        var variables = new LinkedHashMap<String, String>();
        variables.put("user_name", name);
        variables.put("change_date", EMAIL_TIME.format(now));
        variables.put("support_email", links.supportEmail());
        variables.put("ip_address", ip == null ? "" : ip);
        notifications.enqueue(new EmailRequest(EmailTemplate.PASSWORD_RESET_SUCCESS, user.getEmail(), name, variables,
                "password-reset-success:" + user.getId() + ":" + now.toEpochMilli(), user.getCustomerId()));
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "PASSWORD_RESET_COMPLETED",
                user.getUsername() + " reset their password with an e-mailed link" + (ip == null ? "" : " from " + ip)));
        log.info("User {} reset their password from {}", user.getId(), ip);
    }

    private static boolean mayReset(UserAccount user) {
        return !user.isDeleted() && user.isEnabled() && !user.isServiceAccount();
    }

    private static InvalidInputException invalidToken() {
        return InvalidInputException.of("token", "is not a valid reset link: it may have expired or been used already");
    }
}
