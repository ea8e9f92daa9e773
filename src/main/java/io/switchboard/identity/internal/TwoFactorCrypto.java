package io.switchboard.identity.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption of TOTP secrets at rest (AES-256-GCM, A-2FA-12) and the keyed hash of backup codes
 * (HMAC-SHA256), with the key {@code switchboard.security.encryption-key} ({@code SWITCHBOARD_ENCRYPTION_KEY},
 * base64 of 32 bytes). Without one configured, a key is generated once and kept in the database with the other
 * shared secrets, and the start-up banner says so: in production, configure the key (and keep it out of the
 * database backups' reach).
 */
@Component
public class TwoFactorCrypto implements io.switchboard.shared.StartupNotes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final boolean generated;

    TwoFactorCrypto(@Value("${switchboard.security.encryption-key:}") String configured, SharedSecrets secrets) {
        byte[] bytes;
        if (configured == null || configured.isBlank()) {
            bytes = secrets.getOrCreate("two-factor-aes256", 32);
            generated = true;
        } else {
            try {
                bytes = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("switchboard.security.encryption-key (SWITCHBOARD_ENCRYPTION_KEY) "
                        + "must be base64", e);
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException("switchboard.security.encryption-key (SWITCHBOARD_ENCRYPTION_KEY) "
                        + "must be 32 bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
            }
            generated = false;
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** nonce (12 bytes) followed by the ciphertext and tag. */
    public byte[] encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] box) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
            return cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A TOTP secret could not be decrypted: was the encryption key changed?", e);
        }
    }

    /** HMAC-SHA256 of {@code value} under the key, as 64 hex characters. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String title() {
        return "Two-factor authentication";
    }

    @Override
    public List<String> lines() {
        return generated ? List.of("TOTP secrets are encrypted with a key generated and kept in the database;",
                "in production set SWITCHBOARD_ENCRYPTION_KEY (base64 of 32 random bytes: openssl rand -base64 32).")
                : List.of();
    }
}
