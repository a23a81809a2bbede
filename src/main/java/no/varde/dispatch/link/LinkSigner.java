package no.varde.dispatch.link;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.varde.dispatch.CalloutId;

/**
 * Signs and checks call-out links. A token is URL-safe base64 of {@code version | token id | call-out id |
 * contact position | expiry (epoch seconds) | HMAC-SHA256 of all before}. Nothing secret is in it; the MAC makes
 * it impossible to change any field, or to mint a token for another call-out, without the key.
 */
public final class LinkSigner {

    private static final byte VERSION = 1;
    private static final int PAYLOAD_BYTES = 1 + 16 + 16 + 1 + 8;
    private static final int MAC_BYTES = 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public LinkSigner(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the link key must hold 32 bytes, has " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String sign(LinkClaims claims) {
        ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES);
        buffer.put(VERSION);
        put(buffer, claims.tokenId());
        put(buffer, claims.calloutId().value());
        buffer.put((byte) claims.position());
        buffer.putLong(claims.expiresAt().getEpochSecond());
        buffer.put(mac(buffer.array(), PAYLOAD_BYTES));
        return ENCODER.encodeToString(buffer.array());
    }

    public LinkCheck check(String token, Instant now) {
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return new LinkCheck.Tampered();
        }
        // one token, one spelling: the decoder ignores the unused low bits of the last character
        if (bytes.length != PAYLOAD_BYTES + MAC_BYTES
                || bytes[0] != VERSION
                || !ENCODER.encodeToString(bytes).equals(token)) {
            return new LinkCheck.Tampered();
        }
        byte[] expected = mac(bytes, PAYLOAD_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length))) {
            return new LinkCheck.Tampered();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, PAYLOAD_BYTES - 1);
        UUID tokenId = new UUID(buffer.getLong(), buffer.getLong());
        CalloutId calloutId = new CalloutId(new UUID(buffer.getLong(), buffer.getLong()));
        int position = Byte.toUnsignedInt(buffer.get());
        Instant expiresAt = Instant.ofEpochSecond(buffer.getLong());
        if (position < 1) {
            return new LinkCheck.Tampered();
        }
        LinkClaims claims = new LinkClaims(tokenId, calloutId, position, expiresAt);
        return now.isBefore(expiresAt) ? new LinkCheck.Valid(claims) : new LinkCheck.Expired(claims);
    }

    private static void put(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }

    private byte[] mac(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VARDE-DISPATCH-0001: HMAC-SHA256 is not available", e);
        }
    }
}
