package io.switchboard.identity.security;

import io.switchboard.identity.SecondFactorRefused;
import io.switchboard.identity.SignInChallenges;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * The web sign-in's second step (A-AUTH-03..06). When the password step passes for a user with 2FA on, the
 * browser is not signed in: the challenge token goes into its still unauthenticated HTTP session (attribute
 * {@link #SESSION_ATTRIBUTE}) and it is sent to {@link #PAGE}. Every other page still sends it to sign in.
 * A correct code signs it in there and then: a new session id, remember-me if it was ticked on the password
 * step, and the usual landing page.
 */
@Component
public class WebSignInChallenge implements AuthenticationFailureHandler {

    /** The code page. */
    public static final String PAGE = "/login/2fa";
    /** The session attribute holding the challenge token (the token, not its hash; the session is server-side). */
    public static final String SESSION_ATTRIBUTE = "switchboard.two-factor.challenge";

    private final PasswordSignIn signIn;
    private final SignInChallenges challenges;
    private final PersistentTokenBasedRememberMeServices rememberMe;
    private final AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final LandingPage landing = new LandingPage();

    WebSignInChallenge(PasswordSignIn signIn, SignInChallenges challenges,
            PersistentTokenBasedRememberMeServices rememberMe) {
        this.signIn = signIn;
        this.challenges = challenges;
        this.rememberMe = rememberMe;
    }

    /** The form sign-in failed, or passed its password step only: on to the code page in the latter case. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, jakarta.servlet.ServletException {
        if (exception instanceof SecondFactorRequiredException required) {
            request.getSession(true).setAttribute(SESSION_ATTRIBUTE, required.challengeToken());
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        wrongPassword.onAuthenticationFailure(request, response, exception);
    }

    /** The challenge token of this browser, if it is between the two steps. */
    public Optional<String> token(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(SESSION_ATTRIBUTE));
    }

    /** The user this browser is signing in as, while its challenge is pending (not used up by asking). */
    public Optional<Long> pendingUser(HttpServletRequest request) {
        return token(request).flatMap(challenges::pendingUser);
    }

    /**
     * Passes the challenge with a code and signs the browser in, answering with the landing redirect.
     *
     * @throws SecondFactorRefused for a dead challenge or a wrong code
     * @throws io.switchboard.shared.InvalidInputException for a malformed code
     */
    public void complete(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        String token = token(request).orElseThrow(() -> new SecondFactorRefused("No sign-in is waiting for a code"));
        boolean remember = challenges.pendingUser(token).isPresent() && rememberRequested(token);
        var signedIn = signIn.completeSecondFactor(token, null, code);
        request.getSession().removeAttribute(SESSION_ATTRIBUTE);
        request.changeSessionId(); // session fixation: the signed-in session gets a new id
        new HttpSessionCsrfTokenRepository().saveToken(null, request, response); // and a new CSRF token
        var principal = new SignedInUser(signedIn.user(), signedIn.passwordHash());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        if (remember) {
            rememberMe.loginSuccess(new RememberMeRequested(request), response, authentication);
        }
        principal.eraseCredentials();
        landing.onAuthenticationSuccess(request, response, authentication);
    }

    /** Cancel (A-AUTH-06): the challenge ends; the browser goes back to the sign-in page. */
    public void cancel(HttpServletRequest request) {
        token(request).ifPresent(challenges::cancel);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_ATTRIBUTE);
        }
    }

    private boolean rememberRequested(String token) {
        return challenges.rememberMe(token);
    }

    /** The original request, with the remember-me box ticked (it was, on the password step). */
    private static final class RememberMeRequested extends HttpServletRequestWrapper {
        RememberMeRequested(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return SecurityConfiguration.REMEMBER_ME_PARAMETER.equals(name) ? "true" : super.getParameter(name);
        }
    }
}
