package io.switchboard.identity.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.identity.UserAdministration;
import io.switchboard.identity.security.ActorAuthentication;
import io.switchboard.identity.security.ApiSessions;
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

    AuthController(ApiSessions sessions, UserAdministration users) {
        this.sessions = sessions;
        this.users = users;
    }

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
                || (authentication instanceof ActorAuthentication token && token.method() == ActorAuthentication.Method.API_KEY)) {
            throw new AccessDeniedException("Only a user signed in with a token has a session to end or a password to change");
        }
        return actor.userId();
    }
}
