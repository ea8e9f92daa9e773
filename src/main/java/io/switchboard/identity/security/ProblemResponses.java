package io.switchboard.identity.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * The API chain's refusals as RFC 9457 problem documents: 401 with a {@code WWW-Authenticate} challenge when
 * the caller is not (or no longer) authenticated, 403 when authenticated but not allowed.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String TYPE_BASE = "https://switchboard.local/problems/";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String challenge = "Bearer realm=\"switchboard\"";
        String detail = "Sign in (Authorization: Bearer <token>) or send an API key (X-API-KEY)";
        if (e instanceof InvalidBearerTokenException || e instanceof ApiKeyAuthenticationFilter.InvalidApiKeyException) {
            detail = e.getMessage();
            if (e instanceof InvalidBearerTokenException) {
                challenge += ", error=\"invalid_token\", error_description=\"" + e.getMessage().replace('"', '\'') + "\"";
            }
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ActorAuthentication actor && actor.passwordChangeRequired()) {
            write(request, response, HttpStatus.FORBIDDEN, "password-change-required", "Password change required",
                    "Your password is temporary: change it with POST /auth/change_password before anything else");
            return;
        }
        if (authentication instanceof ActorAuthentication actor && actor.twoFactorEnrolmentRequired()) {
            write(request, response, HttpStatus.FORBIDDEN, "two-factor-enrolment-required",
                    "Two-factor enrolment required", "Your account requires two-factor authentication: set it up "
                            + "with POST /2fa/enable/user/{id} and /2fa/verify-setup/user/{id} before anything else");
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You do not have the permission this action needs");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String title,
            String detail) throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
