package io.switchboard.identity.security;

import io.switchboard.identity.internal.SignInState;
import io.switchboard.shared.Actor;
import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a web session. It is serialised into the session table, so it holds only ids and flags;
 * the {@link Actor} is rebuilt from the database on every request by {@link SessionActorFilter} (the session's
 * copy is never trusted for permissions), so role changes and disables take effect on the next click.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer, Actor.Holder, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long userId;
    private final String username;
    private String password;
    private final boolean enabled;
    private final boolean customerUser;
    private final boolean passwordChangeRequired;
    private final List<GrantedAuthority> authorities;
    private final transient Actor actor;

    SignedInUser(SignInState state, String passwordHash) {
        this.userId = state.userId();
        this.username = state.username();
        this.password = passwordHash;
        this.enabled = state.active();
        this.customerUser = state.isCustomerUser();
        this.passwordChangeRequired = state.mustChangePassword();
        this.authorities = List.copyOf(ActorAuthentication.authorities(state.permissions()));
        this.actor = state.actor();
    }

    public long userId() {
        return userId;
    }

    /** Customer users land on the portal, staff on the console. */
    public boolean customerUser() {
        return customerUser;
    }

    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    @Override
    public Actor actor() {
        if (actor == null) {
            throw new IllegalStateException("The actor of a session principal is rebuilt per request; "
                    + "this principal was read from the session without SessionActorFilter");
        }
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        password = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInUser user && user.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + userId + ", " + username + "]";
    }
}
