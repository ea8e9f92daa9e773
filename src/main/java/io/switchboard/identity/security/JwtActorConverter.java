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
    private final Impersonations impersonations;
    private final TwoFactor twoFactor;

    JwtActorConverter(SignInStates states, Impersonations impersonations, TwoFactor twoFactor) {
        this.states = states;
        this.impersonations = impersonations;
        this.twoFactor = twoFactor;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (jwt.hasClaim(AccessTokens.IMPERSONATION_ID)) {
            return impersonation(jwt);
        }
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

    /**
     * An impersonation token is good while its impersonation is open (not stopped, not timed out) and both the
     * staff user and the target may still take part; the target's own sign-outs do not end it.
     */
    private AbstractAuthenticationToken impersonation(Jwt jwt) {
        long userId;
        long impersonatorId;
        long impersonationId;
        try {
            userId = Long.parseLong(jwt.getSubject());
            impersonatorId = ((Number) jwt.getClaim(AccessTokens.IMPERSONATOR_ID)).longValue();
            impersonationId = ((Number) jwt.getClaim(AccessTokens.IMPERSONATION_ID)).longValue();
        } catch (RuntimeException e) {
            throw new InvalidBearerTokenException("The token is not a Switchboard access token");
        }
        var session = impersonations.verify(impersonationId, impersonatorId, userId)
                .orElseThrow(() -> new InvalidBearerTokenException("The impersonation has ended"));
        return new ActorAuthentication(session.actor(), ActorAuthentication.Method.ACCESS_TOKEN, false);
    }
}
