package io.switchboard.identity.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** The web form's sign-in: the same {@link PasswordSignIn} pipeline as the API. */
class SignInAuthenticationProvider implements AuthenticationProvider {

    private final PasswordSignIn signIn;

    SignInAuthenticationProvider(PasswordSignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        var outcome = signIn.attempt(authentication.getName(), password, rememberMeRequested());
        if (outcome instanceof PasswordSignIn.Outcome.SignedIn signedIn) {
            var principal = new SignedInUser(signedIn.user(), null);
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        }
        if (outcome instanceof PasswordSignIn.Outcome.SecondFactorRequired challenge) {
            throw new SecondFactorRequiredException(challenge.challengeToken());
        }
        throw new BadCredentialsException("Invalid email or password");
    }

    /** Whether the sign-in form's "remember me" box was ticked (kept with a 2FA challenge for after the code). */
    private static boolean rememberMeRequested() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            String value = attributes.getRequest().getParameter(SecurityConfiguration.REMEMBER_ME_PARAMETER);
            return value != null && (value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true")
                    || value.equalsIgnoreCase("yes") || value.equals("1"));
        }
        return false;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
