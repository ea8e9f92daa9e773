package io.switchboard.identity.security;

import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.UserAccounts;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads accounts by username for remember-me sign-in. Deliberately not a bean: as a bean Spring Security would
 * build a second password check around it, bypassing {@link PasswordSignIn}.
 */
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts users;
    private final SignInStates states;

    AccountDetailsService(UserAccounts users, SignInStates states) {
        this.users = users;
        this.states = states;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        var state = states.find(user.getId()).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new SignedInUser(state, user.getPasswordHash() == null ? "" : user.getPasswordHash());
    }
}
