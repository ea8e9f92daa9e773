package io.switchboard.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.activity.ActivityLog;
import io.switchboard.identity.Directory;
import io.switchboard.identity.ServiceAccounts;
import io.switchboard.support.SwitchboardIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

@SwitchboardIntegrationTest
class IdentitySeedingIntegrationTests {

    @Autowired UserAccounts users;
    @Autowired Roles roles;
    @Autowired PasswordEncoder passwords;
    @Autowired AdminAccountProperties admin;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ActivityLog activity;
    @Autowired Directory directory;
    @Autowired ServiceAccounts serviceAccounts;

    @Test
    void demoDataAddsOneSignInPerStaffRoleOnceOnly() {
        var seeding = new IdentitySeeding(users, roles, passwords, admin, true, transactions, jdbc, activity);
        seeding.run(null);
        seeding.run(null);
        for (String[] demo : IdentitySeeding.DEMO_USERS) {
            assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e").param("e", demo[0] + "@demo.switchboard")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(directory.checkPassword(demo[0], IdentitySeeding.DEMO_PASSWORD)).isTrue();
            assertThat(directory.findUserByUsername(demo[0]).orElseThrow().groupIds()).containsExactly(demo[1]);
        }
        assertThat(directory.checkPassword("care", "Not-The-Password1!")).isFalse();
    }

    @Test
    void theAutomationAccountExistsAndCannotSignIn() {
        var automation = serviceAccounts.automation();
        assertThat(automation.username()).isEqualTo("automation");
        assertThat(automation.userId()).isNotNull();
        assertThat(directory.findUser(automation.userId()).orElseThrow().active()).isFalse();
        assertThat(directory.checkPassword("automation", "")).isFalse();
    }
}
