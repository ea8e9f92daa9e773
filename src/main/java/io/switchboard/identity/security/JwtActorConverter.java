package io.switchboard.identity.security;

import io.switchboard.identity.TwoFactor;
import io.switchboard.identity.internal.SignInState;
import io.switchboard.identity.internal.SignInStates;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a valid JWT into the request's {@link ActorAuthentication}, checking the user against the database:
 * a deleted or disabled user, or a token from before the user's last sign-out everywhere (its
 * {@code token_version} is behind), is refused at once even though the signature is fine.
 */
@Component
class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SignInStates states;
    private final TwoFactor twoFactor;

    JwtActorConverter(SignInStates states, TwoFactor twoFactor) {
        this.states = states;
        this.twoFactor = twoFactor;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        long userId;
        int version;
        try {
            userId = Long.parseLong(jwt.getSubject());
            Number claim = jwt.getClaim(AccessTokens.TOKEN_VERSION);
            version = claim.intValue();
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("The token is not a Switchboard access token");
        }
        SignInState user = states.find(userId)
                .filter(SignInState::active)
                .filter(state -> state.tokenVersion() == version)
                .orElseThrow(() -> new InvalidBearerTokenException("The token has been revoked"));
        return new ActorAuthentication(user.actor(), ActorAuthentication.Method.ACCESS_TOKEN,
                user.mustChangePassword(), !user.isCustomerUser() && twoFactor.enrolmentRequired(userId));
    }
}
