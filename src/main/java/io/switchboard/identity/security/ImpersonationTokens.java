package io.switchboard.identity.security;

import io.switchboard.identity.internal.ImpersonationRecords;
import io.switchboard.identity.internal.RefreshToken;
import io.switchboard.identity.internal.RefreshTokens;
import io.switchboard.identity.internal.Role;
import io.switchboard.identity.internal.Secrets;
import io.switchboard.identity.internal.SignInState;
import io.switchboard.identity.internal.UserAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Token pairs of an impersonation session: the target's identity and permissions (exactly, not a union with the
 * staff user's), an access token that names the impersonator and lives no longer than the idle timeout, and a
 * refresh token bound to the impersonation that expires when the impersonation reaches its maximum duration.
 */
@Component
class ImpersonationTokens {

    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final UserAccounts users;
    private final SecuritySettings settings;

    ImpersonationTokens(AccessTokens accessTokens, RefreshTokens refreshTokens, UserAccounts users,
            SecuritySettings settings) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.settings = settings;
    }

    /** The pair, as the refresh endpoint answers it. */
    SignInResponse issue(ImpersonationRecords.Row impersonation, SignInState target, UUID family) {
        Instant now = Instant.now();
        Duration lifetime = accessLifetime();
        String access = accessTokens.issueImpersonation(target, impersonation.impersonatingUserId(), impersonation.id(),
                now, lifetime);
        String refresh = Secrets.random(32);
        Instant refreshEnd = now.plus(settings.refreshTokenTtl());
        Instant maxEnd = impersonation.start().plus(settings.impersonation().maxDuration());
        refreshTokens.save(RefreshToken.forImpersonation(target.userId(), family, Secrets.sha256(refresh), now,
                refreshEnd.isBefore(maxEnd) ? refreshEnd : maxEnd, impersonation.id()));
        var account = users.findById(target.userId()).orElseThrow();
        var roles = account.getRoles().stream().map(Role::getName).sorted(Comparator.naturalOrder()).toList();
        return new SignInResponse(access, access, refresh, "Bearer", lifetime.toSeconds(),
                new SignInResponse.User(account.getId(), account.getUsername(), account.getEmail(),
                        account.getFirstName(), account.getLastName()),
                roles, target.permissions().stream().sorted().toList(), false, false);
    }

    /** The access token lifetime: the configured one, but never longer than the impersonation idle timeout. */
    Duration accessLifetime() {
        Duration idle = settings.impersonation().idleTimeout();
        return settings.accessTokenTtl().compareTo(idle) < 0 ? settings.accessTokenTtl() : idle;
    }
}
