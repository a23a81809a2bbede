package no.varde.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts national ids (fødselsnummer) with AES-256-GCM and derives a keyed hash (HMAC-SHA256) so a
 * resident can be found by national id without decrypting every row.
 */
@Component
public class PersonalIdCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalIdCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec lookupKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalIdCipher(PersonalDataKeyProperties properties) {
        byte[] master = loadKey(properties);
        this.encryptionKey = new SecretKeySpec(derive(master, "varde-personal-id-encryption"), "AES");
        this.lookupKey = new SecretKeySpec(derive(master, "varde-personal-id-lookup"), "HmacSHA256");
        Arrays.fill(master, (byte) 0);
    }

    public byte[] encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VARDE-CRYPTO-0001: encryption failed", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VARDE-CRYPTO-0002: a personal id could not be decrypted (wrong key?)", e);
        }
    }

    /** A deterministic keyed hash of the id, for exact-match lookup and uniqueness. */
    public byte[] lookupHash(String plaintext) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return mac.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VARDE-CRYPTO-0003: hashing failed", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] loadKey(PersonalDataKeyProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return decodeKey(properties.key().strip(), "varde.personal-data.key");
        }
        if (properties.keyFile() != null && !properties.keyFile().isBlank()) {
            return loadOrCreateKeyFile(Path.of(properties.keyFile()));
        }
        throw new IllegalStateException("VARDE-CRYPTO-0004: no key for personal ids. Set varde.personal-data.key"
                + " (VARDE_PERSONAL_DATA_KEY, base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
    }

    private byte[] loadOrCreateKeyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file).strip(), file.toString());
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file is still only in the local data folder
            }
            log.warn("Created a new personal-id encryption key in {} (development setup)", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-CRYPTO-0005: cannot read or create key file " + file, e);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("VARDE-CRYPTO-0006: " + source + " is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("VARDE-CRYPTO-0007: " + source + " must hold 32 bytes, has " + key.length);
        }
        return key;
    }
}
