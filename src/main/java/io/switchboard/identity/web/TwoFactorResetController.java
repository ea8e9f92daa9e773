package io.switchboard.identity.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.identity.TwoFactorResetRequest;
import io.switchboard.identity.TwoFactorResets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lost-device 2FA reset request of the API (A-2FA-17..19): at the sign-in's second step, a user with neither
 * their authenticator nor a backup code asks for a reset with the {@code challenge_token} of
 * {@code POST /crm/auth/login}. Support then verifies their identity and an admin approves (the 2FA reset process).
 */
@RestController
@Tag(name = "Two-factor authentication")
class TwoFactorResetController {

    private final TwoFactorResets resets;

    TwoFactorResetController(TwoFactorResets resets) {
        this.resets = resets;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ResetRequestBody(@Size(max = 200) String challengeToken, @Size(max = TwoFactorResets.MAX_REASON) String reason,
            @Size(max = 40) String contactPhone) {
        @Override
        public String toString() {
            return "ResetRequestBody[challenge hidden]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OnBehalfRequestBody(@Size(max = TwoFactorResets.MAX_REASON) String reason, @Size(max = 40) String contactPhone) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ResetRequestAccepted(long requestId, long userId, String status, Instant createdAt, String message) {}

    @Operation(summary = "Lost device and backup codes: ask for a 2FA reset at the sign-in challenge "
            + "(support verifies your identity, an admin approves; you are emailed). Body: challenge_token, reason, "
            + "optional contact_phone. 409 when 2FA is off or a request is already open.")
    @PostMapping("/2fa/reset-request/user/{user_id}")
    ResponseEntity<ResetRequestAccepted> request(@PathVariable("user_id") long id, @Valid @RequestBody ResetRequestBody body) {
        TwoFactorResetRequest request = resets.requestWithChallenge(id, body.challengeToken(), body.reason(),
                body.contactPhone());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ResetRequestAccepted(request.id(), request.userId(),
                request.status().name(), request.createdAt(),
                "Your request was received. Support will contact you to verify your identity."));
    }

    @Operation(summary = "Staff file a 2FA reset request on behalf of a caller who lost device and backup codes "
            + "(same process: support verifies, an admin approves; the filer may do neither). Needs "
            + "request_user_2fa_reset or admin. Body: reason, optional contact_phone. 400 for oneself; 409 when 2FA "
            + "is off or a request is already open.")
    @PostMapping("/2fa/reset-request/on-behalf/user/{user_id}")
    @PreAuthorize("hasAuthority('" + TwoFactorResets.ON_BEHALF_PERMISSION + "') or hasAuthority('admin')")
    ResponseEntity<ResetRequestAccepted> requestOnBehalf(@PathVariable("user_id") long id,
            @Valid @RequestBody OnBehalfRequestBody body) {
        TwoFactorResetRequest request = resets.requestOnBehalf(id, body.reason(), body.contactPhone());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ResetRequestAccepted(request.id(), request.userId(),
                request.status().name(), request.createdAt(),
                "The request was filed. Support will contact the user to verify their identity; the user is emailed."));
    }
}
