package io.switchboard.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link DataSource} of the application: the configured PostgreSQL server, or an embedded
 * PostgreSQL whose files live under {@code switchboard.db.data-dir} so the quick start keeps its data.
 * Flyway, JPA, Spring Session and the Camunda engine all share it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        var config = new HikariConfig();
        config.setPoolName("switchboard");
        config.setMaximumPoolSize(properties.poolSize());
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        if (!properties.embedded()) {
            return EmbeddedDatabase.NONE;
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL itself refuses to run as root; say so instead of failing deep inside initdb.
            throw new IllegalStateException("The embedded PostgreSQL cannot run as root. Run Switchboard as an "
                    + "ordinary user, or point SWITCHBOARD_DB_URL at a PostgreSQL 14+ server.");
        }
        try {
            Files.createDirectories(properties.dataDir());
            var postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(properties.dataDir())
                    .setCleanDataDirectory(false)
                    .setPort(properties.embeddedPort())
                    .start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(),
                    properties.dataDir().toAbsolutePath());
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + properties.dataDir(), e);
        }
    }

    /** Holder so the embedded server is stopped after the pool that uses it. */
    static final class EmbeddedDatabase implements AutoCloseable {

        static final EmbeddedDatabase NONE = new EmbeddedDatabase(null);

        private final EmbeddedPostgres postgres;

        EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
