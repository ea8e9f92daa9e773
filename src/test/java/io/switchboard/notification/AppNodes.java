package io.switchboard.notification;

import io.switchboard.SwitchboardApplication;
import io.switchboard.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several complete Switchboard nodes in this JVM, each on its own random port, all on one PostgreSQL database:
 * a small cluster behind an imaginary load balancer (DESIGN.md "Scale-out").
 * <p>
 * The database is a fresh one beside this JVM's test database ({@code <test database>_nodes}, dropped with it by
 * the next run), not the test database itself: the shared {@code @SwitchboardIntegrationTest} context stays alive
 * for the whole run and, being a node in sandbox mode, would otherwise claim and "send" the cluster's outbox rows.
 * Without a PostgreSQL server one embedded PostgreSQL serves all nodes.
 */
final class AppNodes implements AutoCloseable {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final Database database;

    private AppNodes(Database database) {
        this.database = database;
    }

    /**
     * Starts {@code count} nodes one after the other (so only the first migrates the schema), each with the test
     * profile and these extra properties.
     */
    static AppNodes start(int count, Map<String, String> properties) {
        var database = freshDatabase();
        var cluster = new AppNodes(database);
        try {
            for (int i = 0; i < count; i++) {
                var args = new ArrayList<String>();
                args.add("--server.port=0");
                args.add("--switchboard.db.url=" + database.url());
                args.add("--switchboard.db.user=" + database.user());
                args.add("--switchboard.db.password=" + database.password());
                args.add("--switchboard.db.pool-size=8");
                properties.forEach((name, value) -> args.add("--" + name + "=" + value));
                cluster.nodes.add(new SpringApplicationBuilder(SwitchboardApplication.class)
                        .profiles("test")
                        .run(args.toArray(String[]::new)));
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    ConfigurableApplicationContext node(int index) {
        return nodes.get(index);
    }

    int size() {
        return nodes.size();
    }

    /** The node's HTTP port. */
    int port(int index) {
        return ((WebServerApplicationContext) nodes.get(index)).getWebServer().getPort();
    }

    /** SQL on the cluster's database. */
    JdbcClient jdbc() {
        return nodes.get(0).getBean(JdbcClient.class);
    }

    @Override
    public void close() {
        var reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        reversed.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
        try {
            if (database.keepAlive() != null) {
                database.keepAlive().close();
            }
            if (database.embedded() != null) {
                database.embedded().close();
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not release the nodes' database", e);
        }
    }

    /**
     * @param keepAlive an open connection to the database until the nodes stop, so that another test JVM cleaning
     *                  up old test databases cannot drop it while the first node is still starting
     */
    private record Database(String url, String user, String password, EmbeddedPostgres embedded,
            Connection keepAlive) {}

    private static Database freshDatabase() {
        Map<String, Object> test = TestDatabase.properties();
        String url = String.valueOf(test.getOrDefault("switchboard.db.url", ""));
        if (url.isBlank()) {
            try {
                var postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("switchboard-nodes-pg"))
                        .setCleanDataDirectory(true)
                        .start();
                return new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", postgres, null);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start an embedded PostgreSQL for the nodes", e);
            }
        }
        String user = String.valueOf(test.get("switchboard.db.user"));
        String password = String.valueOf(test.getOrDefault("switchboard.db.password", ""));
        String name = url.substring(url.lastIndexOf('/') + 1) + "_nodes";
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
            String nodesUrl = url.substring(0, url.lastIndexOf('/') + 1) + name;
            return new Database(nodesUrl, user, password, null, DriverManager.getConnection(nodesUrl, user, password));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the nodes' database " + name, e);
        }
    }
}
