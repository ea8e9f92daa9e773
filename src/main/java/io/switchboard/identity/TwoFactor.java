package io.switchboard.identity;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.Base32;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.Totp;
import io.switchboard.identity.internal.TwoFactorCrypto;
import io.switchboard.identity.internal.TwoFactorRecords;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.identity.security.TwoFactorSettings;
import io.switchboard.shared.Actor;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.CurrentActor;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Two-factor authentication with TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s, ±1 step) and single-use backup
 * codes (A-2FA, C-2FA). Enrolment creates a secret that waits until a correct code confirms it; each TOTP step is
 * accepted once per user (a replayed code is refused). Secrets are stored encrypted, backup codes as keyed
 * hashes; neither ever reaches a log line or the activity log.
 *
 * <p>Users manage their own 2FA; an admin manages anyone's; {@code reset_user_2fa} may turn anyone's off.
 * Nobody changes 2FA while impersonating. {@link #isEnabled}, {@link #clear} and {@link #verifyTotp} do no
 * permission check: they are for other modules and processes that have done theirs.
 */
@Service
public class TwoFactor {

    public static final String RESET_PERMISSION = "reset_user_2fa";
    public static final int BACKUP_CODE_COUNT = 10;

    static final Pattern TOTP_CODE = Pattern.compile("\\d{6}");
    static final Pattern BACKUP_CODE = Pattern.compile("[0-9a-f]{8}");
    private static final int SECRET_BYTES = 20;
    private static final Logger log = LoggerFactory.getLogger(TwoFactor.class);

    private final TwoFactorRecords records;
    private final TwoFactorCrypto crypto;
    private final TwoFactorSettings settings;
    private final UserAccounts users;
    private final PasswordEncoder passwords;
    private final AccessGuard access;
    private final CurrentActor currentActor;
    private final SignInStates states;
    private final ActivityLog activity;
    private Clock clock = Clock.systemUTC();

    TwoFactor(TwoFactorRecords records, TwoFactorCrypto crypto, TwoFactorSettings settings, UserAccounts users,
            PasswordEncoder passwords, AccessGuard access, CurrentActor currentActor, SignInStates states,
            ActivityLog activity) {
        this.records = records;
        this.crypto = crypto;
        this.settings = settings;
        this.users = users;
        this.passwords = passwords;
        this.access = access;
        this.currentActor = currentActor;
        this.states = states;
        this.activity = activity;
    }

    // ---- public API for other modules (no permission checks) ----

    /** Whether the user has 2FA on (a confirmed secret). */
    @Transactional(readOnly = true)
    public boolean isEnabled(long userId) {
        return records.isEnabled(userId);
    }

    /**
     * Turns the user's 2FA off: secret, pending secret and backup codes are deleted (C-2FA-07, A-2FA-17). No
     * permission check: callers (the admin endpoint, the 2FA-reset process) check first. Recorded in the
     * activity log as the current actor.
     */
    @Transactional
    public void clear(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        records.lock(userId);
        records.clear(userId, now());
        activity.record(ActivityRecord.of("user", userId, user.getCustomerId(), "TWO_FACTOR_RESET",
                "Reset the two-factor authentication of " + user.getUsername() + from()));
        log.info("Two-factor authentication of user {} reset by {} from {}", userId, currentActor.get().username(),
                remoteAddress());
    }

    /**
     * Checks a 6-digit TOTP code of the user's confirmed secret, accepting each time step once (a replay, or
     * an older code after a newer one, is refused). False when 2FA is off or the code is malformed.
     */
    @Transactional
    public boolean verifyTotp(long userId, String code) {
        var state = records.lock(userId).orElse(null);
        if (state == null || !state.enabled() || state.secret() == null || code == null) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(crypto.decrypt(state.secret()), code.trim(), now(), state.lastStep());
        if (step.isEmpty()) {
            return false;
        }
        records.acceptStep(userId, step.getAsLong());
        return true;
    }

    /** Whether policy requires 2FA of the user: a role of theirs, or the global setting for staff. Never customers. */
    @Transactional(readOnly = true)
    public boolean requiredByPolicy(long userId) {
        var state = records.find(userId).orElse(null);
        if (state == null || state.customerUser() || state.serviceAccount()) {
            return false;
        }
        return settings.requiredForStaff() || records.requiredByRole(userId);
    }

    /** Required by policy but not on: the user may only enrol. */
    @Transactional(readOnly = true)
    public boolean enrolmentRequired(long userId) {
        return records.enrolmentRequired(userId, settings.requiredForStaff());
    }

    // ---- the endpoints ----

    @Transactional(readOnly = true)
    public TwoFactorStatus status(long userId) {
        requireSelfOrAdmin(userId, true);
        var state = load(userId);
        return new TwoFactorStatus(userId, state.enabled(), state.enrolledAt(),
                state.enabled() ? records.remainingBackupCodes(userId) : 0, requiredByPolicy(userId),
                state.pendingSecret() != null);
    }

    /**
     * Starts enrolment (A-2FA-07/08, C-2FA-02): a new secret and backup codes, shown once; 2FA is on only after
     * {@link #verifySetup}. Users give their own password; an admin enrolling someone else gives none.
     */
    @Transactional
    public TwoFactorEnrolment enable(long userId, @Nullable String password) {
        boolean self = requireSelfOrAdmin(userId, false);
        var state = lockEditable(userId);
        if (self) {
            requirePassword(userId, password);
        }
        if (state.enabled()) {
            throw new ConflictException("Two-factor authentication is already enabled; reset it or use "
                    + "/2fa/reset-for-new-device to move to a new device");
        }
        TwoFactorEnrolment enrolment = newSecretAndCodes(state);
        UserAccount user = users.findById(userId).orElseThrow();
        activity.record(ActivityRecord.of("user", userId, user.getCustomerId(), "TWO_FACTOR_SETUP_STARTED",
                "Started two-factor enrolment of " + user.getUsername() + from()));
        return enrolment;
    }

    /** Confirms a waiting secret with a current code (A-2FA-10, C-2FA-03): 2FA is on from now. */
    @Transactional
    public void verifySetup(long userId, String code) {
        requireSelfOrAdmin(userId, false);
        confirm(userId, code);
    }

    /** {@link #verifySetup} without access check: the caller holds a pending sign-in challenge of the user. */
    @Transactional
    void verifySetupAtSignIn(long userId, String code) {
        confirm(userId, code);
    }

    private void confirm(long userId, String code) {
        var state = lockEditable(userId);
        if (state.pendingSecret() == null) {
            throw new ConflictException("No two-factor setup is waiting for confirmation: call /2fa/enable first");
        }
        String trimmed = requireTotpFormat("code", code);
        OptionalLong step = Totp.matchingStep(crypto.decrypt(state.pendingSecret()), trimmed, now(), null);
        // a new secret's codes cannot be replays of the old secret's, so the old last step does not apply here
        if (step.isEmpty()) {
            throw InvalidInputException.of("code", "is not the current code of the authenticator app");
        }
        boolean newDevice = state.enabled();
        records.confirmPending(userId, step.getAsLong(), now());
        UserAccount user = users.findById(userId).orElseThrow();
        recordAs(userId, ActivityRecord.of("user", userId, user.getCustomerId(),
                newDevice ? "TWO_FACTOR_DEVICE_CHANGED" : "TWO_FACTOR_ENABLED",
                (newDevice ? "Moved the two-factor authentication of " + user.getUsername() + " to a new authenticator"
                        : "Enabled two-factor authentication for " + user.getUsername()) + from()));
        log.info("Two-factor authentication of user {} {} from {}", userId, newDevice ? "moved to a new device"
                : "enabled", remoteAddress());
    }

    /** New backup codes (C-2FA-06); the old ones stop working. */
    @Transactional
    public List<String> regenerateBackupCodes(long userId) {
        requireSelfOrAdmin(userId, false);
        return regenerate(userId);
    }

    /** {@link #regenerateBackupCodes} for the signed-in user, confirming their password first (web). */
    @Transactional
    public List<String> regenerateOwnBackupCodes(String password) {
        long userId = requireUser().userId();
        requirePassword(userId, password);
        return regenerate(userId);
    }

    private List<String> regenerate(long userId) {
        var state = lockEditable(userId);
        if (!state.enabled()) {
            throw new ConflictException("Two-factor authentication is not enabled");
        }
        List<String> codes = storeNewBackupCodes(userId);
        UserAccount user = users.findById(userId).orElseThrow();
        activity.record(ActivityRecord.of("user", userId, user.getCustomerId(), "BACKUP_CODES_REGENERATED",
                "Regenerated the backup codes of " + user.getUsername() + from()));
        return codes;
    }

    /**
     * New device, signed in (C-2FA-08): a backup code proves the user; it is consumed, and a new secret (waiting
     * for {@link #verifySetup}) and new backup codes are issued. The old secret works until the new one is confirmed.
     */
    @Transactional
    public TwoFactorEnrolment resetForNewDevice(long userId, String backupCode) {
        requireSelfOrAdmin(userId, false);
        var state = lockEditable(userId);
        String code = requireBackupFormat("backup_code", backupCode);
        if (!state.enabled()) {
            throw new ConflictException("Two-factor authentication is not enabled");
        }
        if (!records.useBackupCode(userId, crypto.hash(code), now())) {
            throw InvalidInputException.of("backup_code", "is not an unused backup code of this user");
        }
        return newDevice(state);
    }

    /**
     * {@link #resetForNewDevice} at the sign-in step, without access check (the caller holds a pending challenge
     * of the user); empty when the backup code is not an unused one (the caller counts the failure).
     */
    @Transactional
    java.util.Optional<TwoFactorEnrolment> resetForNewDeviceAtSignIn(long userId, String backupCode) {
        String code = requireBackupFormat("backup_code", backupCode);
        var state = records.lock(userId).orElse(null);
        if (state == null || !state.enabled() || !records.useBackupCode(userId, crypto.hash(code), now())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(newDevice(state));
    }

    private TwoFactorEnrolment newDevice(TwoFactorRecords.State state) {
        TwoFactorEnrolment enrolment = newSecretAndCodes(state);
        UserAccount user = users.findById(state.userId()).orElseThrow();
        recordAs(state.userId(), ActivityRecord.of("user", state.userId(), user.getCustomerId(),
                "TWO_FACTOR_NEW_DEVICE", "Used a backup code to set up a new authenticator for "
                        + user.getUsername() + from()));
        return enrolment;
    }

    /** An admin (or a holder of {@code reset_user_2fa}) turns a user's 2FA off (C-2FA-07, A-UADM-07..09). */
    @Transactional
    public void adminDisable(long userId) {
        Actor actor = requireUser();
        if (!actor.can(RESET_PERMISSION)) {
            throw new AccessDeniedException("Needs permission " + RESET_PERMISSION);
        }
        var state = lockEditable(userId);
        if (!state.enabled() && state.pendingSecret() == null) {
            throw new ConflictException("Two-factor authentication is not enabled for this user");
        }
        clear(userId);
    }

    /** The signed-in user turns their own 2FA off with password and a code (I-03), unless policy requires it. */
    @Transactional
    public void disableOwn(String password, String code) {
        long userId = requireUser().userId();
        var state = lockEditable(userId);
        requirePassword(userId, password);
        if (!state.enabled()) {
            throw new ConflictException("Two-factor authentication is not enabled");
        }
        if (requiredByPolicy(userId)) {
            throw new ConflictException("Two-factor authentication is required for your account and cannot be turned off");
        }
        if (code == null || code.isBlank() || !checkCode(userId, code, "code")) {
            throw InvalidInputException.of("code", "is not a current authenticator code or an unused backup code");
        }
        records.clear(userId, now());
        UserAccount user = users.findById(userId).orElseThrow();
        activity.record(ActivityRecord.of("user", userId, user.getCustomerId(), "TWO_FACTOR_DISABLED",
                user.getUsername() + " turned off their two-factor authentication" + from()));
    }

    /**
     * The second factor of a sign-in: a 6-digit TOTP code (once per step) or an 8-hex backup code (consumed).
     * Malformed input is a 400 naming {@code field}; a wrong code is {@code false}.
     */
    @Transactional
    boolean checkCode(long userId, String code, String field) {
        String normalised = code == null ? "" : code.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        if (TOTP_CODE.matcher(normalised).matches()) {
            return verifyTotp(userId, normalised);
        }
        if (!BACKUP_CODE.matcher(normalised).matches()) {
            throw InvalidInputException.of(field, "must be a 6-digit authenticator code or an 8-character backup code");
        }
        var state = records.lock(userId).orElse(null);
        if (state == null || !state.enabled() || !records.useBackupCode(userId, crypto.hash(normalised), now())) {
            return false;
        }
        UserAccount user = users.findById(userId).orElseThrow();
        recordAs(userId, ActivityRecord.of("user", userId, user.getCustomerId(), "BACKUP_CODE_USED",
                user.getUsername() + " used a backup code (" + records.remainingBackupCodes(userId) + " left)" + from()));
        return true;
    }

    // ---- helpers ----

    private TwoFactorEnrolment newSecretAndCodes(TwoFactorRecords.State state) {
        byte[] secret = TwoFactorCrypto.randomBytes(SECRET_BYTES);
        records.setPending(state.userId(), crypto.encrypt(secret), now());
        List<String> codes = storeNewBackupCodes(state.userId());
        String base32 = Base32.encode(secret);
        return new TwoFactorEnrolment(base32, otpauthUri(base32, state.email()), codes);
    }

    private List<String> storeNewBackupCodes(long userId) {
        var codes = new ArrayList<String>(BACKUP_CODE_COUNT);
        while (codes.size() < BACKUP_CODE_COUNT) {
            String code = HexFormat.of().formatHex(TwoFactorCrypto.randomBytes(4));
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        records.replaceBackupCodes(userId, codes.stream().map(crypto::hash).toList(), now());
        return List.copyOf(codes);
    }

    /** {@code otpauth://totp/Issuer:email?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30}. */
    String otpauthUri(String base32Secret, String email) {
        String issuer = encode(settings.issuer());
        return "otpauth://totp/" + issuer + ":" + encode(email) + "?secret=" + base32Secret + "&issuer=" + issuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }

    private Actor requireUser() {
        Actor actor = access.current();
        if (actor.userId() == null) {
            throw new AccessDeniedException("Two-factor authentication is managed by users, not API keys");
        }
        if (actor.impersonatorId() != null) {
            throw new AccessDeniedException("Two-factor authentication cannot be changed while impersonating");
        }
        return actor;
    }

    /** True when the actor acts on themselves; admins may act on anyone (and reset-permission holders may read). */
    private boolean requireSelfOrAdmin(long userId, boolean read) {
        Actor actor = requireUser();
        if (actor.userId() == userId) {
            return true;
        }
        if (actor.can(Actor.ADMIN) || (read && actor.can(RESET_PERMISSION))) {
            return false;
        }
        throw new AccessDeniedException("Only the user themselves or an administrator can do this");
    }

    private TwoFactorRecords.State load(long userId) {
        return records.find(userId).orElseThrow(() -> new NotFoundException("user", userId));
    }

    private TwoFactorRecords.State lockEditable(long userId) {
        var state = records.lock(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (state.serviceAccount() || state.deleted()) {
            throw new ConflictException("User " + userId + " cannot use two-factor authentication (service account or deleted)");
        }
        return state;
    }

    private void requirePassword(long userId, String password) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.of("password", "is required: confirm your current password");
        }
        UserAccount user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        if (user.getPasswordHash() == null || !passwords.matches(password, user.getPasswordHash())) {
            throw InvalidInputException.of("password", "is not your current password");
        }
    }

    private static String requireTotpFormat(String field, String code) {
        String trimmed = code == null ? "" : code.trim().replace(" ", "");
        if (!TOTP_CODE.matcher(trimmed).matches()) {
            throw InvalidInputException.of(field, "must be the 6-digit code of the authenticator app");
        }
        return trimmed;
    }

    private static String requireBackupFormat(String field, String code) {
        String normalised = code == null ? "" : code.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        if (!BACKUP_CODE.matcher(normalised).matches()) {
            throw InvalidInputException.of(field, "must be an 8-character backup code such as 3fa5b9c2");
        }
        return normalised;
    }

    /** Records as the current actor, or, before sign-in completes (no actor yet), as the user themselves. */
    private void recordAs(long userId, ActivityRecord record) {
        if (currentActor.find().isPresent()) {
            activity.record(record);
            return;
        }
        var actor = states.find(userId).map(s -> s.actor()).orElse(null);
        if (actor == null) {
            activity.record(record);
            return;
        }
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            activity.record(record);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static String from() {
        String address = remoteAddress();
        return address == null ? "" : " from " + address;
    }

    static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }

    private Instant now() {
        return clock.instant();
    }

    /** For tests that need another time (the TOTP window). */
    void useClock(Clock clock) {
        this.clock = clock;
    }
}
