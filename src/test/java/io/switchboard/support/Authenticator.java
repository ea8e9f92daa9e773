package io.switchboard.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * An authenticator app for tests: computes TOTP codes from an enrolment's Base32 secret with an independent
 * implementation (java-otp, Base32 from commons-codec), not with Switchboard's own code.
 */
public final class Authenticator {

    private final SecretKeySpec key;
    private final TimeBasedOneTimePasswordGenerator totp =
            new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, "HmacSHA1");

    public Authenticator(String base32Secret) {
        this.key = new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1");
    }

    /** The code at {@code at}. */
    public String codeAt(Instant at) {
        try {
            return String.format("%06d", totp.generateOneTimePassword(key, at));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code now. */
    public String now() {
        return codeAt(Instant.now());
    }

    /** The code of the next 30-second step (accepted now: ±1 step of drift). */
    public String next() {
        return codeAt(Instant.now().plusSeconds(30));
    }

    /** The code of the previous step. */
    public String previous() {
        return codeAt(Instant.now().minusSeconds(30));
    }
}
