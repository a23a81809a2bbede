package no.varde.shared.db;

import java.sql.Connection;

/**
 * A stand-in for a Varde process in {@link EmbeddedDatabaseRecoveryIntegrationTests}: starts the embedded server on
 * a persistent folder, commits one row, says READY and waits to be killed.
 */
public final class OrphanedServerMain {

    private OrphanedServerMain() {}

    public static void main(String[] args) throws Exception {
        var properties = new EmbeddedDatabaseProperties(args[0], 0, "varde");
        var postgres = EmbeddedPostgresServer.acquire(properties);
        try (Connection connection = postgres.getDatabase("postgres", "varde").getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create table if not exists survivor (note text)");
            statement.execute("insert into survivor values ('" + args[1] + "')");
        }
        System.out.println("READY " + postgres.getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
