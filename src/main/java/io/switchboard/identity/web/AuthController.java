package io.switchboard.identity.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.identity.AccountSessions;
import io.switchboard.identity.EmailChanges;
import io.switchboard.identity.PasswordResets;
import io.switchboard.identity.SessionInfo;
import io.switchboard.identity.UserAdministration;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import io.switchboard.identity.security.ActorAuthentication;
import io.switchboard.identity.security.ApiSessions;
import io.switchboard.identity.security.Impersonations;
import io.switchboard.identity.security.LoginResult;
import io.switchboard.identity.security.SignInResponse;
import io.switchboard.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token sign-in for the API (A-API-03/04, W-API-1): login, refresh, logout, and changing one's own password
 * (C-PWD-05). Served under {@code /crm/auth} and, as the guide's Swagger labels them, under {@code /auth}.
 */
@RestController
@Tag(name = "Authentication")
class AuthController {

    private final ApiSessions sessions;
    private final UserAdministration users;
    private final PasswordResets resets;
    private final EmailChanges emailChanges;
    private final AccountSessions accountSessions;
    private final Impersonations impersonations;

    AuthController(ApiSessions sessions, UserAdministration users, PasswordResets resets, EmailChanges emailChanges,
            AccountSessions accountSessions, Impersonations impersonations) {
        this.sessions = sessions;
        this.users = users;
        this.resets = resets;
        this.emailChanges = emailChanges;
        this.accountSessions = accountSessions;
        this.impersonations = impersonations;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ForgotPasswordRequest(@NotBlank @Size(max = 254) String email) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ResetPasswordRequest(@NotBlank @Size(max = 200) String token, @NotNull @Size(max = 1000) String newPassword) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChangeEmailRequest(@NotBlank @Size(max = 254) String newEmail, @NotNull @Size(max = 1000) String password) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {}

    /** The one answer to every well-formed reset request, whether or not an account has the address. */
    static final String RESET_REQUESTED = "If an account uses this address, a password reset link has been sent to it";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1000) String password) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LogoutRequest(@Size(max = 200) String refreshToken) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChangePasswordRequest(@NotNull @Size(max = 1000) String currentPassword,
            @NotNull @Size(max = 1000) String newPassword) {}

    @Operation(summary = "Sign in with e-mail (or username) and password; returns an access token and a refresh token, "
            + "or, for a user with 2FA on, only a challenge for POST /2fa/verify/user/{user_id}")
    @PostMapping({"/crm/auth/login", "/auth/login"})
    LoginResult login(@Valid @RequestBody LoginRequest request) {
        return sessions.signIn(request.email(), request.password());
    }

    @Operation(summary = "Exchange a refresh token (used once) for a new token pair")
    @PostMapping({"/crm/auth/refresh", "/auth/refresh"})
    SignInResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    @Operation(summary = "Sign out: every access token of the user dies; the given refresh token's family "
            + "(or, without one, every refresh token) is revoked")
    @PostMapping({"/crm/auth/logout", "/auth/logout"})
    ResponseEntity<Void> logout(@Valid @RequestBody(required = false) LogoutRequest request, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor && actor.impersonatorId() != null) {
            // signing out of an impersonation ends it; the impersonated user's own tokens stay untouched
            impersonations.endFor(actor, Impersonations.EndReason.SIGNED_OUT);
            return ResponseEntity.noContent().build();
        }
        sessions.signOut(userOf(authentication), request == null ? null : request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Change one's own password; returns a fresh token pair (all earlier tokens are revoked)")
    @PostMapping({"/auth/change_password", "/crm/auth/change_password"})
    SignInResponse changePassword(@Valid @RequestBody ChangePasswordRequest request, Authentication authentication) {
        long userId = userOf(authentication);
        users.changeOwnPassword(request.currentPassword(), request.newPassword());
        return sessions.issueFor(userId);
    }

    @Operation(summary = "Ask for a password reset link (C-PWD-03). Always the same 202 answer, whether or not an "
            + "account has the address; only an active account is e-mailed, at most once a minute and 5 times an hour")
    @PostMapping({"/auth/forgot_password", "/crm/auth/forgot_password"})
    ResponseEntity<Map<String, String>> forgotPassword(@Valid @RequestBody ForgotPasswordRequest request) {
        resets.requestReset(request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("result", "success", "message", RESET_REQUESTED));
    }

    @Operation(summary = "Set a new password with the token of a reset link (single use, 1 hour); signs the user out "
            + "everywhere. An invalid, expired or used token is a 400 naming token")
    @PostMapping({"/auth/reset_password", "/crm/auth/reset_password"})
    Map<String, String> resetPassword(@Valid @RequestBody ResetPasswordRequest request) {
        resets.reset(request.token(), request.newPassword());
        return Map.of("result", "success", "message", "Password has been reset successfully");
    }

    @Operation(summary = "Ask to change one's own sign-in e-mail: a verification link goes to the new address, "
            + "and the old one stays in use until it is followed")
    @PostMapping({"/auth/change_email", "/crm/auth/change_email"})
    ResponseEntity<Map<String, String>> changeEmail(@Valid @RequestBody ChangeEmailRequest request,
            Authentication authentication) {
        userOf(authentication);
        var pending = emailChanges.request(request.newEmail(), request.password());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("result", "success", "pending_email",
                pending.newEmail(), "message", "Follow the link sent to the new address to confirm it"));
    }

    @Operation(summary = "Confirm a new e-mail address with the token of its verification link (no sign-in needed)")
    @PostMapping({"/auth/verify_email", "/crm/auth/verify_email"})
    Map<String, String> verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
        return Map.of("result", "success", "email", emailChanges.confirm(request.token()));
    }

    @Operation(summary = "The signed-in user's sessions: web sessions, remembered browsers and API token families")
    @GetMapping({"/crm/auth/sessions", "/auth/sessions"})
    List<SessionInfo> mySessions(Authentication authentication) {
        userOf(authentication);
        return accountSessions.mine();
    }

    @Operation(summary = "End one of the signed-in user's sessions")
    @DeleteMapping({"/crm/auth/sessions/{id}", "/auth/sessions/{id}"})
    ResponseEntity<Void> endSession(@PathVariable String id, Authentication authentication) {
        userOf(authentication);
        accountSessions.end(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(BadCredentialsException.class)
    ResponseEntity<ProblemDetail> badCredentials(BadCredentialsException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(URI.create("https://switchboard.local/problems/unauthorized"));
        problem.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"").body(problem);
    }

    private static long userOf(Authentication authentication) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        Actor actor = principal instanceof Actor a ? a : principal instanceof Actor.Holder h ? h.actor() : null;
        if (actor == null || actor.userId() == null
                || (authentication instanceof ActorAuthentication token && token.method() != ActorAuthentication.Method.ACCESS_TOKEN)) {
            throw new AccessDeniedException("Only a user signed in with a token has a session to end or a password to change");
        }
        return actor.userId();
    }
}
