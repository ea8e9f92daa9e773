package io.switchboard.identity.security;

import io.switchboard.shared.Actor;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API request's authentication: the principal is the {@link Actor}, the authorities are exactly its
 * effective permission names.
 */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    /** How the request proved who it is. */
    public enum Method {
        ACCESS_TOKEN, API_KEY,
        /** No credentials: a request from an allow-listed network, as the {@code ip-allow-list} service account. */
        IP_ALLOW_LIST
    }

    private final Actor actor;
    private final Method method;
    private final boolean passwordChangeRequired;
    private final boolean twoFactorEnrolmentRequired;

    public ActorAuthentication(Actor actor, Method method, boolean passwordChangeRequired) {
        this(actor, method, passwordChangeRequired, false);
    }

    public ActorAuthentication(Actor actor, Method method, boolean passwordChangeRequired,
            boolean twoFactorEnrolmentRequired) {
        super(authorities(actor.permissions()));
        this.actor = actor;
        this.method = method;
        this.passwordChangeRequired = passwordChangeRequired;
        this.twoFactorEnrolmentRequired = twoFactorEnrolmentRequired;
        setAuthenticated(true);
    }

    /** 2FA is required of the user but not set up: only the /2fa enrolment endpoints and signing out are allowed. */
    public boolean twoFactorEnrolmentRequired() {
        return twoFactorEnrolmentRequired;
    }

    public static Collection<GrantedAuthority> authorities(Set<String> permissions) {
        return permissions.stream().sorted().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return actor.username();
    }

    public Method method() {
        return method;
    }

    /** A user signed in with a temporary password: only changing it and signing out are allowed. */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }
}
