package io.switchboard.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.support.Authenticator;
import io.switchboard.support.SwitchboardIntegrationTest;
import io.switchboard.support.TestLogins;
import io.switchboard.support.TestLogins.TestUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@SwitchboardIntegrationTest
@SuppressWarnings("unchecked")
class TwoFactorApiIntegrationTests {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired TestRestTemplate http;
    @Autowired TestLogins logins;
    @Autowired JdbcClient jdbc;
    @Autowired TwoFactor twoFactor;
    @Autowired SignInChallenges challenges;

    /** Enrols {@code user} through the API with their own token; answers the enrolment. */
    Map<String, Object> enrol(TestUser user) {
        String token = logins.token(user);
        var enabled = post("/2fa/enable/user/" + user.id(), Map.of("password", user.password()), token);
        assertThat(enabled.getStatusCode().value()).isEqualTo(200);
        var authenticator = new Authenticator((String) enabled.getBody().get("totp_secret"));
        var verified = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", authenticator.now()), token);
        assertThat(verified.getStatusCode().value()).as("%s", verified.getBody()).isEqualTo(200);
        assertThat(verified.getBody()).containsEntry("verified", true);
        return enabled.getBody();
    }

    @Test
    void enrolThenSignInWithACodeFromAnIndependentAuthenticator() {
        var user = logins.withRoles("support");
        String token = logins.token(user);
        var enabled = post("/2fa/enable/user/" + user.id(), Map.of("password", user.password()), token);
        assertThat(enabled.getStatusCode().value()).isEqualTo(200);
        var body = enabled.getBody();
        String secret = (String) body.get("totp_secret");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat((String) body.get("qr_code_url")).isEqualTo("otpauth://totp/Switchboard:" + user.email()
                + "?secret=" + secret + "&issuer=Switchboard&algorithm=SHA1&digits=6&period=30");
        assertThat((List<String>) body.get("backup_codes")).hasSize(10).allMatch(c -> c.matches("[0-9a-f]{8}"))
                .doesNotHaveDuplicates();

        // not on until confirmed: the password alone still signs in
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
        assertThat(login(user).getBody()).containsKey("token");

        var authenticator = new Authenticator(secret);
        var wrong = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", otherThan(authenticator)), token);
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().toString()).contains("code");
        assertThat(twoFactor.isEnabled(user.id())).isFalse();

        var verified = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", authenticator.now()), token);
        assertThat(verified.getBody()).containsEntry("verified", true);
        assertThat(twoFactor.isEnabled(user.id())).isTrue();

        // the password step now yields only a challenge
        var first = login(user);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody()).containsEntry("two_factor_required", true)
                .containsEntry("user_id", (int) user.id()).containsEntry("expires_in", 300)
                .doesNotContainKeys("token", "access_token", "refresh_token");
        String challenge = (String) first.getBody().get("challenge_token");

        var second = post("/2fa/verify/user/" + user.id(), Map.of("code", authenticator.next(),
                "challenge_token", challenge), null);
        assertThat(second.getStatusCode().value()).as("%s", second.getBody()).isEqualTo(200);
        assertThat(second.getBody()).containsKeys("token", "refresh_token", "user", "permissions");
        assertThat(get("/2fa/status/user/" + user.id(), (String) second.getBody().get("token")).getBody())
                .containsEntry("enabled", true).containsEntry("backup_codes_remaining", 10);

        // the challenge is used up
        var again = post("/2fa/verify/user/" + user.id(), Map.of("code", authenticator.now(),
                "challenge_token", challenge), null);
        assertThat(again.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void secretsAreStoredEncryptedAndNeverInTheActivityLog() {
        var user = logins.withRoles("support");
        var enrolment = enrol(user);
        String secret = (String) enrolment.get("totp_secret");
        byte[] stored = jdbc.sql("SELECT totp_secret FROM users WHERE id = :id").param("id", user.id())
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(stored).isNotEqualTo(new org.apache.commons.codec.binary.Base32().decode(secret));
        var hashes = jdbc.sql("SELECT code_hash FROM two_factor_backup_codes WHERE user_id = :id")
                .param("id", user.id()).query(String.class).list();
        assertThat(hashes).hasSize(10).doesNotContainAnyElementsOf((List<String>) enrolment.get("backup_codes"));
        String log = activityOf(user);
        assertThat(log).contains("TWO_FACTOR_ENABLED").doesNotContain(secret);
        for (String code : (List<String>) enrolment.get("backup_codes")) {
            assertThat(log).doesNotContain(code);
        }
        // the status shows no secret
        assertThat(get("/2fa/status/user/" + user.id(), logins.token(user)).getBody().toString())
                .doesNotContain(secret);
    }

    @Test
    void selfOrAdminOnlyOthersGet403AndUnknownUsers404() {
        var user = logins.withRoles("support");
        var other = logins.withRoles("support");
        var admin = logins.withRoles("admin");
        String otherToken = logins.token(other);
        assertThat(post("/2fa/enable/user/" + user.id(), Map.of("password", other.password()), otherToken)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(get("/2fa/status/user/" + user.id(), otherToken).getStatusCode().value()).isEqualTo(403);
        assertThat(post("/2fa/backup-codes/regenerate/user/" + user.id(), Map.of(), otherToken)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(post("/2fa/admin/disable/user/" + user.id(), Map.of(), otherToken).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("/2fa/verify-setup/user/" + user.id(), Map.of("code", "123456"), otherToken)
                .getStatusCode().value()).isEqualTo(403);
        // unknown user: 404 for an admin, 403 for others (nothing revealed)
        String adminToken = logins.token(admin);
        assertThat(get("/2fa/status/user/999999999", adminToken).getStatusCode().value()).isEqualTo(404);
        assertThat(post("/2fa/enable/user/999999999", Map.of(), adminToken).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/2fa/status/user/999999999", otherToken).getStatusCode().value()).isEqualTo(403);
        // without any sign-in
        assertThat(post("/2fa/enable/user/" + user.id(), Map.of("password", user.password()), null)
                .getStatusCode().value()).isEqualTo(401);
        // an admin enrols someone else without a password, and sees the status
        var enabled = post("/2fa/enable/user/" + user.id(), Map.of(), adminToken);
        assertThat(enabled.getStatusCode().value()).isEqualTo(200);
        assertThat(get("/2fa/status/user/" + user.id(), adminToken).getBody()).containsEntry("enabled", false)
                .containsEntry("setup_pending", true);
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
    }

    @Test
    void badInputIsA400NamingTheFieldAndChangesNothing() {
        var user = logins.withRoles("support");
        String token = logins.token(user);
        var noPassword = post("/2fa/enable/user/" + user.id(), Map.of(), token);
        assertThat(noPassword.getStatusCode().value()).isEqualTo(400);
        assertThat(noPassword.getBody().toString()).contains("password");
        var wrongPassword = post("/2fa/enable/user/" + user.id(), Map.of("password", "Wrong-Passw0rd!"), token);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongPassword.getBody().toString()).contains("password");
        assertThat(get("/2fa/status/user/" + user.id(), token).getBody()).containsEntry("setup_pending", false);
        assertThat(jdbc.sql("SELECT count(*) FROM two_factor_backup_codes WHERE user_id = :id").param("id", user.id())
                .query(Integer.class).single()).isZero();

        // verify-setup with nothing pending: 409; malformed code: 400 on code
        assertThat(post("/2fa/verify-setup/user/" + user.id(), Map.of("code", "123456"), token).getStatusCode().value())
                .isEqualTo(409);
        post("/2fa/enable/user/" + user.id(), Map.of("password", user.password()), token);
        for (Object bad : List.of("12345", "abcdef", "1234567", "")) {
            var response = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", bad), token);
            assertThat(response.getStatusCode().value()).isEqualTo(400);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(response.getBody().toString()).contains("code");
        }
        var tooLong = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", "1".repeat(100)), token);
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
        // regenerate without 2FA on: 409
        assertThat(post("/2fa/backup-codes/regenerate/user/" + user.id(), Map.of(), token).getStatusCode().value())
                .isEqualTo(409);
        // a malformed second step: 400 on code, and on challenge_token when it is missing
        var verifyNoChallenge = post("/2fa/verify/user/" + user.id(), Map.of("code", "123456"), null);
        assertThat(verifyNoChallenge.getStatusCode().value()).isEqualTo(400);
        assertThat(verifyNoChallenge.getBody().toString()).contains("challenge_token");
    }

    @Test
    void enablingTwiceIsAConflict() {
        var user = logins.withRoles("support");
        enrol(user);
        var again = post("/2fa/enable/user/" + user.id(), Map.of("password", user.password()), logins.token(user));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void aCodeIsAcceptedOnceOnly() {
        var user = logins.withRoles("support");
        var authenticator = new Authenticator((String) enrol(user).get("totp_secret"));
        String code = authenticator.next();
        assertThat(twoFactor.verifyTotp(user.id(), code)).isTrue();
        assertThat(twoFactor.verifyTotp(user.id(), code)).as("replay").isFalse();
        // the enrolment's code (the current step, before the one just used) is refused too
        assertThat(twoFactor.verifyTotp(user.id(), authenticator.now())).isFalse();
        // and at sign-in
        String challenge = (String) login(user).getBody().get("challenge_token");
        var replay = post("/2fa/verify/user/" + user.id(), Map.of("code", code, "challenge_token", challenge), null);
        assertThat(replay.getStatusCode().value()).isEqualTo(401);
        assertThat(replay.getBody()).doesNotContainKey("token");
    }

    @Test
    void backupCodesSignInOnceAndRegeneratingKillsTheOldOnes() {
        var user = logins.withRoles("support");
        var codes = (List<String>) enrol(user).get("backup_codes");
        String challenge = (String) login(user).getBody().get("challenge_token");
        var signedIn = post("/2fa/verify/user/" + user.id(), Map.of("code", codes.get(0).toUpperCase(),
                "challenge_token", challenge), null);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(200);
        assertThat(signedIn.getBody()).containsKey("token");
        String token = (String) signedIn.getBody().get("token");
        assertThat(get("/2fa/status/user/" + user.id(), token).getBody()).containsEntry("backup_codes_remaining", 9);
        assertThat(activityOf(user)).contains("BACKUP_CODE_USED").doesNotContain(codes.get(0));

        String second = (String) login(user).getBody().get("challenge_token");
        assertThat(post("/2fa/verify/user/" + user.id(), Map.of("code", codes.get(0), "challenge_token", second), null)
                .getStatusCode().value()).as("a used backup code").isEqualTo(401);

        var regenerated = post("/2fa/backup-codes/regenerate/user/" + user.id(), Map.of(), token);
        assertThat(regenerated.getStatusCode().value()).isEqualTo(200);
        var fresh = (List<String>) regenerated.getBody().get("backup_codes");
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(codes);
        assertThat(post("/2fa/verify/user/" + user.id(), Map.of("code", codes.get(1), "challenge_token", second), null)
                .getStatusCode().value()).as("an old code after regeneration").isEqualTo(401);
        assertThat(post("/2fa/verify/user/" + user.id(), Map.of("code", fresh.get(0), "challenge_token", second), null)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(activityOf(user)).contains("BACKUP_CODES_REGENERATED");
        for (String code : fresh) {
            assertThat(activityOf(user)).doesNotContain(code);
        }
    }

    @Test
    void theChallengeDiesAfterFiveWrongCodesAndWhenExpired() {
        var user = logins.withRoles("support");
        var authenticator = new Authenticator((String) enrol(user).get("totp_secret"));
        String challenge = (String) login(user).getBody().get("challenge_token");
        assertThat(challenges.pendingUser(challenge)).contains(user.id());
        for (int i = 0; i < 5; i++) {
            assertThat(post("/2fa/verify/user/" + user.id(), Map.of("code", otherThan(authenticator),
                    "challenge_token", challenge), null).getStatusCode().value()).isEqualTo(401);
        }
        assertThat(challenges.pendingUser(challenge)).isEmpty();
        var dead = post("/2fa/verify/user/" + user.id(), Map.of("code", authenticator.next(),
                "challenge_token", challenge), null);
        assertThat(dead.getStatusCode().value()).isEqualTo(401);
        assertThat(dead.getBody()).doesNotContainKey("token");
        // wrong codes count towards the lockout like wrong passwords: five of them lock the account, so fresh
        // challenges do not give unlimited guesses to someone who knows the password
        assertThat(login(user).getStatusCode().value()).isEqualTo(401);
        jdbc.sql("UPDATE users SET locked_until = NULL, failed_sign_ins = 0 WHERE id = :id").param("id", user.id()).update();

        String expired = (String) login(user).getBody().get("challenge_token");
        jdbc.sql("UPDATE sign_in_challenges SET expires_at = now() - interval '1 second' WHERE token_hash = :hash")
                .param("hash", io.switchboard.identity.internal.Secrets.sha256(expired)).update();
        assertThat(challenges.pendingUser(expired)).isEmpty();
        assertThat(post("/2fa/verify/user/" + user.id(), Map.of("code", authenticator.next(),
                "challenge_token", expired), null).getStatusCode().value()).isEqualTo(401);
        // another user's id with this user's challenge is refused
        String fresh = (String) login(user).getBody().get("challenge_token");
        var other = logins.withRoles("support");
        assertThat(post("/2fa/verify/user/" + other.id(), Map.of("code", authenticator.next(),
                "challenge_token", fresh), null).getStatusCode().value()).isEqualTo(401);
        // a wrong password gives no challenge at all
        var wrong = post("/crm/auth/login", Map.of("email", user.email(), "password", "Wrong-Passw0rd!"), null);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getBody()).doesNotContainKey("challenge_token");
    }

    @Test
    void apiKeysCannotUseTheChallengeOrManage2fa() {
        var user = logins.withRoles("admin");
        enrol(user);
        String challenge = (String) login(user).getBody().get("challenge_token");
        String apiKey = createApiKey(user);
        var headers = headers(null);
        headers.set("X-API-KEY", apiKey);
        var verify = http.exchange("/2fa/verify/user/" + user.id(), HttpMethod.POST,
                new HttpEntity<>(Map.of("code", "123456", "challenge_token", challenge), headers), JSON);
        assertThat(verify.getStatusCode().value()).isEqualTo(403);
        var status = http.exchange("/2fa/status/user/" + user.id(), HttpMethod.GET, new HttpEntity<>(headers), JSON);
        assertThat(status.getStatusCode().value()).isEqualTo(403);
        var disable = http.exchange("/2fa/admin/disable/user/" + user.id(), HttpMethod.POST,
                new HttpEntity<>(Map.of(), headers), JSON);
        assertThat(disable.getStatusCode().value()).isEqualTo(403);
        assertThat(twoFactor.isEnabled(user.id())).isTrue();
        assertThat(challenges.pendingUser(challenge)).contains(user.id());
    }

    @Test
    void adminResetTurns2faOffAndThePasswordAloneSignsInAgain() {
        var user = logins.withRoles("support");
        enrol(user);
        var support = logins.withRoles("support");
        assertThat(post("/2fa/admin/disable/user/" + user.id(), Map.of(), logins.token(support)).getStatusCode().value())
                .isEqualTo(403);
        var resetter = logins.withPermissions(TwoFactor.RESET_PERMISSION);
        var reset = post("/2fa/admin/disable/user/" + user.id(), Map.of(), logins.token(resetter));
        assertThat(reset.getStatusCode().value()).isEqualTo(200);
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
        assertThat(jdbc.sql("SELECT totp_secret IS NULL AND totp_pending_secret IS NULL FROM users WHERE id = :id")
                .param("id", user.id()).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM two_factor_backup_codes WHERE user_id = :id").param("id", user.id())
                .query(Integer.class).single()).isZero();
        assertThat(login(user).getBody()).containsKey("token").doesNotContainKey("challenge_token");
        assertThat(post("/2fa/admin/disable/user/" + user.id(), Map.of(), logins.token(resetter)).getStatusCode().value())
                .as("nothing to reset").isEqualTo(409);
        var log = jdbc.sql("""
                        SELECT summary FROM activity_log WHERE entity_type = 'user' AND entity_id = :id
                        AND action = 'TWO_FACTOR_RESET'""")
                .param("id", String.valueOf(user.id())).query(String.class).list();
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).contains(user.username()).contains("127.0.0.1");
    }

    @Test
    void aNewDeviceWithABackupCodeAtTheChallengeStep() {
        var user = logins.withRoles("support");
        var enrolment = enrol(user);
        var codes = (List<String>) enrolment.get("backup_codes");
        String challenge = (String) login(user).getBody().get("challenge_token");
        var wrong = post("/2fa/reset-for-new-device/user/" + user.id(), Map.of("backup_code", "00000000",
                "challenge_token", challenge), null);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        var malformed = post("/2fa/reset-for-new-device/user/" + user.id(), Map.of("backup_code", "xyz",
                "challenge_token", challenge), null);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody().toString()).contains("backup_code");

        var reset = post("/2fa/reset-for-new-device/user/" + user.id(), Map.of("backup_code", codes.get(3),
                "challenge_token", challenge), null);
        assertThat(reset.getStatusCode().value()).isEqualTo(200);
        String newSecret = (String) reset.getBody().get("totp_secret");
        assertThat(newSecret).isNotEqualTo(enrolment.get("totp_secret"));
        assertThat((List<String>) reset.getBody().get("backup_codes")).hasSize(10).doesNotContainAnyElementsOf(codes);
        var device = new Authenticator(newSecret);
        var confirmed = post("/2fa/verify-setup/user/" + user.id(), Map.of("code", device.now(),
                "challenge_token", challenge), null);
        assertThat(confirmed.getStatusCode().value()).as("%s", confirmed.getBody()).isEqualTo(200);
        var signedIn = post("/2fa/verify/user/" + user.id(), Map.of("code", device.next(),
                "challenge_token", challenge), null);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(200);
        assertThat(signedIn.getBody()).containsKey("refresh_token");
        assertThat(activityOf(user)).contains("TWO_FACTOR_NEW_DEVICE", "TWO_FACTOR_DEVICE_CHANGED")
                .doesNotContain(newSecret);
    }

    @Test
    void roleRequirementLimitsTheTokenToEnrolmentUntilDone() {
        var operator = logins.withRoles("broadcast-operator");
        var login = login(operator);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody()).containsEntry("two_factor_enrolment_required", true).containsKey("token");
        String token = (String) login.getBody().get("token");
        var elsewhere = get("/auth/users/" + operator.id(), token);
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(403);
        assertThat(elsewhere.getBody().get("type").toString()).endsWith("two-factor-enrolment-required");
        assertThat(get("/2fa/status/user/" + operator.id(), token).getBody())
                .containsEntry("required_by_policy", true).containsEntry("enabled", false);
        var enabled = post("/2fa/enable/user/" + operator.id(), Map.of("password", operator.password()), token);
        assertThat(enabled.getStatusCode().value()).isEqualTo(200);
        var authenticator = new Authenticator((String) enabled.getBody().get("totp_secret"));
        assertThat(post("/2fa/verify-setup/user/" + operator.id(), Map.of("code", authenticator.now()), token)
                .getStatusCode().value()).isEqualTo(200);
        // the same token now opens everything its permissions allow (here: 403 for a non-admin, but not the enrolment one)
        var after = get("/crm/health", token);
        assertThat(after.getStatusCode().value()).isEqualTo(200);
        var users = get("/auth/users/" + operator.id(), token);
        assertThat(String.valueOf(users.getBody().get("type"))).doesNotContain("two-factor-enrolment-required");
        // required: cannot turn it off themselves
        var disable = post("/2fa/disable/user/" + operator.id(), Map.of("password", operator.password(),
                "code", authenticator.next()), token);
        assertThat(disable.getStatusCode().value()).isEqualTo(409);
        // customers are never forced, even with a required role
        var customer = logins.withRoles("customer", "broadcast-operator");
        assertThat(login(customer).getBody()).containsEntry("two_factor_enrolment_required", false);
    }

    @Test
    void roleAdministrationEditsTheRequirement() {
        var admin = logins.withRoles("admin");
        String token = logins.token(admin);
        var role = post("/auth/roles", Map.of("name", "2fa role " + admin.username()), token);
        long roleId = ((Number) role.getBody().get("id")).longValue();
        assertThat(role.getBody()).containsEntry("two_factor_required", false);
        var updated = http.exchange("/auth/roles/" + roleId, HttpMethod.PUT,
                new HttpEntity<>(Map.of("two_factor_required", true), headers(token)), JSON);
        assertThat(updated.getBody()).containsEntry("two_factor_required", true);
        var holder = logins.withRoles((String) role.getBody().get("group_id"));
        assertThat(twoFactor.enrolmentRequired(holder.id())).isTrue();
        assertThat(twoFactor.requiredByPolicy(holder.id())).isTrue();
    }

    @Test
    void usersCanBeFilteredBy2fa() {
        var admin = logins.withRoles("admin");
        var with = logins.withRoles("support");
        enrol(with);
        var without = logins.withRoles("support");
        String token = logins.token(admin);
        var on = get("/auth/users/search?per_page=100&search=" + with.username()
                + "&filters={filters}", token, "{\"two_factor_enabled\":[true]}");
        assertThat(on.getBody().toString()).contains(with.username());
        var off = get("/auth/users/search?per_page=100&search=" + with.username()
                + "&filters={filters}", token, "{\"two_factor_enabled\":[false]}");
        assertThat(off.getBody().toString()).doesNotContain(with.username());
        var offOther = get("/auth/users/search?per_page=100&search=" + without.username()
                + "&filters={filters}", token, "{\"two_factor_enabled\":[false]}");
        assertThat(offOther.getBody().toString()).contains(without.username()).contains("two_factor_enabled=false");
    }

    @Test
    void usersTurnTheirOwn2faOffWithPasswordAndCode() {
        var user = logins.withRoles("support");
        var authenticator = new Authenticator((String) enrol(user).get("totp_secret"));
        String token = logins.token(user);
        var noCode = post("/2fa/disable/user/" + user.id(), Map.of("password", user.password(), "code", "000000"), token);
        assertThat(noCode.getStatusCode().value()).isEqualTo(400);
        assertThat(twoFactor.isEnabled(user.id())).isTrue();
        var off = post("/2fa/disable/user/" + user.id(), Map.of("password", user.password(),
                "code", authenticator.next()), token);
        assertThat(off.getStatusCode().value()).isEqualTo(200);
        assertThat(twoFactor.isEnabled(user.id())).isFalse();
        assertThat(activityOf(user)).contains("TWO_FACTOR_DISABLED");
    }

    String createApiKey(TestUser owner) {
        var created = post("/crm/api-keys", Map.of("name", "2fa key " + owner.username(), "permissions", List.of("admin")), logins.token(owner));
        return (String) created.getBody().get("api_key");
    }

    // ---- helpers ----

    String activityOf(TestUser user) {
        return String.join("\n", jdbc.sql("""
                        SELECT action || ' ' || summary || ' ' || changes::text FROM activity_log
                        WHERE entity_type = 'user' AND entity_id = :id ORDER BY id""")
                .param("id", String.valueOf(user.id())).query(String.class).list());
    }

    static String otherThan(Authenticator authenticator) {
        var valid = List.of(authenticator.previous(), authenticator.now(), authenticator.next());
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", (Integer.parseInt(authenticator.now()) + 500_000 + i) % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    ResponseEntity<Map<String, Object>> login(TestUser user) {
        return post("/crm/auth/login", Map.of("email", user.email(), "password", user.password()), null);
    }

    ResponseEntity<Map<String, Object>> post(String path, Object body, String token) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(token)), JSON);
    }

    ResponseEntity<Map<String, Object>> get(String path, String token, Object... variables) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers(token)), JSON, variables);
    }

    static HttpHeaders headers(String token) {
        var headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    static Map<String, Object> map(Object... keyValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
