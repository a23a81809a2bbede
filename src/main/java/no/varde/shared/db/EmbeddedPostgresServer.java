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
 * One embedded PostgreSQL server per data directory and JVM. Test suites create several Spring contexts; they
 * share the server instead of starting one each. Each context's data source holds a reference; the server stops
 * when the last one is closed, so it outlives every context that uses it (a JVM shutdown hook would race the
 * contexts' own shutdown and cut their connections).
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<String, EmbeddedPostgres> SERVERS = new HashMap<>();
    private static final Map<String, Integer> USERS = new HashMap<>();
    private static final Map<String, EmbeddedDatabaseRoles> ROLES = new HashMap<>();

    private EmbeddedPostgresServer() {}

    static String key(EmbeddedDatabaseProperties properties) {
        return properties.dataDirectory() == null ? "" : properties.dataDirectory();
    }

    /** Returns the running server for these properties, starting it if needed, and counts one more user. */
    static synchronized EmbeddedPostgres acquire(EmbeddedDatabaseProperties properties) {
        String key = key(properties);
        EmbeddedPostgres running = SERVERS.get(key);
        if (running != null) {
            // another context (e.g. a test class that wants a database of its own) may name another database
            createDatabaseIfMissing(running, properties.databaseName());
            USERS.merge(key, 1, Integer::sum);
            return running;
        }
        try {
            EmbeddedDatabaseRoles roles = EmbeddedDatabaseRoles.load(properties);
            EmbeddedPostgres.Builder builder = roles.applyTo(durable(
                    EmbeddedPostgres.builder().setPort(properties.port()).setRegisterShutdownHook(false)));
            if (!key.isBlank()) {
                Path dir = Path.of(key).toAbsolutePath();
                Files.createDirectories(dir);
                DataDirectoryGuard.claim(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres, properties.databaseName());
            roles.secure(postgres, properties.databaseName());
            ROLES.put(key, roles);
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {}",
                    postgres.getPort(),
                    key.isBlank() ? "a temporary folder" : Path.of(key).toAbsolutePath());
            if (SERVERS.isEmpty()) {
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(EmbeddedPostgresServer::stopWhenReleased, "embedded-postgres-stop"));
            }
            SERVERS.put(key, postgres);
            USERS.put(key, 1);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-DB-0001: could not start embedded PostgreSQL", e);
        }
    }

    /**
     * The library starts PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}, which is fine
     * for throw-away test data but loses acknowledged alarms when the machine or the database dies. Varde's
     * promise is that an acknowledged alarm is on disk, so every server Varde starts itself flushes each commit;
     * {@code -c} options come after {@code -F} on the command line and win.
     */
    static EmbeddedPostgres.Builder durable(EmbeddedPostgres.Builder builder) {
        return builder.setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // several application contexts may share one embedded server (the test suite caches one per
                // configuration, each with its pool and listener connections); PostgreSQL's default is 100
                .setServerConfig("max_connections", "300");
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

    /** The running server for this key (acquired by a data source). */
    static synchronized EmbeddedPostgres running(String key) {
        EmbeddedPostgres postgres = SERVERS.get(key);
        if (postgres == null) {
            throw new IllegalStateException("VARDE-DB-0013: no embedded PostgreSQL running for " + key);
        }
        return postgres;
    }

    /** The roles and passwords of the running server for this key. */
    static synchronized EmbeddedDatabaseRoles roles(String key) {
        EmbeddedDatabaseRoles roles = ROLES.get(key);
        if (roles == null) {
            throw new IllegalStateException("VARDE-DB-0013: no embedded PostgreSQL running for " + key);
        }
        return roles;
    }

    /** One user is done; the last one stops the server. */
    static synchronized void release(String key) {
        int left = USERS.merge(key, -1, Integer::sum);
        if (left <= 0) {
            USERS.remove(key);
            EmbeddedPostgres postgres = SERVERS.remove(key);
            ROLES.remove(key);
            if (postgres != null) {
                close(postgres);
            }
            EmbeddedPostgresServer.class.notifyAll();
        }
    }

    /**
     * The JVM is exiting: give the application contexts (closing in their own shutdown hook) time to release the
     * server, then stop whatever is left so no PostgreSQL process outlives the JVM.
     */
    private static synchronized void stopWhenReleased() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!SERVERS.isEmpty() && System.nanoTime() < deadline) {
            try {
                EmbeddedPostgresServer.class.wait(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        SERVERS.values().forEach(EmbeddedPostgresServer::close);
        SERVERS.clear();
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
