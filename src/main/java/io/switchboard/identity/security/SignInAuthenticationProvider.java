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
        boolean rememberMe = authentication.getDetails() instanceof SignInFormDetails details && details.rememberMe();
        var outcome = signIn.attempt(authentication.getName(), password, rememberMe);
        if (outcome instanceof PasswordSignIn.Outcome.SignedIn signedIn) {
            var principal = new SignedInUser(signedIn.user(), null);
            return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        }
        if (outcome instanceof PasswordSignIn.Outcome.SecondFactorRequired challenge) {
            throw new SecondFactorRequiredException(challenge.challengeToken());
        }
        throw new BadCredentialsException("Invalid email or password");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
