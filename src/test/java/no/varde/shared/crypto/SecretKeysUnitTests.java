package no.varde.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysUnitTests {

    @TempDir
    Path folder;

    @Test
    void aConfiguredKeyWinsOverTheFile() {
        byte[] configured = new byte[32];
        configured[0] = 7;
        byte[] key = SecretKeys.load(
                Base64.getEncoder().encodeToString(configured),
                "varde.test.key",
                folder.resolve("unused.key").toString(),
                "test links",
                "VARDE_TEST_KEY");
        assertThat(key).isEqualTo(configured);
        assertThat(folder.resolve("unused.key")).doesNotExist();
    }

    @Test
    void aMissingKeyFileIsCreatedOwnerOnlyAndReadBackTheSame() throws Exception {
        Path file = folder.resolve("data/links.key");
        byte[] first = SecretKeys.load(null, "varde.test.key", file.toString(), "test links", "VARDE_TEST_KEY");
        byte[] second = SecretKeys.load("  ", "varde.test.key", file.toString(), "test links", "VARDE_TEST_KEY");
        assertThat(first).hasSize(32).isEqualTo(second).isNotEqualTo(new byte[32]);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void badKeysAreRefusedNamingWhereTheyCameFrom() throws Exception {
        assertThatThrownBy(() -> SecretKeys.load("not base64!", "varde.test.key", null, "test links", "VARDE_TEST_KEY"))
                .hasMessageContaining("varde.test.key is not base64");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretKeys.load(shortKey, "varde.test.key", null, "test links", "VARDE_TEST_KEY"))
                .hasMessageContaining("varde.test.key must hold 32 bytes, has 16");
        Path file = folder.resolve("short.key");
        Files.writeString(file, shortKey);
        assertThatThrownBy(() -> SecretKeys.load(null, "varde.test.key", file.toString(), "test links", "X"))
                .hasMessageContaining(file + " must hold 32 bytes");
        assertThatThrownBy(() -> SecretKeys.load(null, "varde.test.key", "", "test links", "VARDE_TEST_KEY"))
                .hasMessageContaining("no key for test links")
                .hasMessageContaining("varde.test.key")
                .hasMessageContaining("VARDE_TEST_KEY");
    }
}
