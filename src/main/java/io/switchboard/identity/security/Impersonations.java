package io.switchboard.identity.security;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.internal.AccessGuard;
import io.switchboard.identity.internal.ImpersonationRecords;
import io.switchboard.identity.internal.RefreshTokens;
import io.switchboard.identity.internal.SignInState;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import io.switchboard.shared.Actor;
import io.switchboard.shared.ConflictException;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.NotFoundException;
import io.switchboard.shared.PageQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Impersonation (B-IMP, C-IMP, I-33, I-34): a staff user holding {@code can_impersonate} (or {@code admin}) acts
 * as a customer user for a while, with exactly that user's permissions and without their password or second
 * factor. Every impersonation is a row of {@code impersonation_log}; its start and end are written to the
 * customer's activity log, and every write made meanwhile records both the target (as actor) and the staff user
 * (as impersonator).
 * <p>
 * Rules: the target is a customer user (bound to a customer) who can sign in, is neither an administrator nor
 * staff, nor the staff user themselves; nobody impersonates while impersonating; a staff member has at most one
 * open impersonation, so starting another ends the previous one ({@code superseded}). An impersonation ends when
 * stopped, after {@code switchboard.security.impersonation.idle-timeout} without a request, after
 * {@code max-duration} in any case, on sign-out, or when either user may no longer take part ({@code revoked}).
 * The target's own sessions and tokens are never touched.
 */
@Service
public class Impersonations {

    public static final String PERMISSION = "can_impersonate";
    public static final String VIEW_LOG = "view_impersonation_log";

    /** How the staff member impersonates: with a token pair or in their browser session. */
    public enum Channel { API, WEB }

    /** Why an impersonation ended, as stored in {@code end_reason}. */
    public enum EndReason {
        STOPPED, TIMED_OUT, SUPERSEDED, SIGNED_OUT, REVOKED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A started impersonation. */
    public record Started(long impersonationId, long impersonatingUserId, long targetUserId,
            @Nullable Long targetCustomerId, Instant start) {}

    /** An ended impersonation. */
    public record Ended(long impersonationId, long impersonatingUserId, long targetUserId,
            @Nullable Long targetCustomerId, Instant start, Instant end, long durationSeconds, EndReason reason) {}

    /** An impersonation still going on, checked for the current request. */
    public record Active(long impersonationId, long impersonatingUserId, SignInState target) {

        /** The target's actor, naming the staff user as impersonator. */
        public Actor actor() {
            return target.actorImpersonatedBy(impersonatingUserId);
        }
    }

    /** What the banner of an impersonated page shows. */
    public record Banner(String targetUsername, String targetName, String staffUsername, String staffName,
            @Nullable Long customerId) {}

    /** An API start: the impersonation and the target's token pair. */
    public record TokenStart(Started started, SignInResponse tokens) {}

    /** An API stop: the impersonation ended and a fresh token pair of the staff user. */
    public record TokenStop(Ended ended, SignInResponse tokens) {}

    /** A row of {@code GET /auth/impersonation_logs}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LogEntry(long impersonationId, long impersonatingUserId, @Nullable String impersonatingUsername,
            long targetUserId, @Nullable String targetUsername, @Nullable Long targetCustomerId, String channel,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant impersonationStart,
            @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Instant impersonationEnd,
            @Nullable Integer impersonationDuration, @Nullable String endReason,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant lastActivityAt, @Nullable String ipAddress,
            @Nullable String userAgent) {}

    private final ImpersonationRecords records;
    private final UserAccounts users;
    private final SignInStates states;
    private final RefreshTokens refreshTokens;
    private final ActivityLog activity;
    private final AccessGuard access;
    private final SecuritySettings settings;
    private final ImpersonationTokens tokens;
    private final ApiSessions apiSessions;

    Impersonations(ImpersonationRecords records, UserAccounts users, SignInStates states, RefreshTokens refreshTokens,
            ActivityLog activity, AccessGuard access, SecuritySettings settings, ImpersonationTokens tokens,
            ApiSessions apiSessions) {
        this.records = records;
        this.users = users;
        this.states = states;
        this.refreshTokens = refreshTokens;
        this.activity = activity;
        this.access = access;
        this.settings = settings;
        this.tokens = tokens;
        this.apiSessions = apiSessions;
    }

    /**
     * Starts impersonating {@code targetUserId} as the current actor.
     *
     * @throws ImpersonationRefusedException (403) without the permission, while impersonating, or for a target that
     *                                       is staff or an administrator
     * @throws NotFoundException             (404) for an unknown user
     * @throws InvalidInputException         (400, {@code user_id}) for oneself, a deleted, disabled or service
     *                                       account, or a user who cannot sign in
     */
    @Transactional
    public Started start(long targetUserId, Channel channel, @Nullable String ip, @Nullable String userAgent) {
        Actor actor = access.current();
        if (actor.impersonatorId() != null) {
            throw new ImpersonationRefusedException(null,
                    "You are impersonating a user: stop that impersonation before starting another");
        }
        if (actor.userId() == null) {
            throw new ImpersonationRefusedException(null, "Only a signed-in staff user can impersonate");
        }
        if (!actor.can(PERMISSION)) {
            throw new ImpersonationRefusedException(null, "Impersonating needs the permission " + PERMISSION);
        }
        if (actor.isCustomerScoped()) {
            throw new ImpersonationRefusedException(null, "Customer users cannot impersonate");
        }
        long staffId = actor.userId();
        if (targetUserId == staffId) {
            throw InvalidInputException.of("user_id", "is yourself: you cannot impersonate yourself");
        }
        UserAccount target = users.findById(targetUserId).orElseThrow(() -> new NotFoundException("user", targetUserId));
        SignInState targetState = requireEligible(target);
        // one impersonation per staff member: lock the staff user's row so that concurrent starts queue up
        UserAccount staff = users.findForUpdate(staffId).orElseThrow(() -> new AccessDeniedException("Unknown user"));
        Instant now = Instant.now();
        closeTimedOut(now);
        records.findOpenForUpdate(staffId).ifPresent(previous -> end(previous, EndReason.SUPERSEDED, now));
        long id = records.open(staffId, targetUserId, target.getCustomerId(), channel.name(), now, ip, userAgent);
        activity.record(ActivityRecord.of("user", target.getId(), target.getCustomerId(), "IMPERSONATION_STARTED",
                "Support agent " + nameOf(staff) + " signed in as you (" + target.getUsername() + ")"));
        return new Started(id, staffId, targetUserId, targetState.customerId(), now);
    }

    /** {@link #start} for the API, with the target's token pair (B-IMP-04). */
    @Transactional
    public TokenStart startWithTokens(long targetUserId, @Nullable String ip, @Nullable String userAgent) {
        Started started = start(targetUserId, Channel.API, ip, userAgent);
        var row = records.find(started.impersonationId()).orElseThrow();
        SignInState target = states.find(targetUserId).orElseThrow();
        return new TokenStart(started, tokens.issue(row, target, UUID.randomUUID()));
    }

    /**
     * Ends the current actor's impersonation and returns a fresh token pair of the staff user (B-IMP-07).
     *
     * @throws ConflictException (409) when the current actor is not impersonating
     */
    @Transactional
    public TokenStop stopWithTokens() {
        Actor actor = access.current();
        if (actor.impersonatorId() == null || actor.userId() == null) {
            throw new ConflictException("You are not impersonating anyone");
        }
        long staffId = actor.impersonatorId();
        var row = records.findOpenForUpdate(staffId).filter(r -> r.targetUserId() == actor.userId())
                .orElseThrow(() -> new ConflictException("The impersonation has already ended"));
        Ended ended = end(row, EndReason.STOPPED, Instant.now()).orElseThrow(
                () -> new ConflictException("The impersonation has already ended"));
        return new TokenStop(ended, apiSessions.issueFor(staffId));
    }

    /**
     * Ends an impersonation, if still open: closes its log row, revokes its refresh tokens (its access tokens die
     * with the row) and writes the end to the customer's activity log.
     */
    @Transactional
    public Optional<Ended> end(long impersonationId, EndReason reason) {
        return records.find(impersonationId).filter(ImpersonationRecords.Row::open)
                .flatMap(row -> end(row, reason, Instant.now()));
    }

    /** Ends the open impersonation in which {@code actor} is acting, if any (e.g. on sign-out). */
    @Transactional
    public Optional<Ended> endFor(Actor actor, EndReason reason) {
        if (actor.impersonatorId() == null || actor.userId() == null) {
            return Optional.empty();
        }
        return records.findOpenForUpdate(actor.impersonatorId()).filter(r -> r.targetUserId() == actor.userId())
                .flatMap(row -> end(row, reason, Instant.now()));
    }

    /**
     * Checks an impersonation for the current request: open, neither idle nor over its maximum duration, and both
     * users still allowed to take part. A valid one counts the request as activity; an invalid one is ended on the
     * spot ({@code timed_out} or {@code revoked}).
     */
    @Transactional
    public Optional<Active> verify(long impersonationId, long staffId, long targetId) {
        var found = records.find(impersonationId)
                .filter(r -> r.open() && r.impersonatingUserId() == staffId && r.targetUserId() == targetId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var row = found.get();
        Instant now = Instant.now();
        Instant timeout = timesOutAt(row);
        if (!now.isBefore(timeout)) {
            end(row, EndReason.TIMED_OUT, timeout);
            return Optional.empty();
        }
        var staff = states.find(staffId).filter(SignInState::active)
                .filter(s -> s.permissions().contains(Actor.ADMIN) || s.permissions().contains(PERMISSION));
        var target = states.find(targetId).filter(SignInState::active)
                .filter(t -> t.customerId() != null && !t.permissions().contains(Actor.ADMIN));
        if (staff.isEmpty() || target.isEmpty()) {
            end(row, EndReason.REVOKED, now);
            return Optional.empty();
        }
        records.touch(row.id(), now);
        return Optional.of(new Active(row.id(), staffId, target.get()));
    }

    /** For an impersonation refresh token: a new pair in the same family while the impersonation is valid. */
    @Transactional
    public Optional<SignInResponse> refresh(long impersonationId, long targetId, UUID family) {
        var row = records.find(impersonationId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        return verify(impersonationId, row.get().impersonatingUserId(), targetId)
                .map(active -> tokens.issue(row.get(), active.target(), family));
    }

    /** The banner of a page the current actor sees while impersonating, or empty when not impersonating. */
    @Transactional(readOnly = true)
    public Optional<Banner> banner(Actor actor) {
        if (actor.impersonatorId() == null || actor.userId() == null) {
            return Optional.empty();
        }
        var target = users.findById(actor.userId());
        var staff = users.findById(actor.impersonatorId());
        if (target.isEmpty() || staff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Banner(target.get().getUsername(), nameOf(target.get()), staff.get().getUsername(),
                nameOf(staff.get()), target.get().getCustomerId()));
    }

    /**
     * The impersonation log (B-IMP-09), newest first; needs {@code admin} or {@code view_impersonation_log}.
     * Impersonations that have timed out meanwhile are closed first, so the list shows their end.
     */
    @Transactional
    public Page<LogEntry> log(ImpersonationRecords.Filter filter, PageQuery query) {
        Actor actor = access.current();
        if (!actor.can(VIEW_LOG)) {
            throw new AccessDeniedException("Needs permission " + VIEW_LOG);
        }
        closeTimedOut(Instant.now());
        long total = records.count(filter);
        var rows = records.search(filter, query.perPage(), (long) (query.page() - 1) * query.perPage());
        var ids = new HashSet<Long>();
        rows.forEach(r -> {
            ids.add(r.impersonatingUserId());
            ids.add(r.targetUserId());
        });
        Map<Long, String> names = users.findAllById(ids).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getUsername));
        List<LogEntry> entries = rows.stream().map(r -> new LogEntry(r.id(), r.impersonatingUserId(),
                names.get(r.impersonatingUserId()), r.targetUserId(), names.get(r.targetUserId()), r.targetCustomerId(),
                r.channel(), r.start(), r.end(), r.durationSeconds(), r.endReason(), r.lastActivity(), r.ipAddress(),
                r.userAgent())).toList();
        return new PageImpl<>(entries, PageRequest.of(query.page() - 1, query.perPage()), total);
    }

    /** Closes every impersonation that has timed out (also run periodically). */
    @Transactional
    public int closeTimedOut(Instant now) {
        var ids = records.closeTimedOut(now, settings.impersonation().idleTimeout(),
                settings.impersonation().maxDuration());
        ids.forEach(id -> refreshTokens.revokeImpersonation(id, now));
        return ids.size();
    }

    /** Housekeeping: impersonations nobody used for the idle timeout are closed even if nobody asks. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @Transactional
    public void closeTimedOutPeriodically() {
        closeTimedOut(Instant.now());
    }

    private SignInState requireEligible(UserAccount target) {
        if (target.isDeleted()) {
            throw InvalidInputException.of("user_id", "is a deleted user");
        }
        if (target.isServiceAccount()) {
            throw InvalidInputException.of("user_id", "is a service account: only customer users can be impersonated");
        }
        if (!target.isEnabled()) {
            throw InvalidInputException.of("user_id", "is a disabled user");
        }
        SignInState state = states.find(target.getId()).orElseThrow(() -> new NotFoundException("user", target.getId()));
        if (state.permissions().contains(Actor.ADMIN)) {
            throw new ImpersonationRefusedException("user_id", "is an administrator: administrators cannot be impersonated");
        }
        if (state.customerId() == null) {
            throw new ImpersonationRefusedException("user_id",
                    "is a staff user: only customer users (linked to a customer contact) can be impersonated");
        }
        if (!state.active()) {
            throw InvalidInputException.of("user_id", "cannot sign in (no password set)");
        }
        return state;
    }

    private Optional<Ended> end(ImpersonationRecords.Row row, EndReason reason, Instant at) {
        if (!records.close(row.id(), at, reason.code())) {
            return Optional.empty();
        }
        refreshTokens.revokeImpersonation(row.id(), Instant.now());
        long seconds = Math.max(0, Duration.between(row.start(), at).toSeconds());
        var staff = users.findById(row.impersonatingUserId());
        var target = users.findById(row.targetUserId());
        String staffName = staff.map(Impersonations::nameOf).orElse("#" + row.impersonatingUserId());
        String targetName = target.map(UserAccount::getUsername).orElse("#" + row.targetUserId());
        activity.record(ActivityRecord.of("user", row.targetUserId(), row.targetCustomerId(), "IMPERSONATION_ENDED",
                "Support agent " + staffName + " stopped acting as you (" + targetName + ") after "
                        + human(seconds) + " (" + reason.code().replace('_', ' ') + ")"));
        return Optional.of(new Ended(row.id(), row.impersonatingUserId(), row.targetUserId(), row.targetCustomerId(),
                row.start(), at, seconds, reason));
    }

    private Instant timesOutAt(ImpersonationRecords.Row row) {
        Instant idle = row.lastActivity().plus(settings.impersonation().idleTimeout());
        Instant max = row.start().plus(settings.impersonation().maxDuration());
        return idle.isBefore(max) ? idle : max;
    }

    static String nameOf(UserAccount user) {
        String name = (user.getFirstName() + " " + user.getLastName()).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }

    private static String human(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min";
        }
        return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }
}
