package io.switchboard.identity;

import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * Filters of a user search (C-USR-07). Empty lists do not filter. Without a {@code deleted} filter only
 * users that are not deleted are found.
 *
 * @param roles        role names or group ids; a user matches when holding any of them
 * @param emailDomains e-mail domains ({@code example.com}); a user matches any of them
 * @param deleted      {@code [true]} for deleted users only, {@code [true, false]} for both
 * @param enabled      {@code [true]} / {@code [false]} for active / disabled users
 * @param twoFactorEnabled {@code [true]} / {@code [false]} for users with / without 2FA on (C-2FA-09)
 */
public record UserSearch(@Nullable String text, List<String> roles, List<String> emailDomains, List<Boolean> deleted,
        List<Boolean> enabled, @Nullable Instant lastLoginAfter, @Nullable Instant lastLoginBefore,
        @Nullable Boolean neverLoggedIn, List<Boolean> twoFactorEnabled) {

    public UserSearch {
        roles = roles == null ? List.of() : List.copyOf(roles);
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
        deleted = deleted == null ? List.of() : List.copyOf(deleted);
        enabled = enabled == null ? List.of() : List.copyOf(enabled);
        twoFactorEnabled = twoFactorEnabled == null ? List.of() : List.copyOf(twoFactorEnabled);
    }

    /** Without the 2FA filter. */
    public UserSearch(@Nullable String text, List<String> roles, List<String> emailDomains, List<Boolean> deleted,
            List<Boolean> enabled, @Nullable Instant lastLoginAfter, @Nullable Instant lastLoginBefore,
            @Nullable Boolean neverLoggedIn) {
        this(text, roles, emailDomains, deleted, enabled, lastLoginAfter, lastLoginBefore, neverLoggedIn, List.of());
    }

    public static UserSearch text(@Nullable String text) {
        return new UserSearch(text, List.of(), List.of(), List.of(), List.of(), null, null, null);
    }
}
