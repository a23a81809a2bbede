package no.varde.circle;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.varde.shared.crypto.SecretKeys;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the link in a relative's message: URL-safe base64 (no padding) of {@code version | message id |
 * expiry (epoch s) | HMAC-SHA256 of the preceding bytes}. The link names the message only; what it may do (confirm,
 * withdraw consent) is decided from the stored message.
 */
@Component
public class RelativeLinks {

    private static final byte VERSION = 1;
    private static final int BODY = 1 + 16 + 8;
    private static final int LENGTH = BODY + 32;

    private final SecretKeySpec key;

    RelativeLinks(CircleProperties properties, no.varde.dispatch.DispatchProperties dispatch) {
        byte[] bytes = loadKey(withDefaults(properties, dispatch), dispatch);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
        Arrays.fill(bytes, (byte) 0);
    }

    public String sign(UUID messageId, Instant expiry) {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        buffer.put(VERSION)
                .putLong(messageId.getMostSignificantBits())
                .putLong(messageId.getLeastSignificantBits())
                .putLong(expiry.getEpochSecond());
        buffer.put(mac(Arrays.copyOf(buffer.array(), BODY)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    /** The message id of a genuine token, whether expired or not; empty for anything forged or malformed. */
    public Optional<Claims> check(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != LENGTH
                || bytes[0] != VERSION
                || !Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(bytes)
                        .equals(token)) {
            return Optional.empty();
        }
        byte[] expected = mac(Arrays.copyOf(bytes, BODY));
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, BODY, LENGTH))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, BODY - 1);
        UUID message = new UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(new Claims(message, Instant.ofEpochSecond(buffer.getLong())));
    }

    public record Claims(UUID messageId, Instant expiry) {}

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Without a key of its own the circle keeps its key file beside the call-out links' key file (development,
     * tests); in production, without {@code varde.circle.link-key}, it derives its key from the call-out links' key
     * (HMAC with a label of its own, so a link of one kind is never valid as the other).
     */
    private static CircleProperties withDefaults(
            CircleProperties properties, no.varde.dispatch.DispatchProperties dispatch) {
        boolean own = properties.linkKey() != null && !properties.linkKey().isBlank()
                || properties.linkKeyFile() != null && !properties.linkKeyFile().isBlank();
        if (own || dispatch.linkKeyFile() == null || dispatch.linkKeyFile().isBlank()) {
            return properties;
        }
        Path sibling = Path.of(dispatch.linkKeyFile()).toAbsolutePath().resolveSibling("circle-link.key");
        return new CircleProperties(
                null,
                sibling.toString(),
                properties.linkValidity(),
                properties.escalationChoices(),
                properties.escalationCheckInterval(),
                properties.freeTextMaxLength(),
                properties.frequent());
    }

    private static byte[] loadKey(CircleProperties properties, no.varde.dispatch.DispatchProperties dispatch) {
        if ((properties.linkKeyFile() == null || properties.linkKeyFile().isBlank())
                && (properties.linkKey() == null || properties.linkKey().isBlank())
                && dispatch.linkKey() != null
                && !dispatch.linkKey().isBlank()) {
            byte[] base = SecretKeys.decode(dispatch.linkKey().strip(), "varde.dispatch.link-key");
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(base, "HmacSHA256"));
                return mac.doFinal("varde-circle-relative-links".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } finally {
                Arrays.fill(base, (byte) 0);
            }
        }
        return loadKey(properties);
    }

    private static byte[] loadKey(CircleProperties properties) {
        return SecretKeys.load(
                properties.linkKey(),
                "varde.circle.link-key",
                properties.linkKeyFile(),
                "relatives' links",
                "VARDE_CIRCLE_LINK_KEY");
    }
}
