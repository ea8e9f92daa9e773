package io.switchboard.identity.internal;

import io.switchboard.activity.ActivityLog;
import io.switchboard.activity.ActivityRecord;
import io.switchboard.identity.PasswordPolicy;
import io.switchboard.identity.ServiceAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Start-up accounts: the {@code automation} service account, the first administrator when no active user holds
 * {@code admin}, and (with {@code switchboard.demo-data}) one demo user per staff role. Runs under an advisory
 * lock, so nodes starting together create each account once. Logs the demo sign-ins whose password is still the
 * documented default.
 */
@Component
@Order(0)
class IdentitySeeding implements ApplicationRunner {

    static final String DEMO_ADMIN_PASSWORD = "Admin123!";
    static final String DEMO_PASSWORD = "Demo123!";
    static final String DEMO_DOMAIN = "demo.switchboard";
    private static final long LOCK_KEY = 0x5357_5345_4544L; // "SWSEED"
    private static final Logger log = LoggerFactory.getLogger(IdentitySeeding.class);

    /** Demo staff accounts: local part of the e-mail (also the username), role group id, names. */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"care", "customer-care", "Carla", "Care"},
            new String[] {"support", "support", "Sam", "Support"},
            new String[] {"coordinator", "coordinator", "Cora", "Coordinator"},
            new String[] {"supervisor", "supervisor", "Sven", "Supervisor"},
            new String[] {"finance", "finance", "Fiona", "Finance"},
            new String[] {"broadcast", "broadcast-operator", "Bruno", "Broadcast"},
            new String[] {"approver", "broadcast-approver", "Ada", "Approver"});

    private final UserAccounts users;
    private final Roles roles;
    private final PasswordEncoder passwords;
    private final AdminAccountProperties admin;
    private final boolean demoData;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ActivityLog activity;

    IdentitySeeding(UserAccounts users, Roles roles, PasswordEncoder passwords, AdminAccountProperties admin,
            @Value("${switchboard.demo-data:true}") boolean demoData, TransactionTemplate transactions, JdbcClient jdbc,
            ActivityLog activity) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.admin = admin;
        this.demoData = demoData;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.activity = activity;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(Object.class).single();
            ensureAutomationAccount();
            ensureAdmin();
            if (demoData) {
                DEMO_USERS.forEach(this::ensureDemoUser);
            }
        });
        logDemoSignIns();
    }

    private void ensureAutomationAccount() {
        if (users.findByUsername(ServiceAccounts.AUTOMATION).isEmpty()) {
            var account = users.save(UserAccount.serviceAccount(ServiceAccounts.AUTOMATION,
                    "automation@service.switchboard.invalid", "Automation", Instant.now()));
            users.flush();
            activity.record(ActivityRecord.of("user", account.getId(), null, "CREATED",
                    "Created the automation service account"));
        }
    }

    private void ensureAdmin() {
        if (users.countActiveAdmins() > 0) {
            return;
        }
        String email = admin.email().trim();
        String password = blank(admin.password()) ? DEMO_ADMIN_PASSWORD : admin.password();
        PasswordPolicy.check("SWITCHBOARD_ADMIN_PASSWORD", password);
        Role adminRole = roles.findByGroupId("admin").orElseThrow();
        Instant now = Instant.now();
        var existing = users.findByEmail(email);
        UserAccount user;
        if (existing.isPresent()) {
            user = existing.get();
            user.restore(now);
            user.setEnabled(true);
            if (!blank(admin.password()) || user.getPasswordHash() == null) {
                user.setPasswordHash(passwords.encode(password));
            }
            log.warn("No active administrator: gave {} back the admin role and enabled it", user.getUsername());
        } else {
            String username = users.findByUsername(localPart(email)).isPresent() ? email : localPart(email);
            user = new UserAccount(username, email, "Administrator", "(first admin)", now);
            user.setPasswordHash(passwords.encode(password));
            log.info("Created the first administrator {} ({})", username, email);
        }
        user.getRoles().add(adminRole);
        users.saveAndFlush(user);
        activity.record(ActivityRecord.of("user", user.getId(), null, "CREATED",
                "Start-up: made " + user.getUsername() + " the first administrator"));
        if (blank(admin.password())) {
            log.warn("The first administrator {} has the DEMO password {}: set SWITCHBOARD_ADMIN_PASSWORD (or change it "
                    + "after signing in) before anyone else can reach this server", user.getUsername(), DEMO_ADMIN_PASSWORD);
        }
    }

    private void ensureDemoUser(String[] demo) {
        String email = demo[0] + "@" + DEMO_DOMAIN;
        if (users.findByEmail(email).isPresent() || users.findByUsername(demo[0]).isPresent()) {
            return; // created before; if an admin deleted it, it stays deleted
        }
        Role role = roles.findByGroupId(demo[1]).orElse(null);
        if (role == null) {
            return; // the seeded role was renamed away or deleted; nothing to attach the demo user to
        }
        var user = new UserAccount(demo[0], email, demo[2], demo[3], Instant.now());
        user.setPasswordHash(passwords.encode(DEMO_PASSWORD));
        user.getRoles().add(role);
        users.saveAndFlush(user);
        activity.record(ActivityRecord.of("user", user.getId(), null, "CREATED", "Start-up: created demo user " + email));
    }

    /** One INFO block with the sign-ins that still work with the documented demo passwords. */
    private void logDemoSignIns() {
        var lines = new ArrayList<String>();
        transactions.executeWithoutResult(status -> {
            for (UserAccount user : users.findInDomainOrRole(DEMO_DOMAIN, "admin")) {
                if (!user.canSignIn()) {
                    continue;
                }
                boolean isDemo = user.getEmail().toLowerCase(Locale.ROOT).endsWith("@" + DEMO_DOMAIN);
                boolean isAdmin = user.getRoles().stream().anyMatch(r -> r.getGroupId().equals("admin"));
                String candidate = isDemo ? DEMO_PASSWORD : isAdmin && blank(admin.password()) ? DEMO_ADMIN_PASSWORD : null;
                if (candidate != null && passwords.matches(candidate, user.getPasswordHash())) {
                    String roleNames = String.join(", ", user.getRoles().stream().map(Role::getName).sorted().toList());
                    lines.add(String.format("  %-20s %-44s %s", roleNames, user.getUsername() + " / " + user.getEmail(),
                            candidate));
                }
            }
        });
        if (!lines.isEmpty()) {
            log.info("Demo sign-ins (role, username / e-mail, password):\n{}", String.join("\n", lines));
        }
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return at > 0 ? email.substring(0, at) : email;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
