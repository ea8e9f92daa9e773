package io.switchboard.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Switchboard keeps its data. With {@code url} blank (the quick start) an embedded PostgreSQL is
 * started with its files under {@code dataDir}, kept across restarts.
 *
 * @param url      JDBC URL of a PostgreSQL 14+ server ({@code SWITCHBOARD_DB_URL}); blank for embedded
 * @param user     database user ({@code SWITCHBOARD_DB_USER})
 * @param password database password ({@code SWITCHBOARD_DB_PASSWORD})
 * @param dataDir  folder for the embedded database's files ({@code SWITCHBOARD_DB_DATA_DIR})
 * @param embeddedPort port of the embedded server; 0 picks a free one ({@code SWITCHBOARD_DB_EMBEDDED_PORT})
 * @param poolSize maximum connections per node ({@code SWITCHBOARD_DB_POOL_SIZE})
 */
@ConfigurationProperties("switchboard.db")
public record DatabaseProperties(
        String url,
        String user,
        String password,
        @DefaultValue("data/postgres") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("20") int poolSize) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
