package io.switchboard.identity.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.identity.SecondFactorRefused;
import io.switchboard.identity.SignInChallenges;
import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.TwoFactorEnrolment;
import io.switchboard.identity.TwoFactorStatus;
import io.switchboard.identity.security.ActorAuthentication;
import io.switchboard.identity.security.ApiSessions;
import io.switchboard.identity.security.SignInResponse;
import io.switchboard.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 2FA API (A-2FA-13..16, C-2FA-02..08): enrolment, the sign-in's second step, backup codes, a new device,
 * the admin reset and the status. Users act on themselves, admins on anyone; the sign-in step and a new device
 * at that step take the {@code challenge_token} of {@code POST /crm/auth/login} instead of a token.
 */
@RestController
@Tag(name = "Two-factor authentication")
class TwoFactorController {

    private final TwoFactor twoFactor;
    private final SignInChallenges challenges;
    private final ApiSessions sessions;

    TwoFactorController(TwoFactor twoFactor, SignInChallenges challenges, ApiSessions sessions) {
        this.twoFactor = twoFactor;
        this.challenges = challenges;
        this.sessions = sessions;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EnableRequest(@Size(max = 1000) String password) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CodeRequest(@Size(max = 40) String code, @Size(max = 200) String challengeToken) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record NewDeviceRequest(@Size(max = 40) String backupCode, @Size(max = 200) String challengeToken) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DisableRequest(@Size(max = 1000) String password, @Size(max = 40) String code) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record BackupCodes(List<String> backupCodes) {}

    @Operation(summary = "Start enrolment: a new TOTP secret, its otpauth:// URI and 10 backup codes, shown once; "
            + "2FA is on only after verify-setup. Users confirm their own password; admins enrolling others give none")
    @PostMapping("/2fa/enable/user/{userId}")
    TwoFactorEnrolment enable(@PathVariable long userId, @Valid @RequestBody(required = false) EnableRequest request) {
        return twoFactor.enable(userId, request == null ? null : request.password());
    }

    @Operation(summary = "Confirm enrolment (or a new device) with a current 6-digit code; with a challenge_token "
            + "instead of a sign-in at the sign-in step")
    @PostMapping("/2fa/verify-setup/user/{userId}")
    Map<String, Boolean> verifySetup(@PathVariable long userId, @Valid @RequestBody CodeRequest request,
            Authentication authentication) {
        if (signedInUser(authentication)) {
            twoFactor.verifySetup(userId, request.code());
        } else {
            challenges.verifySetup(requireChallenge(request.challengeToken()), userId, request.code());
        }
        return Map.of("verified", true);
    }

    @Operation(summary = "The second step of a sign-in: the challenge_token of /crm/auth/login and a 6-digit TOTP "
            + "code or an 8-character backup code (used up); returns the token pair like /crm/auth/login")
    @PostMapping("/2fa/verify/user/{userId}")
    SignInResponse verify(@PathVariable long userId, @Valid @RequestBody CodeRequest request,
            Authentication authentication) {
        refuseApiKeys(authentication);
        return sessions.completeSecondFactor(userId, requireChallenge(request.challengeToken()), request.code());
    }

    @Operation(summary = "New backup codes (the old ones stop working), shown once")
    @PostMapping("/2fa/backup-codes/regenerate/user/{userId}")
    BackupCodes regenerate(@PathVariable long userId) {
        return new BackupCodes(twoFactor.regenerateBackupCodes(userId));
    }

    @Operation(summary = "New device: a backup code (used up) proves the user; returns a new secret and backup codes, "
            + "on after verify-setup. Signed in, or with the challenge_token of the sign-in step")
    @PostMapping("/2fa/reset-for-new-device/user/{userId}")
    TwoFactorEnrolment resetForNewDevice(@PathVariable long userId, @Valid @RequestBody NewDeviceRequest request,
            Authentication authentication) {
        if (signedInUser(authentication)) {
            return twoFactor.resetForNewDevice(userId, request.backupCode());
        }
        refuseApiKeys(authentication);
        return challenges.resetForNewDevice(requireChallenge(request.challengeToken()), userId, request.backupCode());
    }

    @Operation(summary = "Admin reset: turn a user's 2FA off (secret and backup codes deleted); needs admin or reset_user_2fa")
    @PostMapping("/2fa/admin/disable/user/{userId}")
    Map<String, Boolean> adminDisable(@PathVariable long userId) {
        twoFactor.adminDisable(userId);
        return Map.of("two_factor_enabled", false);
    }

    @Operation(summary = "Turn one's own 2FA off with the password and a code, unless policy requires it")
    @PostMapping("/2fa/disable/user/{userId}")
    Map<String, Boolean> disableOwn(@PathVariable long userId, @Valid @RequestBody DisableRequest request,
            Authentication authentication) {
        if (!(authentication != null && authentication.getPrincipal() instanceof io.switchboard.shared.Actor actor
                && actor.userId() != null && actor.userId() == userId)) {
            throw new AccessDeniedException("Users turn off only their own 2FA; admins use /2fa/admin/disable");
        }
        twoFactor.disableOwn(request.password(), request.code());
        return Map.of("two_factor_enabled", false);
    }

    @Operation(summary = "2FA status: enabled, since when, unused backup codes, required by policy, setup pending")
    @GetMapping("/2fa/status/user/{userId}")
    TwoFactorStatus status(@PathVariable long userId) {
        return twoFactor.status(userId);
    }

    @ExceptionHandler(SecondFactorRefused.class)
    ResponseEntity<ProblemDetail> refused(SecondFactorRefused e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(URI.create("https://switchboard.local/problems/second-factor-refused"));
        problem.setTitle("Second factor refused");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"").body(problem);
    }

    private static String requireChallenge(String token) {
        if (token == null || token.isBlank()) {
            throw InvalidInputException.of("challenge_token", "is required: the challenge_token of POST /crm/auth/login");
        }
        return token;
    }

    /** A user signed in with a token (not an API key, not anonymous). */
    private static boolean signedInUser(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return false;
        }
        refuseApiKeys(authentication);
        return true;
    }

    private static void refuseApiKeys(Authentication authentication) {
        if (authentication instanceof ActorAuthentication token && token.method() == ActorAuthentication.Method.API_KEY) {
            throw new AccessDeniedException("API keys cannot take part in two-factor authentication");
        }
    }
}
