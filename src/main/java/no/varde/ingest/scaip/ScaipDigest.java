package no.varde.ingest.scaip;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.varde.ingest.credentials.ScaipCredentials;
import no.varde.ingest.credentials.ScaipCredentials.Credential;
import org.jspecify.annotations.Nullable;

/**
 * SIP digest authentication (RFC 2617 / 3261, MD5, qop auth or none) against a stored HA1. Nonces are stateless:
 * their time signed with a per-node secret, valid for a while; an old one is answered "stale" so the device
 * retries at once with a fresh one.
 */
final class ScaipDigest {

    enum Outcome {
        OK,
        STALE,
        WRONG
    }

    private static final Pattern PARAM = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]+))");

    private final byte[] secret = new SecureRandom().generateSeed(32);
    private final Duration validity;
    private final Clock clock;

    ScaipDigest(Duration validity, Clock clock) {
        this.validity = validity;
        this.clock = clock;
    }

    /** A WWW-Authenticate value challenging the device. */
    String challenge(String realm, boolean stale) {
        return "Digest realm=\"" + realm + "\", nonce=\"" + nonce() + "\", algorithm=MD5, qop=\"auth\""
                + (stale ? ", stale=true" : "");
    }

    /** Checks an Authorization header value for this method against the credential. */
    Outcome check(String authorization, String method, Credential credential) {
        Map<String, String> params = params(authorization);
        String nonce = params.get("nonce");
        String response = params.get("response");
        String uri = params.get("uri");
        if (!authorization.strip().regionMatches(true, 0, "Digest", 0, 6)
                || nonce == null
                || response == null
                || uri == null
                || !credential.username().equals(params.get("username"))
                || !credential.realm().equals(params.get("realm"))) {
            return Outcome.WRONG;
        }
        String ha2 = ScaipCredentials.md5(method + ":" + uri);
        String qop = params.get("qop");
        String expected = qop == null
                ? ScaipCredentials.md5(credential.ha1() + ":" + nonce + ":" + ha2)
                : ScaipCredentials.md5(credential.ha1() + ":" + nonce + ":" + params.get("nc") + ":"
                        + params.get("cnonce") + ":" + qop + ":" + ha2);
        if (!MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                response.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.WRONG;
        }
        return fresh(nonce) ? Outcome.OK : Outcome.STALE;
    }

    private String nonce() {
        String time = Long.toHexString(clock.millis());
        return time + "." + sign(time);
    }

    private boolean fresh(String nonce) {
        int dot = nonce.indexOf('.');
        if (dot < 1) {
            return false;
        }
        String time = nonce.substring(0, dot);
        if (!MessageDigest.isEqual(
                sign(time).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            long age = clock.millis() - Long.parseLong(time, 16);
            return age >= 0 && age <= validity.toMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> params(@Nullable String header) {
        Map<String, String> params = new HashMap<>();
        if (header != null) {
            Matcher matcher = PARAM.matcher(header);
            while (matcher.find()) {
                params.put(
                        matcher.group(1).toLowerCase(java.util.Locale.ROOT),
                        matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
            }
        }
        return params;
    }
}
