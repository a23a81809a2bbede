package no.varde.dispatch;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Call-out configuration ({@code varde.dispatch.*}).
 *
 * @param publicBaseUrl the address home-care workers' phones reach Varde on; links in the SMS start with it
 * @param linkKey base64 of 32 random bytes that sign the call-out links (VARDE_DISPATCH_LINK_KEY); set it in
 *     production, from a secret store
 * @param linkKeyFile a file holding the link key, created with a random key when missing (development, tests)
 * @param linkValidity how long a call-out link works (it stops working earlier when the call-out is done)
 * @param sms how messages leave Varde
 * @param responseCentrePhone the number the call-out page's "call the response centre" button dials when the
 *     registry has none for the centre serving the municipality (null: no button)
 * @param mapsSearchUrl the map search the call-out page links the address to; the address is appended, encoded
 */
@ConfigurationProperties("varde.dispatch")
public record DispatchProperties(
        URI publicBaseUrl,
        @Nullable String linkKey,
        @Nullable String linkKeyFile,
        Duration linkValidity,
        Sms sms,
        @Nullable String responseCentrePhone,
        @Nullable String mapsSearchUrl) {

    public DispatchProperties {
        publicBaseUrl = publicBaseUrl == null ? URI.create("http://localhost:8080") : publicBaseUrl;
        linkValidity = linkValidity == null ? Duration.ofHours(12) : linkValidity;
        sms = sms == null ? new Sms(null, null, null, null, 0, null, null, null) : sms;
        mapsSearchUrl = mapsSearchUrl == null || mapsSearchUrl.isBlank()
                ? "https://www.google.com/maps/search/?api=1&query="
                : mapsSearchUrl;
    }

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        String text = publicBaseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * @param mode {@code outbox} (default: messages are kept and shown on /outbox, nothing is sent) or {@code http}
     * @param url where the HTTP adapter POSTs {@code {"to": "+47…", "text": "…"}}
     * @param token optional bearer token for that URL
     * @param timeout connect and answer timeout of one attempt
     * @param maxAttempts attempts before a message is marked FAILED
     * @param retryBackoff wait after the first failed attempt; doubles with each further failure
     * @param retryCheckInterval how often due and retried messages are looked for
     * @param reportToken the bearer token the SMS provider presents when it calls the delivery-report webhook
     *     ({@code POST /api/v1/sms/delivery-reports}); without it the webhook refuses every report
     */
    public record Sms(
            @Nullable Mode mode,
            @Nullable URI url,
            @Nullable String token,
            @Nullable Duration timeout,
            int maxAttempts,
            @Nullable Duration retryBackoff,
            @Nullable Duration retryCheckInterval,
            @Nullable String reportToken) {

        public Sms {
            mode = mode == null ? Mode.OUTBOX : mode;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
            retryBackoff = retryBackoff == null ? Duration.ofSeconds(10) : retryBackoff;
            retryCheckInterval = retryCheckInterval == null ? Duration.ofSeconds(5) : retryCheckInterval;
        }
    }

    public enum Mode {
        OUTBOX,
        HTTP
    }
}
