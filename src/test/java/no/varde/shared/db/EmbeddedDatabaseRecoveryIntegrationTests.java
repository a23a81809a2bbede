package no.varde.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development setup's command works again right after {@code kill -9}: a Varde process that dies leaves its
 * embedded PostgreSQL running as an orphan, and the next start stops that orphan (keeping what it committed) instead
 * of failing on the lock file; a second live process on the same folder is refused with a clear message.
 */
class EmbeddedDatabaseRecoveryIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aStartAfterTheOwnerWasKilledStopsTheOrphanAndKeepsCommittedData() throws Exception {
        Path data = folder.resolve("postgres");
        String note = UUID.randomUUID().toString();
        Process owner = startOwner(data, note);
        long orphanPid;
        try {
            awaitReady(owner);
            orphanPid = DataDirectoryGuard.postmasterPid(data).orElseThrow();
        } finally {
            owner.destroyForcibly();
            owner.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                .as("the killed owner's postmaster lives on as an orphan")
                .contains(true);

        var properties = new EmbeddedDatabaseProperties(data.toString(), 0, "varde");
        var postgres = EmbeddedPostgresServer.acquire(properties);
        try (Connection connection = postgres.getDatabase("postgres", "varde").getConnection();
                var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select note from survivor")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(note);
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive))
                    .as("the orphan was stopped")
                    .isEmpty();
            assertThat(setting(connection, "fsync")).isEqualTo("on");
            assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
        } finally {
            EmbeddedPostgresServer.release(EmbeddedPostgresServer.key(properties));
        }
    }

    @Test
    void aSecondLiveProcessOnTheSameFolderIsRefused() throws Exception {
        Path data = folder.resolve("shared");
        Process owner = startOwner(data, "first");
        try {
            awaitReady(owner);
            Path log = folder.resolve("second.log");
            Process second = startOwner(data, "second", ProcessBuilder.Redirect.to(log.toFile()));
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log);
            assertThat(second.exitValue()).isNotZero();
            assertThat(output).contains("VARDE-DB-0004");
        } finally {
            owner.destroyForcibly();
            owner.waitFor(30, TimeUnit.SECONDS);
            DataDirectoryGuard.postmasterPid(data).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void theLockFileLivesBesideTheDataFolderSoInitdbFindsItEmpty() {
        assertThat(DataDirectoryGuard.lockFileFor(Path.of("/srv/varde/data/postgres")))
                .isEqualTo(Path.of("/srv/varde/data/postgres.varde-lock"));
    }

    private static String setting(Connection connection, String name) throws Exception {
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Process startOwner(Path data, String note) throws Exception {
        return startOwner(data, note, ProcessBuilder.Redirect.PIPE);
    }

    private static Process startOwner(Path data, String note, ProcessBuilder.Redirect output) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanedServerMain.class.getName(),
                        data.toString(),
                        note))
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
    }

    private static void awaitReady(Process owner) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(owner.getInputStream()));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.startsWith("READY")) {
                return;
            }
        }
        throw new IllegalStateException("the owner process exited before its database was ready");
    }
}
