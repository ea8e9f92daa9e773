package io.switchboard.identity.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.identity.internal.ImpersonationRecords;
import io.switchboard.identity.security.ActorAuthentication;
import io.switchboard.identity.security.ImpersonationRefusedException;
import io.switchboard.identity.security.Impersonations;
import io.switchboard.shared.ApiPage;
import io.switchboard.shared.InvalidInputException;
import io.switchboard.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Impersonation over the API (B-IMP-04, B-IMP-07, B-IMP-09, C-IMP-02): start, stop, and the log. Served under
 * {@code /auth} as the guide writes it and under {@code /crm/auth}.
 */
@RestController
@Tag(name = "Impersonation", description = "Staff with can_impersonate act as a customer user; every action is audited")
class ImpersonationController {

    private final Impersonations impersonations;

    ImpersonationController(Impersonations impersonations) {
        this.impersonations = impersonations;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ImpersonateRequest(@NotNull @Positive Long userId) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ImpersonateResponse(boolean success, long impersonatingUserId, long targetUserId,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant impersonationStart, long impersonationId,
            String accessToken, String refreshToken, String tokenType, long expiresIn, List<String> permissions) {
        @Override
        public String toString() {
            return "ImpersonateResponse[tokens hidden]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record StopResponse(boolean success, long impersonationId,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant impersonationEnd, long durationSeconds,
            String accessToken, String refreshToken, String tokenType, long expiresIn) {
        @Override
        public String toString() {
            return "StopResponse[tokens hidden]";
        }
    }

    @Operation(summary = "Start impersonating a customer user: returns a token pair of that user, naming you as "
            + "impersonator", description = "Needs can_impersonate or admin. The target must be an active customer "
            + "user (not staff, not an administrator, not a service account, not yourself). Starting another "
            + "impersonation ends your previous one.")
    @PostMapping({"/auth/impersonate", "/crm/auth/impersonate"})
    ImpersonateResponse impersonate(@Valid @RequestBody ImpersonateRequest request, Authentication authentication,
            HttpServletRequest http) {
        if (authentication instanceof ActorAuthentication token && token.method() == ActorAuthentication.Method.API_KEY) {
            throw new ImpersonationRefusedException(null, "Impersonation needs a signed-in user, not an API key");
        }
        var start = impersonations.startWithTokens(request.userId(), http.getRemoteAddr(),
                http.getHeader(HttpHeaders.USER_AGENT));
        var tokens = start.tokens();
        return new ImpersonateResponse(true, start.started().impersonatingUserId(), start.started().targetUserId(),
                start.started().start(), start.started().impersonationId(), tokens.accessToken(), tokens.refreshToken(),
                tokens.tokenType(), tokens.expiresIn(), tokens.permissions());
    }

    @Operation(summary = "Stop impersonating (no body): the impersonation tokens die and you get a fresh token pair "
            + "of your own")
    @PostMapping({"/auth/stop_impersonation", "/crm/auth/stop_impersonation"})
    StopResponse stop() {
        var stop = impersonations.stopWithTokens();
        return new StopResponse(true, stop.ended().impersonationId(), stop.ended().end(), stop.ended().durationSeconds(),
                stop.tokens().accessToken(), stop.tokens().refreshToken(), stop.tokens().tokenType(),
                stop.tokens().expiresIn());
    }

    @Operation(summary = "The impersonation log, newest first", description = "Needs view_impersonation_log or admin. "
            + "user_id matches the impersonator or the target; start_date/end_date (ISO date or date-time; a date "
            + "end is inclusive) bound the start; min_duration in seconds; paged with page and per_page.")
    @GetMapping({"/auth/impersonation_logs", "/crm/auth/impersonation_logs"})
    ApiPage<Impersonations.LogEntry> log(@RequestParam(name = "user_id", required = false) Long userId,
            @RequestParam(name = "impersonating_user_id", required = false) Long impersonatingUserId,
            @RequestParam(name = "target_user_id", required = false) Long targetUserId,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "min_duration", required = false) Integer minDuration,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        if (minDuration != null && minDuration < 0) {
            throw InvalidInputException.of("min_duration", "must be 0 or more (seconds)");
        }
        Instant from = instant("start_date", startDate, false);
        Instant to = instant("end_date", endDate, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidInputException.of("end_date", "must be after start_date");
        }
        var query = PageQuery.of(page, perPage, null, null, null);
        var filter = new ImpersonationRecords.Filter(userId, impersonatingUserId, targetUserId, from, to, minDuration);
        return ApiPage.of(impersonations.log(filter, query), e -> e);
    }

    /** A 403 that names the field at fault, like the 400s of invalid input. */
    @ExceptionHandler(ImpersonationRefusedException.class)
    ProblemDetail refused(ImpersonationRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(URI.create("https://switchboard.local/problems/impersonation-refused"));
        problem.setTitle("Impersonation refused");
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "reason", e.getMessage())));
        }
        return problem;
    }

    /** An ISO date (a whole day; as an end, inclusive) or date-time; blank is no bound. */
    @Nullable
    static Instant instant(String field, @Nullable String text, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException again) {
                throw InvalidInputException.of(field, "must be an ISO-8601 date (2026-11-23) or date-time "
                        + "(2026-11-23T10:00:00Z)");
            }
        }
    }
}
