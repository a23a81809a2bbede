package no.varde.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a 256-bit secret key (link signing and the like): from configuration (base64) in production; from a local
 * key file in development, created with fresh random bytes and owner-only permissions on first use.
 */
public final class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final int LENGTH = 32;

    private SecretKeys() {}

    /**
     * The key from {@code value} (named {@code property} in messages) if set, else from {@code file} (created when
     * missing), else a refusal naming what to set.
     *
     * @param purpose what the key signs, for messages ("call-out links")
     * @param environment the environment variable that sets {@code property}
     */
    public static byte[] load(
            @Nullable String value, String property, @Nullable String file, String purpose, String environment) {
        if (value != null && !value.isBlank()) {
            return decode(value.strip(), property);
        }
        if (file != null && !file.isBlank()) {
            return loadOrCreate(Path.of(file), purpose);
        }
        throw new IllegalStateException("VARDE-KEY-0001: no key for " + purpose + ". Set " + property + " ("
                + environment + ", base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
    }

    /** The 32 bytes of a base64 key; a clear refusal naming {@code source} otherwise. */
    public static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("VARDE-KEY-0002: " + source + " is not base64", e);
        }
        if (key.length != LENGTH) {
            throw new IllegalStateException(
                    "VARDE-KEY-0003: " + source + " must hold " + LENGTH + " bytes, has " + key.length);
        }
        return key;
    }

    private static byte[] loadOrCreate(Path file, String purpose) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).strip(), file.toString());
            }
            byte[] key = new byte[LENGTH];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // not a POSIX file system; the file stays in the local data folder
            }
            log.warn("Created a new key for {} in {} (development setup)", purpose, file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-KEY-0004: cannot read or create key file " + file, e);
        }
    }
}
