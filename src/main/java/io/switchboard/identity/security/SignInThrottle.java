package io.switchboard.identity.security;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccountLinks;
import io.switchboard.identity.internal.AccountTokens;
import io.switchboard.identity.internal.ClientInfo;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in lockout (C-PWD-07, A-AUTH-16): {@code switchboard.security.lockout.max-attempts} wrong passwords in a
 * row lock an account for {@code lockout.duration}. {@link PasswordSignIn} asks {@link #isLocked} before it checks
 * a password, and refuses a locked account exactly as it refuses a wrong password. Locking queues the
 * {@code ACCOUNT_LOCKED} e-mail with a password-reset link, and records the lock with the client's address in the
 * activity log. The counters live in {@code users.failed_sign_ins} / {@code users.locked_until} and are changed only
 * here, with atomic SQL, so concurrent attempts all count.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    static final DateTimeFormatter EMAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final SecuritySettings settings;
    private final AccountTokens tokens;
    private final AccountLinks links;
    private final Notifications notifications;
    private final ActivityLog activity;

    SignInThrottle(JdbcClient jdbc, SecuritySettings settings, AccountTokens tokens, AccountLinks links,
            Notifications notifications, ActivityLog activity) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tokens = tokens;
        this.links = links;
        this.notifications = notifications;
        this.activity = activity;
    }

    /** Whether the account is locked at {@code now}. */
    public boolean isLocked(UserAccount user, Instant now) {
        return user.isLockedAt(now);
    }

    /** Counts a wrong password; the attempt that reaches the limit locks the account. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordFailure(UserAccount user, Instant now) {
        int failures = jdbc.sql("UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = :id RETURNING failed_sign_ins")
                .param("id", user.getId()).query(Integer.class).single();
        if (failures < settings.lockout().maxAttempts()) {
            return;
        }
        Instant until = now.plus(settings.lockout().duration());
        // only one of several concurrent attempts locks (and e-mails)
        int locked = jdbc.sql("""
                UPDATE users SET locked_until = :until, failed_sign_ins = 0
                WHERE id = :id AND failed_sign_ins >= :max AND (locked_until IS NULL OR locked_until <= :now)""")
                .param("until", java.sql.Timestamp.from(until)).param("id", user.getId())
                .param("max", settings.lockout().maxAttempts()).param("now", java.sql.Timestamp.from(now)).update();
        if (locked == 1) {
            lock(user, now, until);
        }
    }

    /** A correct password: the count starts again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSuccess(UserAccount user) {
        if (user.getFailedSignIns() != 0 || user.getLockedUntil() != null) {
            clear(user.getId());
        }
    }

    /** Unlocks the account and forgets its wrong passwords (a password reset, an admin's unlock). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void clear(long userId) {
        jdbc.sql("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = :id").param("id", userId).update();
    }

    private void lock(UserAccount user, Instant now, Instant until) {
        String ip = ClientInfo.remoteAddress();
        Instant resetExpires = now.plus(settings.passwordReset().tokenTtl());
        String token = tokens.issueReset(user.getId(), AccountTokens.ResetReason.LOCKOUT, now, resetExpires, ip);
        String name = user.displayName();
        var variables = new LinkedHashMap<String, String>();
        variables.put("user_name", name);
        variables.put("locked_until", EMAIL_TIME.format(until));
        variables.put("reset_url", links.resetPassword(token));
        variables.put("expiry_time", EMAIL_TIME.format(resetExpires));
        variables.put("support_email", links.supportEmail());
        variables.put("ip_address", ip == null ? "" : ip);
        notifications.enqueue(new EmailRequest(EmailTemplate.ACCOUNT_LOCKED, user.getEmail(), name, variables,
                "account-locked:" + user.getId() + ":" + now.toEpochMilli(), user.getCustomerId()));
        activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(), "LOCKED",
                "Locked " + user.getUsername() + " until " + EMAIL_TIME.format(until) + " after "
                        + settings.lockout().maxAttempts() + " wrong passwords" + (ip == null ? "" : " from " + ip)));
        log.warn("User {} locked until {} after {} wrong passwords, the last from {}", user.getId(), until,
                settings.lockout().maxAttempts(), ip);
    }
}
