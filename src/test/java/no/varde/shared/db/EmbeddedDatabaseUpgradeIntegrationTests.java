package no.varde.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder made before passwords were required (trust, no roles) is secured at its next start. */
class EmbeddedDatabaseUpgradeIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void aDataFolderFromBeforePasswordsGetsThemAndTheApplicationRoleAtItsNextStart() throws Exception {
        Path data = folder.resolve("postgres");
        try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start()) {
            try (var c = legacy.getPostgresDatabase().getConnection();
                    var s = c.createStatement()) {
                s.execute("create database varde");
            }
        }
        var properties = new EmbeddedDatabaseProperties(data.toString(), 0, "varde");
        var postgres = EmbeddedPostgresServer.acquire(properties);
        try {
            var roles = EmbeddedPostgresServer.roles(EmbeddedPostgresServer.key(properties));
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/varde";
            Properties app = new Properties();
            app.setProperty("user", "varde_app");
            app.setProperty("password", roles.appPassword());
            DriverManager.getConnection(url, app).close();
            Properties none = new Properties();
            none.setProperty("user", "postgres");
            assertThatThrownBy(() -> DriverManager.getConnection(url, none).close())
                    .hasMessageContaining("password");
        } finally {
            EmbeddedPostgresServer.release(EmbeddedPostgresServer.key(properties));
        }
        // and the next start, with the hba now requiring passwords, still works
        var again = EmbeddedPostgresServer.acquire(properties);
        EmbeddedPostgresServer.release(EmbeddedPostgresServer.key(properties));
        assertThat(again).isNotNull();
    }
}
