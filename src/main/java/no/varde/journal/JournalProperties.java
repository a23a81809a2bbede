package no.varde.journal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Journal configuration ({@code varde.journal.*}). Endpoints and HelseID clients are per municipality, in the
 * {@code journal_endpoint} table.
 *
 * @param identifierSystem the absolute URI base of Varde's own identifiers (operators, devices)
 * @param timeout connect and answer timeout of one token request or delivery attempt
 * @param maxAttempts attempts (5xx, timeouts) before a delivery is marked FAILED
 * @param retryBackoff wait after the first failed attempt; doubles with each further failure, at most an hour
 * @param deliveryInterval how often due deliveries are looked for
 * @param assertionLifetime lifetime of the signed client assertion sent to HelseID
 */
@ConfigurationProperties("varde.journal")
public record JournalProperties(
        String identifierSystem,
        Duration timeout,
        int maxAttempts,
        Duration retryBackoff,
        Duration deliveryInterval,
        Duration assertionLifetime) {

    public JournalProperties {
        identifierSystem = identifierSystem == null ? "https://varde.no/id" : identifierSystem;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
        deliveryInterval = deliveryInterval == null ? Duration.ofSeconds(10) : deliveryInterval;
        assertionLifetime = assertionLifetime == null ? Duration.ofSeconds(60) : assertionLifetime;
    }
}
