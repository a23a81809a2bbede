package no.varde.shared.db;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no external database is configured ({@code spring.datasource.url} unset).
 *
 * @param dataDirectory where PostgreSQL keeps its files; empty means a throw-away temporary folder
 * @param port TCP port on localhost; 0 picks a free one
 * @param databaseName the database Varde creates and uses inside the embedded server
 */
@ConfigurationProperties("varde.embedded-database")
public record EmbeddedDatabaseProperties(@Nullable String dataDirectory, int port, String databaseName) {

    public EmbeddedDatabaseProperties {
        if (databaseName == null || databaseName.isBlank()) {
            databaseName = "varde";
        }
    }
}
