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
 * The principal of a web session, serialised into the session table. The principal, its authorities and its
 * {@link Actor} are rebuilt from the database on every request by {@link SessionActorFilter} (the session's copy
 * is not trusted for permissions), so role changes and disables take effect on the next click.
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
    private final Long customerId;
    private final java.util.HashSet<String> groupIds;
    private final List<GrantedAuthority> authorities;
    private transient Actor actor;
    /** While a staff user impersonates this user in a browser session: that staff user's id. */
    private final Long impersonatorId;

    SignedInUser(SignInState state, String passwordHash) {
        this(state, passwordHash, null);
    }

    /** The principal of an impersonated session: the target, with the impersonating staff user's id. */
    static SignedInUser impersonated(SignInState target, long impersonatorId) {
        return new SignedInUser(target, null, impersonatorId);
    }

    private SignedInUser(SignInState state, String passwordHash, Long impersonatorId) {
        this.impersonatorId = impersonatorId;
        this.userId = state.userId();
        this.username = state.username();
        this.password = passwordHash;
        this.enabled = state.active();
        this.customerUser = state.isCustomerUser();
        this.passwordChangeRequired = state.mustChangePassword();
        this.customerId = state.customerId();
        this.groupIds = new java.util.HashSet<>(state.groupIds());
        this.authorities = List.copyOf(ActorAuthentication.authorities(state.permissions()));
        this.actor = impersonatorId == null ? state.actor() : state.actorImpersonatedBy(impersonatorId);
    }

    /** The staff user impersonating this user in this session, or {@code null}. */
    public Long impersonatorId() {
        return impersonatorId;
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

    /**
     * The actor. Normally rebuilt from the database for the current request; a principal read straight from the
     * session (which {@link SessionActorFilter} replaces on every request) falls back to the stored copy.
     */
    @Override
    public Actor actor() {
        if (actor == null) {
            var permissions = authorities.stream().map(GrantedAuthority::getAuthority)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            actor = new Actor(userId, username, customerId, permissions, java.util.Set.copyOf(groupIds), impersonatorId);
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
