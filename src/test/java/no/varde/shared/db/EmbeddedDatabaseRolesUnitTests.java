package no.varde.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the embedded database's passwords live, and that they stay the same from one start to the next. */
class EmbeddedDatabaseRolesUnitTests {

    @TempDir
    Path folder;

    @Test
    void aPersistentDataFolderKeepsItsPasswordsInTheSecretsFolderBesideIt() throws Exception {
        var properties =
                new EmbeddedDatabaseProperties(folder.resolve("postgres").toString(), 0, "varde");
        EmbeddedDatabaseRoles first = EmbeddedDatabaseRoles.load(properties);
        EmbeddedDatabaseRoles second = EmbeddedDatabaseRoles.load(properties);

        Path owner = folder.resolve("secrets").resolve(EmbeddedDatabaseRoles.OWNER_PASSWORD_FILE);
        Path app = folder.resolve("secrets").resolve(EmbeddedDatabaseRoles.APP_PASSWORD_FILE);
        assertThat(Files.readString(owner).strip()).isEqualTo(first.ownerPassword());
        assertThat(Files.readString(app).strip()).isEqualTo(first.appPassword());
        assertThat(Files.getPosixFilePermissions(owner)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(second).isEqualTo(first);
        assertThat(first.ownerPassword()).isNotEqualTo(first.appPassword()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void aConfiguredSecretsFolderWinsAndAThrowAwayServerGetsRandomPasswords() {
        var configured = new EmbeddedDatabaseProperties(
                folder.resolve("postgres").toString(),
                0,
                "varde",
                folder.resolve("elsewhere").toString());
        EmbeddedDatabaseRoles.load(configured);
        assertThat(folder.resolve("elsewhere").resolve(EmbeddedDatabaseRoles.OWNER_PASSWORD_FILE))
                .exists();
        assertThat(folder.resolve("secrets")).doesNotExist();

        var throwAway = new EmbeddedDatabaseProperties(null, 0, "varde");
        assertThat(EmbeddedDatabaseRoles.load(throwAway)).isNotEqualTo(EmbeddedDatabaseRoles.load(throwAway));
    }

    @Test
    void thePasswordsNeverShowInLogs() {
        EmbeddedDatabaseRoles roles = EmbeddedDatabaseRoles.load(new EmbeddedDatabaseProperties(null, 0, "varde"));
        assertThat(roles.toString()).doesNotContain(roles.ownerPassword()).doesNotContain(roles.appPassword());
    }
}
