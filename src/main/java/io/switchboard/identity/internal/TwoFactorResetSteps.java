package io.switchboard.identity.internal;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.Directory;
import io.switchboard.identity.DirectoryUser;
import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.TwoFactorResetStatus;
import io.switchboard.notification.EmailRequest;
import io.switchboard.notification.EmailTemplate;
import io.switchboard.notification.Notifications;
import io.switchboard.shared.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the 2FA reset process (processes/two-factor-reset.bpmn) as identity sees them: who may verify
 * and approve (separation of duties), recording each staff decision, clearing the second factor, and the emails.
 * Called by the process's listeners and delegates (identity.process), inside the engine's transaction, so a
 * step and its emails and activity entries commit or roll back together.
 * <p>
 * Rules: only members of {@value #VERIFIER_GROUP} verify; only members of {@value #APPROVER_GROUP} approve; the
 * approver is never the verifier; the requester (when staff) neither verifies nor approves their own reset; the
 * staff member who filed a request on the requester's behalf neither verifies nor approves it.
 */
@Service
public class TwoFactorResetSteps {

    public static final String VERIFIER_GROUP = "support";
    public static final String APPROVER_GROUP = "admin";
    /** Who hears about a verification left unclaimed; the admins when this group has no active member. */
    public static final String ESCALATION_GROUP = "supervisor";

    static final int MAX_NOTE = 2000;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static final Logger log = LoggerFactory.getLogger(TwoFactorResetSteps.class);

    private final TwoFactorResetRecords requests;
    private final Directory directory;
    private final TwoFactor secondFactor;
    private final Notifications notifications;
    private final ActivityLog activity;
    private final String baseUrl;
    private final String supportEmail;

    TwoFactorResetSteps(TwoFactorResetRecords requests, Directory directory, TwoFactor secondFactor,
            Notifications notifications, ActivityLog activity, @Value("${switchboard.base-url:}") String baseUrl,
            @Value("${server.port:8080}") int port,
            @Value("${switchboard.support-email:support@switchboard.local}") String supportEmail) {
        this.requests = requests;
        this.directory = directory;
        this.secondFactor = secondFactor;
        this.notifications = notifications;
        this.activity = activity;
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:" + port : baseUrl;
        this.supportEmail = supportEmail;
    }

    /** What the approval form shows about the verification. */
    public record Verification(String verifierUsername, String verifierName, String checks) {}

    // separation of duties

    /**
     * Refuses unless {@code username} may verify the identity for this process's request: an active member of
     * {@value #VERIFIER_GROUP} who is neither the requester nor the staff member who filed the request.
     *
     * @throws AccessDeniedException when not
     */
    @Transactional(readOnly = true)
    public DirectoryUser requireMayVerify(String processInstanceId, @Nullable String username) {
        var request = request(processInstanceId, false);
        DirectoryUser staff = activeStaff(username, "verify the requester's identity");
        if (!staff.groupIds().contains(VERIFIER_GROUP)) {
            throw new AccessDeniedException(staff.username() + " is not in group " + VERIFIER_GROUP
                    + ": only support verifies identities for 2FA resets");
        }
        if (staff.id() == request.userId()) {
            throw new AccessDeniedException("Nobody verifies their own 2FA reset request");
        }
        requireNotFiler(request, staff, "verify the requester's identity");
        return staff;
    }

    /**
     * Refuses unless {@code username} may approve this process's request: an active member of
     * {@value #APPROVER_GROUP} who is not the requester, the staff member who filed the request, nor the one who
     * verified the identity.
     *
     * @throws AccessDeniedException when not
     */
    @Transactional(readOnly = true)
    public DirectoryUser requireMayApprove(String processInstanceId, @Nullable String username) {
        var request = request(processInstanceId, false);
        DirectoryUser staff = activeStaff(username, "approve a 2FA reset");
        if (!staff.groupIds().contains(APPROVER_GROUP)) {
            throw new AccessDeniedException(staff.username() + " is not in group " + APPROVER_GROUP
                    + ": only an admin approves 2FA resets");
        }
        if (staff.id() == request.userId()) {
            throw new AccessDeniedException("Nobody approves their own 2FA reset request");
        }
        requireNotFiler(request, staff, "approve the reset");
        if (request.verifierUserId() == null || !TwoFactorResetRecords.VERIFIED.equals(request.verificationOutcome())) {
            throw new AccessDeniedException("The requester's identity has not been verified");
        }
        if (request.verifierUserId() == staff.id()) {
            throw new AccessDeniedException("Separation of duties: " + staff.username()
                    + " verified this requester's identity and cannot also approve the reset");
        }
        return staff;
    }

    /** Whoever filed a request on the requester's behalf neither verifies nor approves it. */
    private static void requireNotFiler(TwoFactorResetRecords.Row request, DirectoryUser staff, String what) {
        if (request.filedByUserId() != null && request.filedByUserId() == staff.id()) {
            throw new AccessDeniedException("Separation of duties: " + staff.username()
                    + " filed this 2FA reset request on the requester's behalf and cannot also " + what);
        }
    }

    // staff decisions

    /**
     * Records support's verification: what was checked, the outcome and the note (required when not verified:
     * the requester is told it). Not verified closes the request as REJECTED.
     *
     * @throws AccessDeniedException when {@code username} may not verify
     * @throws InvalidInputException when the form is incomplete
     */
    @Transactional
    public Verification recordVerification(String processInstanceId, @Nullable String username,
            Collection<IdentityCheck> checks, @Nullable Boolean verified, @Nullable String note) {
        DirectoryUser verifier = requireMayVerify(processInstanceId, username);
        var request = request(processInstanceId, true);
        if (request.status() != TwoFactorResetStatus.PENDING_VERIFICATION) {
            throw new AccessDeniedException("Request " + request.id() + " is " + request.status()
                    + ", not waiting for verification");
        }
        String cleanNote = text(note, "verificationNote");
        if (verified == null) {
            throw InvalidInputException.of("verificationOutcome", "choose verified or not verified");
        }
        if (verified && checks.isEmpty()) {
            throw InvalidInputException.of("checks", "say what was checked to verify the identity");
        }
        if (!verified && cleanNote == null) {
            throw InvalidInputException.of("verificationNote",
                    "a note is required when the identity is not verified: the requester is told why");
        }
        String checkNames = checks.stream().map(IdentityCheck::name).sorted().collect(Collectors.joining(","));
        var status = verified ? TwoFactorResetStatus.PENDING_APPROVAL : TwoFactorResetStatus.REJECTED;
        requests.recordVerification(request.id(), verifier.id(), checkNames,
                verified ? TwoFactorResetRecords.VERIFIED : TwoFactorResetRecords.NOT_VERIFIED, cleanNote, status,
                Instant.now());
        DirectoryUser requester = requester(request);
        String checkLabels = checks.isEmpty() ? "nothing"
                : checks.stream().sorted().map(IdentityCheck::label).collect(Collectors.joining(", "));
        activity.record(new ActivityRecord("user", String.valueOf(requester.id()), requester.customerId(),
                verified ? "TWO_FACTOR_RESET_VERIFIED" : "TWO_FACTOR_RESET_NOT_VERIFIED",
                "2FA reset request #" + request.id() + " of " + requester.username() + ": identity "
                        + (verified ? "verified" : "not verified") + " by " + verifier.username() + " (checked: "
                        + checkLabels + ")",
                Map.of("verifier", new ActivityRecord.Change(null, verifier.username()),
                        "verification_outcome", new ActivityRecord.Change(null, verified ? "VERIFIED" : "NOT_VERIFIED"))));
        return new Verification(verifier.username(), name(verifier), checkLabels);
    }

    /**
     * Records the admin's decision. Rejecting closes the request as REJECTED; approving leaves it
     * PENDING_APPROVAL until {@link #completeReset} has cleared the second factor.
     *
     * @throws AccessDeniedException when {@code username} may not approve
     * @throws InvalidInputException when the decision or the reason of a rejection is missing
     */
    @Transactional
    public void recordApproval(String processInstanceId, @Nullable String username, @Nullable Boolean approve,
            @Nullable String reason) {
        DirectoryUser approver = requireMayApprove(processInstanceId, username);
        var request = request(processInstanceId, true);
        if (request.status() != TwoFactorResetStatus.PENDING_APPROVAL) {
            throw new AccessDeniedException("Request " + request.id() + " is " + request.status()
                    + ", not waiting for approval");
        }
        String cleanReason = text(reason, "approvalReason");
        if (approve == null) {
            throw InvalidInputException.of("approvalDecision", "choose approve or reject");
        }
        if (!approve && cleanReason == null) {
            throw InvalidInputException.of("approvalReason", "a reason is required to reject: the requester is told it");
        }
        requests.recordApproval(request.id(), approver.id(),
                approve ? TwoFactorResetRecords.APPROVED : TwoFactorResetRecords.REJECTED, cleanReason,
                approve ? TwoFactorResetStatus.PENDING_APPROVAL : TwoFactorResetStatus.REJECTED, Instant.now());
        DirectoryUser requester = requester(request);
        activity.record(new ActivityRecord("user", String.valueOf(requester.id()), requester.customerId(),
                approve ? "TWO_FACTOR_RESET_APPROVED" : "TWO_FACTOR_RESET_REJECTED",
                "2FA reset request #" + request.id() + " of " + requester.username() + " "
                        + (approve ? "approved" : "rejected") + " by " + approver.username() + " (verified by "
                        + staffName(request.verifierUserId()) + ")",
                Map.of("approver", new ActivityRecord.Change(null, approver.username()),
                        "approval_decision", new ActivityRecord.Change(null, approve ? "APPROVED" : "REJECTED"))));
    }

    // service tasks

    /**
     * Clears the requester's TOTP secret and backup codes, closes the request as APPROVED and records the reset,
     * naming the requester, the verifier and the approver (never a secret). Checks once more that the request
     * was verified and approved by two different people: a process variable cannot stand in for either.
     * Idempotent: a retry after the commit changes nothing.
     */
    @Transactional
    public void completeReset(long requestId) {
        var request = requests.lock(requestId).orElseThrow(() -> new IllegalStateException("No 2FA reset request " + requestId));
        if (request.status() == TwoFactorResetStatus.APPROVED) {
            return;
        }
        if (request.status() != TwoFactorResetStatus.PENDING_APPROVAL
                || !TwoFactorResetRecords.VERIFIED.equals(request.verificationOutcome())
                || !TwoFactorResetRecords.APPROVED.equals(request.approvalDecision())
                || request.verifierUserId() == null || request.approverUserId() == null
                || request.verifierUserId().equals(request.approverUserId())) {
            throw new IllegalStateException("2FA reset request " + requestId + " is not verified and approved by two "
                    + "people (status " + request.status() + "); refusing to clear the second factor");
        }
        DirectoryUser requester = requester(request);
        boolean wasEnabled = secondFactor.isEnabled(requester.id());
        secondFactor.clear(requester.id());
        Instant now = Instant.now();
        requests.close(requestId, TwoFactorResetStatus.APPROVED, now);
        var changes = new LinkedHashMap<String, ActivityRecord.Change>();
        changes.put("two_factor_enabled", new ActivityRecord.Change(String.valueOf(wasEnabled), "false"));
        changes.put("verified_by", new ActivityRecord.Change(null, staffName(request.verifierUserId())));
        changes.put("approved_by", new ActivityRecord.Change(null, staffName(request.approverUserId())));
        activity.record(new ActivityRecord("user", String.valueOf(requester.id()), requester.customerId(),
                "TWO_FACTOR_RESET_COMPLETED",
                "Two-factor authentication of " + requester.username() + " reset (request #" + requestId
                        + " from " + Objects.requireNonNullElse(request.requestedFromIp(), "unknown address")
                        + "): identity verified by " + staffName(request.verifierUserId()) + ", approved by "
                        + staffName(request.approverUserId()),
                changes));
        log.info("2FA of user {} reset by request {} (verifier {}, approver {})", requester.id(), requestId,
                request.verifierUserId(), request.approverUserId());
    }

    /** Tells the requester their second factor was reset and how to sign in now. */
    @Transactional
    public void emailResetDone(long requestId) {
        var request = requests.find(requestId).orElseThrow(() -> new IllegalStateException("No 2FA reset request " + requestId));
        DirectoryUser requester = requester(request);
        notifications.enqueue(new EmailRequest(EmailTemplate.TWO_FACTOR_RESET_COMPLETED, requester.email(),
                name(requester), Map.of("user_name", name(requester),
                        "change_date", WHEN.format(request.closedAt() == null ? Instant.now() : request.closedAt()),
                        "login_url", baseUrl + "/login", "support_email", supportEmail),
                "2fa-reset:" + requestId + ":completed", requester.customerId()));
    }

    /** Tells the requester why the reset was refused: the verifier's note or the approver's reason. */
    @Transactional
    public void tellRejected(long requestId) {
        var request = requests.find(requestId).orElseThrow(() -> new IllegalStateException("No 2FA reset request " + requestId));
        if (request.status() != TwoFactorResetStatus.REJECTED) {
            throw new IllegalStateException("2FA reset request " + requestId + " is " + request.status() + ", not rejected");
        }
        String reason = TwoFactorResetRecords.NOT_VERIFIED.equals(request.verificationOutcome())
                ? request.verificationNote() : request.approvalReason();
        DirectoryUser requester = requester(request);
        notifications.enqueue(new EmailRequest(EmailTemplate.TWO_FACTOR_RESET_REJECTED, requester.email(),
                name(requester), Map.of("user_name", name(requester),
                        "reason", Objects.requireNonNullElse(reason, "(no reason given)"),
                        "support_email", supportEmail),
                "2fa-reset:" + requestId + ":rejected", requester.customerId()));
    }

    /** Nobody finished the review in time: the request expires and the requester is told. */
    @Transactional
    public void expire(long requestId) {
        var request = requests.lock(requestId).orElseThrow(() -> new IllegalStateException("No 2FA reset request " + requestId));
        if (!request.status().isOpen()) {
            return;
        }
        requests.close(requestId, TwoFactorResetStatus.EXPIRED, Instant.now());
        DirectoryUser requester = requester(request);
        activity.record(ActivityRecord.of("user", requester.id(), requester.customerId(), "TWO_FACTOR_RESET_EXPIRED",
                "2FA reset request #" + requestId + " of " + requester.username() + " expired (was "
                        + request.status() + ")"));
        notifications.enqueue(new EmailRequest(EmailTemplate.TWO_FACTOR_RESET_EXPIRED, requester.email(),
                name(requester), Map.of("user_name", name(requester), "request_date", WHEN.format(request.createdAt()),
                        "support_email", supportEmail),
                "2fa-reset:" + requestId + ":expired", requester.customerId()));
    }

    /**
     * The verification has waited unclaimed too long: every active supervisor (or, with none, every admin) gets
     * an email pointing at the task.
     *
     * @return the usernames told
     */
    @Transactional
    public List<String> escalate(long requestId, String taskId) {
        var request = requests.lock(requestId).orElseThrow(() -> new IllegalStateException("No 2FA reset request " + requestId));
        if (request.status() != TwoFactorResetStatus.PENDING_VERIFICATION) {
            return List.of();
        }
        requests.markEscalated(requestId, Instant.now());
        DirectoryUser requester = requester(request);
        var recipients = directory.usersInRole(ESCALATION_GROUP).stream().filter(DirectoryUser::active).toList();
        if (recipients.isEmpty()) {
            recipients = directory.usersInRole(APPROVER_GROUP).stream().filter(DirectoryUser::active).toList();
        }
        var told = new ArrayList<String>();
        for (DirectoryUser recipient : recipients) {
            notifications.enqueue(new EmailRequest(EmailTemplate.TWO_FACTOR_RESET_ESCALATED, recipient.email(),
                    name(recipient), Map.of("user_name", name(recipient), "requester", requester.username(),
                            "request_date", WHEN.format(request.createdAt()),
                            "tasklist_url", baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId),
                    "2fa-reset:" + requestId + ":escalated:" + recipient.id()));
            told.add(recipient.username());
        }
        activity.record(ActivityRecord.of("user", requester.id(), requester.customerId(), "TWO_FACTOR_RESET_ESCALATED",
                "2FA reset request #" + requestId + " of " + requester.username()
                        + ": identity verification unclaimed, escalated to " + told.size() + " staff"));
        return told;
    }

    /** The process ended without closing the request (its instance was deleted): the request is CANCELLED. */
    @Transactional
    public void cancelIfOpen(String processInstanceId) {
        requests.lockByProcessInstance(processInstanceId).filter(r -> r.status().isOpen())
                .ifPresent(r -> requests.close(r.id(), TwoFactorResetStatus.CANCELLED, Instant.now()));
    }

    // helpers

    private TwoFactorResetRecords.Row request(String processInstanceId, boolean lock) {
        return (lock ? requests.lockByProcessInstance(processInstanceId) : requests.findByProcessInstance(processInstanceId))
                .orElseThrow(() -> new IllegalStateException("No 2FA reset request for process " + processInstanceId));
    }

    private DirectoryUser requester(TwoFactorResetRecords.Row request) {
        return directory.findUser(request.userId())
                .orElseThrow(() -> new IllegalStateException("The requester of 2FA reset " + request.id() + " is gone"));
    }

    private DirectoryUser activeStaff(@Nullable String username, String what) {
        if (username == null || username.isBlank()) {
            throw new AccessDeniedException("Only a signed-in staff member may " + what);
        }
        return directory.findUserByUsername(username)
                .filter(u -> u.active() && !u.serviceAccount() && u.customerId() == null)
                .orElseThrow(() -> new AccessDeniedException(username + " is not active staff and may not " + what));
    }

    private String staffName(@Nullable Long userId) {
        return userId == null ? "nobody" : directory.findUser(userId).map(DirectoryUser::username).orElse("user " + userId);
    }

    private static String name(DirectoryUser user) {
        String name = (Objects.requireNonNullElse(user.firstName(), "") + " "
                + Objects.requireNonNullElse(user.lastName(), "")).trim();
        return name.isEmpty() ? user.username() : name;
    }

    @Nullable
    private static String text(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_NOTE) {
            throw InvalidInputException.of(field, "at most " + MAX_NOTE + " characters");
        }
        return trimmed;
    }
}
