package no.varde.journal.delivery;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import no.varde.journal.JournalEndpoint;
import no.varde.journal.JournalProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Access tokens from HelseID by OAuth 2.0 client credentials with {@code private_key_jwt}: an RS256 client assertion
 * ({@code iss} = {@code sub} = client id, {@code aud} = the token endpoint, unique {@code jti}, short lifetime).
 * Tokens are reused until shortly before they expire.
 */
@Component
public class HelseIdTokens {

    /** The token service did not give a token; the delivery is retried. */
    public static final class TokenUnavailable extends RuntimeException {
        TokenUnavailable(String message, Throwable cause) {
            super(message, cause);
        }

        TokenUnavailable(String message) {
            super(message);
        }
    }

    private record Cached(String token, Instant expires) {}

    private final HttpClient http;
    private final ResourceLoader resources;
    private final JournalProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    HelseIdTokens(HttpClient journalHttpClient, ResourceLoader resources, JournalProperties properties, Clock clock) {
        this.http = journalHttpClient;
        this.resources = resources;
        this.properties = properties;
        this.clock = clock;
    }

    /** A token for the endpoint's client and scope (the write scope, or a read scope on the same client). */
    public String token(JournalEndpoint endpoint) {
        String key = endpoint.tokenEndpoint() + "|" + endpoint.clientId() + "|" + endpoint.scope();
        Cached cached = cache.get(key);
        if (cached != null && cached.expires().isAfter(clock.instant().plusSeconds(30))) {
            return cached.token();
        }
        Cached fresh = request(endpoint);
        cache.put(key, fresh);
        return fresh.token();
    }

    private Cached request(JournalEndpoint endpoint) {
        String form = Map.of(
                        "grant_type", "client_credentials",
                        "client_id", endpoint.clientId(),
                        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion", assertion(endpoint),
                        "scope", endpoint.scope())
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint.tokenEndpoint())
                .timeout(properties.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new TokenUnavailable("VARDE-JOURNAL-0010: token endpoint answered " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            Map<String, Object> json = JSONObjectUtils.parse(response.body());
            String token = JSONObjectUtils.getString(json, "access_token");
            if (token == null) {
                throw new TokenUnavailable("VARDE-JOURNAL-0011: token response without access_token");
            }
            long expiresIn = json.get("expires_in") instanceof Number n ? n.longValue() : 60;
            return new Cached(token, clock.instant().plusSeconds(expiresIn));
        } catch (IOException | ParseException e) {
            throw new TokenUnavailable("VARDE-JOURNAL-0012: token request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailable("VARDE-JOURNAL-0012: token request interrupted", e);
        }
    }

    String assertion(JournalEndpoint endpoint) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(endpoint.clientId())
                .subject(endpoint.clientId())
                .audience(endpoint.tokenEndpoint().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.assertionLifetime())))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(privateKey(endpoint.privateKey())));
        } catch (JOSEException e) {
            throw new TokenUnavailable("VARDE-JOURNAL-0013: cannot sign the client assertion", e);
        }
        return jwt.serialize();
    }

    private PrivateKey privateKey(String reference) {
        try (InputStream in = resources.getResource(reference).getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 =
                    pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenUnavailable("VARDE-JOURNAL-0014: cannot read the client key " + reference + ": " + e, e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
