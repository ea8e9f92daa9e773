package io.switchboard.identity.security;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.Secrets;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New-device sign-in alerts (A-2FA-19, A-UADM-13). Keeps the devices (browser family, operating system and IP
 * address) each user signed in from; when a user who has a known device signs in from an unknown one, it queues
 * the {@link EmailTemplate#NEW_DEVICE_SIGN_IN} security email and records it in the activity log. The first
 * device ever recorded for a user (their first sign-in, or the first since this feature exists) sends nothing.
 * <p>
 * Runs after the sign-in has committed, in a transaction of its own shared by the device row, the outbox row and
 * the activity entry: they commit together, and whatever goes wrong here is logged and never fails the sign-in.
 */
@Component
class NewDeviceAlerts {

    private static final Logger log = LoggerFactory.getLogger(NewDeviceAlerts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final SignInStates states;
    private final Notifications notifications;
    private final ActivityLog activity;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final String resetUrl;
    private final String supportEmail;
    private final ZoneId zone;

    NewDeviceAlerts(JdbcClient jdbc, UserAccounts users, SignInStates states, Notifications notifications,
            ActivityLog activity, PlatformTransactionManager transactionManager, SecuritySettings settings,
            @Value("${switchboard.base-url:}") String baseUrl, @Value("${server.port:8080}") int port,
            @Value("${switchboard.support-email:support@switchboard.local}") String supportEmail,
            @Value("${switchboard.web.time-zone:UTC}") ZoneId zone) {
        this.jdbc = jdbc;
        this.users = users;
        this.states = states;
        this.notifications = notifications;
        this.activity = activity;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = settings.newDeviceEmail().enabled();
        String base = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl.replaceAll("/+$", "");
        this.resetUrl = base + "/login/forgot-password";
        this.supportEmail = supportEmail;
        this.zone = zone;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SignInCompleted signIn) {
        if (!enabled) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> handle(signIn));
        } catch (RuntimeException e) {
            log.warn("New-device check for user {} failed; the sign-in stands: {}", signIn.userId(), e.toString());
        }
    }

    private void handle(SignInCompleted signIn) {
        var device = DeviceDescription.of(signIn.userAgent());
        String key = Secrets.sha256(device.browser() + "|" + device.operatingSystem() + "|" + signIn.remoteAddress());
        Timestamp at = Timestamp.from(signIn.at());
        int seenBefore = jdbc.sql("""
                        UPDATE known_devices SET last_seen_at = greatest(last_seen_at, :at)
                        WHERE user_id = :user AND device_key = :key""")
                .param("at", at).param("user", signIn.userId()).param("key", key).update();
        if (seenBefore > 0) {
            return;
        }
        boolean hasOtherDevices = jdbc.sql("SELECT EXISTS (SELECT 1 FROM known_devices WHERE user_id = :user)")
                .param("user", signIn.userId()).query(Boolean.class).single();
        int inserted = jdbc.sql("""
                        INSERT INTO known_devices (user_id, device_key, browser, operating_system, ip_address,
                            first_seen_at, last_seen_at)
                        VALUES (:user, :key, :browser, :os, :ip, :at, :at)
                        ON CONFLICT (user_id, device_key) DO NOTHING""")
                .param("user", signIn.userId()).param("key", key).param("browser", cut(device.browser(), 60))
                .param("os", cut(device.operatingSystem(), 60)).param("ip", cut(signIn.remoteAddress(), 45))
                .param("at", at).update();
        if (inserted == 0 || !hasOtherDevices) {
            return; // another node recorded it at the same moment, or this is the user's first known device
        }
        UserAccount user = users.findById(signIn.userId()).orElse(null);
        if (user == null || user.isDeleted() || user.isServiceAccount()) {
            return;
        }
        String name = (user.getFirstName() + " " + user.getLastName()).trim();
        notifications.enqueue(new EmailRequest(EmailTemplate.NEW_DEVICE_SIGN_IN, user.getEmail(), name,
                Map.of("user_name", name, "sign_in_time", TIME.format(signIn.at().atZone(zone)),
                        "ip_address", signIn.remoteAddress(), "browser", device.browser(),
                        "operating_system", device.operatingSystem(), "reset_url", resetUrl,
                        "support_email", supportEmail),
                "new-device:" + user.getId() + ":" + key, user.getCustomerId()));
        asUser(user.getId(), () -> activity.record(ActivityRecord.of("user", user.getId(), user.getCustomerId(),
                "NEW_DEVICE_SIGN_IN", "Signed in from a new device (" + device.summary() + ", "
                        + signIn.remoteAddress() + ", " + signIn.channel() + "); security email queued to "
                        + user.getEmail())));
        log.info("User {} signed in from a new device ({}, {}); security email queued", user.getId(),
                device.summary(), signIn.remoteAddress());
    }

    /** Runs {@code work} with the user as the current actor, so the activity entry names them. */
    private void asUser(long userId, Runnable work) {
        var contexts = SecurityContextHolder.getContextHolderStrategy();
        var previous = contexts.getContext();
        var actor = states.find(userId).map(s -> s.actor()).orElse(null);
        if (actor == null) {
            work.run();
            return;
        }
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null,
                ActorAuthentication.authorities(actor.permissions())));
        contexts.setContext(context);
        try {
            work.run();
        } finally {
            contexts.setContext(previous);
        }
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
