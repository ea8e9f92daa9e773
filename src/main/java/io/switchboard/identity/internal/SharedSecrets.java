package io.switchboard.identity.internal;

import java.security.SecureRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random keys generated once and kept in the database, so every node of a cluster signs and checks with the
 * same key and a restart keeps tokens valid. The first node to ask creates the key; the others read it.
 */
@Component
public class SharedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    SharedSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] getOrCreate(String name, int bytes) {
        byte[] candidate = new byte[bytes];
        RANDOM.nextBytes(candidate);
        jdbc.sql("INSERT INTO identity_secrets (name, secret) VALUES (:name, :secret) ON CONFLICT (name) DO NOTHING")
                .param("name", name).param("secret", candidate).update();
        return jdbc.sql("SELECT secret FROM identity_secrets WHERE name = :name")
                .param("name", name).query(byte[].class).single();
    }
}
