package no.varde.dispatch.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import no.varde.dispatch.CalloutId;
import org.junit.jupiter.api.Test;

class LinkSignerUnitTests {

    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    final LinkSigner signer = new LinkSigner(key());
    final LinkClaims claims = new LinkClaims(UUID.randomUUID(), CalloutId.random(), 2, NOW.plus(Duration.ofHours(12)));

    @Test
    void aSignedTokenIsUrlSafeAndGivesBackExactlyWhatWasSigned() {
        String token = signer.sign(claims);
        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(signer.check(token, NOW)).isEqualTo(new LinkCheck.Valid(claims));
    }

    @Test
    void aTokenStopsWorkingAtItsExpiry() {
        String token = signer.sign(claims);
        assertThat(signer.check(token, claims.expiresAt().minusSeconds(1))).isInstanceOf(LinkCheck.Valid.class);
        assertThat(signer.check(token, claims.expiresAt())).isEqualTo(new LinkCheck.Expired(claims));
        assertThat(signer.check(token, claims.expiresAt().plus(Duration.ofDays(3))))
                .isInstanceOf(LinkCheck.Expired.class);
    }

    @Test
    void changingAnyByteOfTheTokenMakesItInvalid() {
        byte[] bytes = Base64.getUrlDecoder().decode(signer.sign(claims));
        for (int i = 0; i < bytes.length; i++) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThat(signer.check(token, NOW)).as("byte %d changed", i).isInstanceOf(LinkCheck.Tampered.class);
        }
    }

    @Test
    void aTokenCannotBeMovedToAnotherCalloutPositionOrExpiry() {
        byte[] bytes = Base64.getUrlDecoder().decode(signer.sign(claims));
        byte[] otherCallout = bytes.clone();
        UUID other = UUID.randomUUID();
        java.nio.ByteBuffer.wrap(otherCallout, 17, 16)
                .putLong(other.getMostSignificantBits())
                .putLong(other.getLeastSignificantBits());
        byte[] laterExpiry = bytes.clone();
        java.nio.ByteBuffer.wrap(laterExpiry, 34, 8)
                .putLong(NOW.plus(Duration.ofDays(365)).getEpochSecond());
        byte[] firstContact = bytes.clone();
        firstContact[33] = 1;

        for (byte[] forged : new byte[][] {otherCallout, laterExpiry, firstContact}) {
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(forged);
            assertThat(signer.check(token, NOW)).isInstanceOf(LinkCheck.Tampered.class);
        }
    }

    @Test
    void aTokenForOneCalloutNamesThatCalloutOnly() {
        LinkClaims otherCallout = new LinkClaims(UUID.randomUUID(), CalloutId.random(), 2, claims.expiresAt());
        LinkCheck check = signer.check(signer.sign(otherCallout), NOW);
        assertThat(check).isInstanceOf(LinkCheck.Valid.class);
        assertThat(((LinkCheck.Valid) check).claims().calloutId())
                .isEqualTo(otherCallout.calloutId())
                .isNotEqualTo(claims.calloutId());
    }

    @Test
    void everyCharacterOfTheTokenCounts() {
        String token = signer.sign(claims);
        for (int i = 0; i < token.length(); i++) {
            char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
            String changed = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(signer.check(changed, NOW)).as("character %d changed", i).isInstanceOf(LinkCheck.Tampered.class);
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsInvalid() {
        String foreign = new LinkSigner(key()).sign(claims);
        assertThat(signer.check(foreign, NOW)).isInstanceOf(LinkCheck.Tampered.class);
    }

    @Test
    void garbageTruncatedAndEmptyTokensAreInvalid() {
        String token = signer.sign(claims);
        for (String bad :
                new String[] {"", "x", "not a token!", token.substring(0, token.length() - 4), token + "AA"}) {
            assertThat(signer.check(bad, NOW)).as("'%s'", bad).isInstanceOf(LinkCheck.Tampered.class);
        }
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
