package no.varde.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data directory and JVM. Test suites create several Spring contexts;
 * they share the server instead of starting one each. The server stops when the JVM exits.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<String, EmbeddedPostgres> SERVERS = new HashMap<>();

    private EmbeddedPostgresServer() {}

    static synchronized EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
        String key = properties.dataDirectory() == null ? "" : properties.dataDirectory();
        EmbeddedPostgres running = SERVERS.get(key);
        if (running != null) {
            return running;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(properties.port());
            if (!key.isBlank()) {
                Path dir = Path.of(key).toAbsolutePath();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres, properties.databaseName());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {}",
                    postgres.getPort(),
                    key.isBlank() ? "a temporary folder" : Path.of(key).toAbsolutePath());
            SERVERS.put(key, postgres);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-DB-0001: could not start embedded PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database \"" + name.replace("\"", "") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("VARDE-DB-0002: could not create database " + name, e);
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
