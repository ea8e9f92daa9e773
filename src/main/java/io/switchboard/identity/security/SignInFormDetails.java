package io.switchboard.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The sign-in form's details: the client address and whether "remember me" was ticked (kept with a 2FA challenge). */
class SignInFormDetails extends WebAuthenticationDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final boolean rememberMe;

    SignInFormDetails(HttpServletRequest request) {
        super(request);
        String value = request.getParameter(SecurityConfiguration.REMEMBER_ME_PARAMETER);
        this.rememberMe = value != null && (value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true")
                || value.equalsIgnoreCase("yes") || value.equals("1"));
    }

    boolean rememberMe() {
        return rememberMe;
    }
}
