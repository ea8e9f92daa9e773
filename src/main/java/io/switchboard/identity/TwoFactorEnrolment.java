package io.switchboard.identity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A new TOTP secret and backup codes, shown once (C-2FA-02): the Base32 secret, the {@code otpauth://} URI an
 * authenticator scans ({@code qr_code_url}), and the backup codes. 2FA is on only after a code confirms it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TwoFactorEnrolment(String totpSecret, String qrCodeUrl, List<String> backupCodes) {

    @Override
    public String toString() {
        return "TwoFactorEnrolment[secret and codes hidden]";
    }
}
