package no.varde.shared.db;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The embedded PostgreSQL used when no external database is configured ({@code spring.datasource.url} unset).
 *
 * @param dataDirectory where PostgreSQL keeps its files; empty means a throw-away temporary folder
 * @param port TCP port on localhost; 0 picks a free one
 * @param databaseName the database Varde creates and uses inside the embedded server
 * @param secretsDirectory where the passwords of the owner and the application role are kept (created on first
 *     start); empty means {@code secrets} beside a persistent data folder, or random passwords for a throw-away
 *     server (tests)
 */
@ConfigurationProperties("varde.embedded-database")
public record EmbeddedDatabaseProperties(
        @Nullable String dataDirectory,
        int port,
        String databaseName,
        @Nullable String secretsDirectory) {

    /** A server without a secrets folder: random passwords for its lifetime. */
    public EmbeddedDatabaseProperties(@Nullable String dataDirectory, int port, String databaseName) {
        this(dataDirectory, port, databaseName, null);
    }

    @ConstructorBinding
    public EmbeddedDatabaseProperties {
        if (databaseName == null || databaseName.isBlank()) {
            databaseName = "varde";
        }
    }
}
