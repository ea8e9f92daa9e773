package io.switchboard.identity.security;

import io.switchboard.identity.internal.RefreshTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes refresh tokens and remember-me tokens that can no longer be used. Kept a day past expiry so a late
 * reuse of a rotated refresh token is still recognised as reuse. Idempotent deletes: nodes running it at the
 * same time do no harm.
 */
@Component
class ExpiredCredentialsJanitor {

    private static final Logger log = LoggerFactory.getLogger(ExpiredCredentialsJanitor.class);
    private static final Duration GRACE = Duration.ofDays(1);

    private final RefreshTokens refreshTokens;
    private final JdbcClient jdbc;
    private final SecuritySettings settings;

    ExpiredCredentialsJanitor(RefreshTokens refreshTokens, JdbcClient jdbc, SecuritySettings settings) {
        this.refreshTokens = refreshTokens;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Scheduled(cron = "0 17 3 * * *")
    @Transactional
    public void deleteExpired() {
        Instant now = Instant.now();
        int tokens = refreshTokens.deleteExpiredBefore(now.minus(GRACE));
        int rememberMe = jdbc.sql("DELETE FROM persistent_logins WHERE last_used < :before")
                .param("before", Timestamp.from(now.minus(settings.rememberMeTtl()).minus(GRACE))).update();
        if (tokens + rememberMe > 0) {
            log.info("Deleted {} expired refresh tokens and {} expired remember-me tokens", tokens, rememberMe);
        }
    }
}
