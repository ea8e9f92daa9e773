package io.switchboard.identity.security;

import io.switchboard.identity.internal.SharedSecrets;
import io.switchboard.identity.internal.SignInState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Access tokens: HS256-signed JWTs with the claims {@code sub} (user id), {@code user_id}, {@code username},
 * {@code roles} (group ids), {@code token_version}, {@code iss}, {@code iat}, {@code exp}, {@code jti}.
 * Permissions are deliberately not in the token: they are read from the database on every request.
 */
@Component
public class AccessTokens {

    static final String ISSUER = "switchboard";
    static final String TOKEN_VERSION = "token_version";
    /** Impersonation tokens: the staff user acting ({@code impersonator_id}) and the log row ({@code impersonation_id}). */
    static final String IMPERSONATOR_ID = "impersonator_id";
    static final String IMPERSONATION_ID = "impersonation_id";

    private final SecretKey key;
    private final NimbusJwtEncoder encoder;
    private final SecuritySettings settings;

    AccessTokens(SecuritySettings settings, SharedSecrets secrets) {
        this.settings = settings;
        byte[] bytes = settings.jwtSecret() == null || settings.jwtSecret().isBlank()
                ? secrets.getOrCreate("jwt-hs256", 32)
                : settings.jwtSecret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    /** A signed token for this user, valid for the configured lifetime from {@code now}. */
    public String issue(SignInState user, Instant now) {
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(String.valueOf(user.userId()))
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTokenTtl()))
                .claim("user_id", user.userId())
                .claim("username", user.username())
                .claim("roles", user.groupIds().stream().sorted().toList())
                .claim(TOKEN_VERSION, user.tokenVersion())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    /**
     * A token of an impersonation session: the target's identity, plus {@code impersonator_id} and
     * {@code impersonation_id}; valid for {@code lifetime} (never longer than the impersonation idle timeout).
     */
    String issueImpersonation(SignInState target, long impersonatorId, long impersonationId, Instant now,
            java.time.Duration lifetime) {
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(String.valueOf(target.userId()))
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("user_id", target.userId())
                .claim("username", target.username())
                .claim("roles", target.groupIds().stream().sorted().toList())
                .claim(TOKEN_VERSION, target.tokenVersion())
                .claim(IMPERSONATOR_ID, impersonatorId)
                .claim(IMPERSONATION_ID, impersonationId)
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    public long lifetimeSeconds() {
        return settings.accessTokenTtl().toSeconds();
    }

    JwtDecoder decoder() {
        var decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(),
                new JwtIssuerValidator(ISSUER)));
        return decoder;
    }
}
