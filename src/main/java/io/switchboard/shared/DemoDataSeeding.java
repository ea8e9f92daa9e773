package io.switchboard.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one piece of the quick start's demo data ({@code switchboard.demo-data=true}) once per installation, however
 * many nodes start together: in one transaction that holds a PostgreSQL advisory lock named after the piece, and
 * only when {@code alreadyThere} says it is not there yet. Modules seed through their own public API inside it.
 */
@Component
public class DemoDataSeeding {

    private final boolean enabled;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    public DemoDataSeeding(@Value("${switchboard.demo-data:true}") boolean enabled, TransactionTemplate transactions,
            JdbcClient jdbc) {
        this.enabled = enabled;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /**
     * Seeds {@code piece} with {@code seed} unless demo data is off or {@code alreadyThere} (asked under the lock).
     *
     * @return whether {@code seed} ran
     */
    public boolean once(String piece, BooleanSupplier alreadyThere, Runnable seed) {
        if (!enabled) {
            return false;
        }
        Boolean ran = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", lockKey(piece)).query(Object.class).single();
            if (alreadyThere.getAsBoolean()) {
                return false;
            }
            seed.run();
            return true;
        });
        return Boolean.TRUE.equals(ran);
    }

    /** A stable 64-bit advisory-lock key for a piece's name. */
    static long lockKey(String piece) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("switchboard demo data: " + piece).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = (key << 8) | (digest[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
