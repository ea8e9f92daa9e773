package io.switchboard.identity.security;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The answer of {@code POST /crm/auth/login} and {@code /crm/auth/refresh} (A-API-03): the access token
 * ({@code token}, also as {@code access_token}), the refresh token, the user, role names and effective
 * permissions. With {@code password_change_required} the token is good only for changing the password and
 * signing out. With {@code two_factor_enrolment_required} (2FA required by policy but not set up) it is good
 * only for the {@code /2fa} enrolment endpoints ({@code enable}, {@code verify-setup}, {@code status}) and signing out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SignInResponse(String token, String accessToken, String refreshToken, String tokenType,
        long expiresIn, User user, List<String> roles, List<String> permissions, boolean passwordChangeRequired,
        boolean twoFactorEnrolmentRequired) implements LoginResult {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record User(long id, String username, String email, String firstName, String lastName) {}
}
