package io.switchboard.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One fresh PostgreSQL database per test JVM on the server named by {@code SWITCHBOARD_TEST_DB_URL}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/postgres} as {@code postgres}); the next run drops it,
 * so the suite can run again and again on the same server. Without a reachable server the application's
 * own embedded PostgreSQL is used, in a throw-away folder.
 */
public final class TestDatabase {

    private static final String ADMIN_URL = env("SWITCHBOARD_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String ADMIN_USER = env("SWITCHBOARD_TEST_DB_USER", "postgres");
    private static final String ADMIN_PASSWORD = env("SWITCHBOARD_TEST_DB_PASSWORD", "");
    private static final String PREFIX = "sbtest_";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private static Map<String, Object> properties;
    /** Held open for the JVM's life: another run's {@link #dropFinished} cannot drop a database still in use. */
    private static Connection keepAlive;

    private TestDatabase() {}

    /** Spring properties pointing the application at this JVM's database. */
    public static synchronized Map<String, Object> properties() {
        if (properties == null) {
            properties = create();
        }
        return properties;
    }

    private static Map<String, Object> create() {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, ADMIN_PASSWORD)) {
            dropFinished(admin);
            String name = PREFIX + LocalDateTime.now().format(STAMP) + "_" + ProcessHandle.current().pid();
            try (var st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
            keepAlive = DriverManager.getConnection(url, ADMIN_USER, ADMIN_PASSWORD);
            return Map.of("switchboard.db.url", url, "switchboard.db.user", ADMIN_USER,
                    "switchboard.db.password", ADMIN_PASSWORD);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but no PostgreSQL server at " + ADMIN_URL, e);
            }
            System.err.println("!!! No PostgreSQL server at " + ADMIN_URL + " (" + e.getMessage()
                    + "); tests use the embedded PostgreSQL instead");
            try {
                var dir = java.nio.file.Files.createTempDirectory("switchboard-test-pg");
                return Map.of("switchboard.db.url", "", "switchboard.db.data-dir", dir.toString());
            } catch (java.io.IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
        }
    }

    /**
     * Drops the databases of earlier runs. One still in use (a suite running in parallel) refuses the
     * plain {@code DROP DATABASE} and is left alone; dropping at exit instead would race the engine's shutdown.
     * Databases younger than two minutes are skipped too: their JVM may not have connected yet.
     */
    private static void dropFinished(Connection admin) throws SQLException {
        var names = new ArrayList<String>();
        String youngest = LocalDateTime.now().minusMinutes(2).format(STAMP);
        try (var st = admin.createStatement();
                var rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.substring(PREFIX.length()).compareTo(youngest) < 0) {
                    names.add(name);
                }
            }
        }
        for (String name : names) {
            try (var st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException inUse) {
                // another JVM's database, still open
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Registered by {@link SwitchboardIntegrationTest}. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("switchboard-test-database", properties()));
        }
    }
}
