package io.switchboard.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@SwitchboardIntegrationTest
class ExpiredCredentialsJanitorIntegrationTests {

    @Autowired ExpiredCredentialsJanitor janitor;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;

    @Test
    void deletesOnlyCredentialsPastTheirLifetime() {
        var user = logins.withRoles("support");
        String expired = UUID.randomUUID().toString().replace("-", "");
        String valid = UUID.randomUUID().toString().replace("-", "");
        insertRefreshToken(user.id(), expired, "now() - interval '3 days'");
        insertRefreshToken(user.id(), valid, "now() + interval '3 days'");
        jdbc.sql("INSERT INTO persistent_logins (username, series, token, last_used) VALUES (:u, :s, 't', now() - interval '40 days')")
                .param("u", user.username()).param("s", "old-" + expired).update();
        jdbc.sql("INSERT INTO persistent_logins (username, series, token, last_used) VALUES (:u, :s, 't', now())")
                .param("u", user.username()).param("s", "new-" + valid).update();

        janitor.deleteExpired();

        assertThat(count("SELECT count(*) FROM refresh_tokens WHERE token_hash = :h", expired)).isZero();
        assertThat(count("SELECT count(*) FROM refresh_tokens WHERE token_hash = :h", valid)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM persistent_logins WHERE series = :h", "old-" + expired)).isZero();
        assertThat(count("SELECT count(*) FROM persistent_logins WHERE series = :h", "new-" + valid)).isEqualTo(1);
    }

    private void insertRefreshToken(long userId, String hash, String expiresAt) {
        jdbc.sql("INSERT INTO refresh_tokens (user_id, family_id, token_hash, issued_at, expires_at) "
                        + "VALUES (:u, gen_random_uuid(), :h, now() - interval '20 days', " + expiresAt + ")")
                .param("u", userId).param("h", hash).update();
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("h", value).query(Long.class).single();
    }
}
