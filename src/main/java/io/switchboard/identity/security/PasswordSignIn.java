package io.switchboard.identity.security;

import io.switchboard.identity.internal.SignInState;
import io.switchboard.identity.internal.SignInStates;
import io.switchboard.identity.internal.UserAccount;
import io.switchboard.identity.internal.UserAccounts;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one sign-in pipeline, used by the web form and by {@code POST /crm/auth/login}: find the account by
 * e-mail or username, check the password, check the account may sign in, record the sign-in. Later steps
 * (lockout before the password check, a second factor after it) belong here, returning new outcomes.
 */
@Component
public class PasswordSignIn {

    /** What became of an attempt. */
    public sealed interface Outcome {
        /** Signed in; {@code passwordHash} is what the password was checked against (for remember-me). */
        record SignedIn(SignInState user, String passwordHash) implements Outcome {}

        /** Unknown account, wrong password, or an account that may not sign in: the caller cannot tell which. */
        record Refused() implements Outcome {}
    }

    private final UserAccounts users;
    private final SignInStates states;
    private final PasswordEncoder passwords;
    private volatile String decoyHash;

    PasswordSignIn(UserAccounts users, SignInStates states, PasswordEncoder passwords) {
        this.users = users;
        this.states = states;
        this.passwords = passwords;
    }

    @Transactional
    public Outcome attempt(String identifier, String password) {
        if (identifier == null || password == null || identifier.isBlank() || identifier.length() > 254) {
            return new Outcome.Refused();
        }
        Optional<UserAccount> found = users.findByEmail(identifier.trim())
                .or(() -> users.findByUsername(identifier.trim()));
        if (found.isEmpty() || found.get().getPasswordHash() == null) {
            // Spend the time a real check takes, so response times do not reveal which accounts exist.
            passwords.matches(password, decoyHash());
            return new Outcome.Refused();
        }
        UserAccount user = found.get();
        if (!passwords.matches(password, user.getPasswordHash()) || !user.canSignIn()) {
            return new Outcome.Refused();
        }
        if (passwords.upgradeEncoding(user.getPasswordHash())) {
            user.setPasswordHash(passwords.encode(password));
        }
        user.recordSignIn(Instant.now());
        users.flush();
        return new Outcome.SignedIn(states.find(user.getId()).orElseThrow(), user.getPasswordHash());
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = passwords.encode("decoy password for unknown accounts");
        }
        return decoyHash;
    }
}
