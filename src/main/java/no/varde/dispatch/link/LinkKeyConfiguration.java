package no.varde.dispatch.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import no.varde.dispatch.DispatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the key that signs call-out links: from configuration in production, from a local file in development. */
@Configuration(proxyBeanMethods = false)
class LinkKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LinkKeyConfiguration.class);

    @Bean
    LinkSigner linkSigner(DispatchProperties properties) {
        byte[] key = loadKey(properties);
        try {
            return new LinkSigner(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static byte[] loadKey(DispatchProperties properties) {
        if (properties.linkKey() != null && !properties.linkKey().isBlank()) {
            return decode(properties.linkKey().strip(), "varde.dispatch.link-key");
        }
        if (properties.linkKeyFile() != null && !properties.linkKeyFile().isBlank()) {
            return loadOrCreate(Path.of(properties.linkKeyFile()));
        }
        throw new IllegalStateException("VARDE-DISPATCH-0002: no key for call-out links. Set varde.dispatch.link-key"
                + " (VARDE_DISPATCH_LINK_KEY, base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).strip(), file.toString());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file stays in the local data folder
            }
            log.warn("Created a new call-out link key in {} (development setup)", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-DISPATCH-0003: cannot read or create link key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("VARDE-DISPATCH-0004: " + source + " is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(
                    "VARDE-DISPATCH-0005: " + source + " must hold 32 bytes, has " + key.length);
        }
        return key;
    }
}
