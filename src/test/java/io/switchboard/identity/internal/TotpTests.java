package io.switchboard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Authenticator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTests {

    /** RFC 6238 Appendix B: the SHA1 key is "12345678901234567890", codes are 8 digits. */
    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc6238AppendixBVectorsForSha1() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59L)), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109L)), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111L)), 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890L)), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000L)), 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
    }

    @Test
    void sixDigitCodesAgreeWithAnIndependentImplementation() {
        byte[] secret = TwoFactorCrypto.randomBytes(20);
        var authenticator = new Authenticator(Base32.encode(secret));
        for (long t = 1_700_000_000L; t < 1_700_000_000L + 30 * 50; t += 30) {
            Instant at = Instant.ofEpochSecond(t);
            assertThat(Totp.code(secret, Totp.step(at))).isEqualTo(authenticator.codeAt(at));
        }
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSideButNotFurther() {
        byte[] secret = TwoFactorCrypto.randomBytes(20);
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now, null)).hasValue(step);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, null)).hasValue(step - 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now, null)).hasValue(step + 1);
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 2), now, null)).isEmpty();
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now, null)).isEmpty();
    }

    @Test
    void aStepAcceptedOnceIsRefusedAfterwardsAndSoAreEarlierOnes() {
        byte[] secret = TwoFactorCrypto.randomBytes(20);
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = Totp.step(now);
        String code = Totp.code(secret, step);
        assertThat(Totp.matchingStep(secret, code, now, step)).isEmpty();           // replay
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now, step)).isEmpty(); // older
        assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now, step)).hasValue(step + 1);
    }

    @Test
    void malformedCodesNeverMatch() {
        byte[] secret = TwoFactorCrypto.randomBytes(20);
        Instant now = Instant.now();
        for (String code : new String[] {null, "", "12345", "1234567", "12a456", " 123456"}) {
            assertThat(Totp.matchingStep(secret, code, now, null)).isEmpty();
        }
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("MZXW6YTBOI"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        byte[] random = TwoFactorCrypto.randomBytes(20);
        assertThat(Base32.decode(Base32.encode(random))).isEqualTo(random);
        assertThat(Base32.encode(random)).hasSize(32);
    }
}
