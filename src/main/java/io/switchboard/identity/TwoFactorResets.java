package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.TwoFactorResetRecords;
import io.switchboard.identity.process.TwoFactorResetProcess;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import io.switchboard.shared.Actor;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Requests to reset a lost second factor (A-2FA-17..19): a user who passed the password step of a sign-in but has
 * neither their authenticator nor a backup code asks for their TOTP secret and backup codes to be cleared. The
 * request starts the 2FA reset process (processes/two-factor-reset.bpmn): support verifies the identity in
 * Tasklist, an admin who is not the verifier approves, and only then is the second factor cleared. At most one
 * open request per user.
 */
@Service
public class TwoFactorResets {

    public static final int MAX_REASON = 2000;
    /** Filing a reset request on behalf of a caller (console user page, on-behalf API); admin implies it. */
    public static final String ON_BEHALF_PERMISSION = "request_user_2fa_reset";
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().\\-/]{3,38}[0-9]");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(TwoFactorResets.class);

    private final TwoFactorResetRecords requests;
    private final Directory directory;
    private final TwoFactor secondFactor;
    private final SignInChallenges challenges;
    private final TwoFactorResetProcess process;
    private final Notifications notifications;
    private final ActivityLog activity;
    private final String supportEmail;
    private final AccessGuard access;

    TwoFactorResets(TwoFactorResetRecords requests, Directory directory, TwoFactor secondFactor,
            SignInChallenges challenges, AccessGuard access,
            TwoFactorResetProcess process, Notifications notifications, ActivityLog activity,
            @Value("${switchboard.support-email:support@switchboard.local}") String supportEmail) {
        this.requests = requests;
        this.directory = directory;
        this.secondFactor = secondFactor;
        this.challenges = challenges;
        this.process = process;
        this.notifications = notifications;
        this.activity = activity;
        this.supportEmail = supportEmail;
        this.access = access;
    }

    /**
     * A reset request from the second step of a sign-in (API {@code POST /2fa/reset-request/user/{id}}, web
     * {@code /login/2fa/lost-device}): the challenge token proves the password step passed for {@code userId}; it
     * stays usable (asking for a reset does not consume it).
     *
     * @throws InvalidInputException when the challenge is not a pending one of that user, or the reason or phone
     *                               is missing or malformed (400, nothing changed)
     * @throws ConflictException     when the user has no 2FA to reset or already has an open request (409)
     */
    @Transactional
    public TwoFactorResetRequest requestWithChallenge(long userId, @Nullable String challengeToken,
            @Nullable String reason, @Nullable String contactPhone) {
        if (challengeToken == null || challengeToken.isBlank() || challengeToken.length() > 200) {
            throw InvalidInputException.of("challenge_token", "is required: the token the password step returned");
        }
        long challenged = challenges.pendingUser(challengeToken)
                .filter(id -> id == userId)
                .orElseThrow(() -> InvalidInputException.of("challenge_token",
                        "is not a pending sign-in challenge of this user (expired, used or wrong)"));
        return open(challenged, reason, contactPhone, null);
    }

    /**
     * A reset request filed by staff on behalf of a caller (console user page, API
     * {@code POST /2fa/reset-request/on-behalf/user/{id}}): the same process and rules as the user's own request,
     * and the filer is recorded; they may then neither verify nor approve it. Needs
     * {@value #ON_BEHALF_PERMISSION} (or admin), a signed-in staff member not impersonating anyone.
     *
     * @throws AccessDeniedException when the current actor may not file requests for others
     * @throws InvalidInputException when the filer names themselves ({@code user_id}), or the reason or phone is
     *                               missing or malformed (400, nothing changed)
     * @throws ConflictException     when the user has no 2FA to reset or already has an open request (409)
     */
    @Transactional
    public TwoFactorResetRequest requestOnBehalf(long userId, @Nullable String reason, @Nullable String contactPhone) {
        Actor actor = access.current();
        if (actor.userId() == null || actor.customerId() != null || actor.impersonatorId() != null
                || !actor.can(ON_BEHALF_PERMISSION)) {
            throw new AccessDeniedException("Filing a 2FA reset request for someone else needs a signed-in staff "
                    + "member with " + ON_BEHALF_PERMISSION);
        }
        if (actor.userId() == userId) {
            throw InvalidInputException.of("user_id",
                    "you cannot file a 2FA reset request for yourself: ask at your own sign-in challenge");
        }
        if (directory.findUser(userId).isEmpty()) {
            throw new io.switchboard.shared.NotFoundException("user", userId);
        }
        return open(userId, reason, contactPhone, actor);
    }

    /** A request by id (the requester's view). */
    @Transactional(readOnly = true)
    public Optional<TwoFactorResetRequest> find(long requestId) {
        return requests.find(requestId).map(TwoFactorResets::view);
    }

    /** The user's open request, if any. */
    @Transactional(readOnly = true)
    public Optional<TwoFactorResetRequest> findOpen(long userId) {
        return requests.findOpen(userId).map(TwoFactorResets::view);
    }

    private TwoFactorResetRequest open(long userId, @Nullable String reason, @Nullable String contactPhone,
            @Nullable Actor filer) {
        String cleanReason = reason == null ? "" : reason.strip();
        if (cleanReason.isEmpty()) {
            throw InvalidInputException.of("reason", filer == null
                    ? "is required: say what happened to your device and backup codes"
                    : "is required: what the caller says happened to their device and backup codes");
        }
        if (cleanReason.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "at most " + MAX_REASON + " characters");
        }
        if (cleanReason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw InvalidInputException.of("reason", "must not contain control characters");
        }
        String phone = contactPhone == null || contactPhone.isBlank() ? null : contactPhone.strip();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw InvalidInputException.of("contact_phone", "must be a phone number (digits, spaces, + ( ) - . /)");
        }
        DirectoryUser user = directory.findUser(userId).filter(DirectoryUser::active)
                .orElseThrow(() -> new ConflictException("This account cannot sign in, so it has no 2FA to reset"));
        if (!secondFactor.isEnabled(userId)) {
            throw new ConflictException("Two-factor authentication is not enabled for this account: nothing to reset");
        }
        var open = requests.findOpen(userId);
        if (open.isPresent()) {
            var existing = open.get();
            if (existing.processInstanceId() != null && !process.isRunning(existing.processInstanceId())) {
                // its process was deleted without ending it (custom listeners skipped): the request is dead
                requests.close(existing.id(), TwoFactorResetStatus.CANCELLED, Instant.now());
            } else {
                throw new ConflictException("A 2FA reset request for this account is already open (#"
                        + existing.id() + "); support will be in touch");
            }
        }
        Instant now = Instant.now();
        String ip = remoteAddress();
        long id;
        try {
            id = requests.insert(userId, cleanReason, phone, ip, now, filer == null ? null : filer.userId());
        } catch (DuplicateKeyException raced) {
            throw new ConflictException("A 2FA reset request for this account is already open");
        }
        String name = name(user);
        String pid = process.start(id, new TwoFactorResetProcess.Facts(user.username(), name, user.email(),
                cleanReason, Objects.requireNonNullElse(phone, ""), WHEN.format(now),
                Objects.requireNonNullElse(ip, "unknown"),
                filer == null ? "the requester, at their sign-in" : filer.username() + " (staff), on the caller's behalf"));
        requests.setProcessInstance(id, pid);
        notifications.enqueue(new EmailRequest(EmailTemplate.TWO_FACTOR_RESET_REQUESTED, user.email(), name,
                Map.of("user_name", name, "request_date", WHEN.format(now), "support_email", supportEmail),
                "2fa-reset:" + id + ":requested", user.customerId()));
        if (filer == null) {
            activity.record(ActivityRecord.of("user", userId, user.customerId(), "TWO_FACTOR_RESET_REQUESTED",
                    "2FA reset requested by " + user.username() + " (lost device and backup codes) from "
                            + Objects.requireNonNullElse(ip, "unknown address") + ": request #" + id));
        } else {
            activity.record(new ActivityRecord("user", String.valueOf(userId), user.customerId(),
                    "TWO_FACTOR_RESET_REQUESTED",
                    "2FA reset requested for " + user.username() + " by " + filer.username()
                            + " on the caller's behalf (lost device and backup codes) from "
                            + Objects.requireNonNullElse(ip, "unknown address") + ": request #" + id,
                    Map.of("filed_by", new ActivityRecord.Change(null, filer.username()))));
        }
        log.info("2FA reset request {} opened for user {} from {} (filed by user {})", id, userId, ip,
                filer == null ? "-" : filer.userId());
        return view(requests.find(id).orElseThrow());
    }

    private static TwoFactorResetRequest view(TwoFactorResetRecords.Row row) {
        return new TwoFactorResetRequest(row.id(), row.userId(), row.status(), row.createdAt(), row.closedAt());
    }

    private static String name(DirectoryUser user) {
        String name = (Objects.requireNonNullElse(user.firstName(), "") + " "
                + Objects.requireNonNullElse(user.lastName(), "")).trim();
        return name.isEmpty() ? user.username() : name;
    }

    @Nullable
    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
