package no.varde.ingest;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reception settings shared by every protocol ({@code varde.ingest.*}).
 *
 * @param occurredAtMaxAge how old a device's event time may be and still be believed (default 7 days)
 * @param occurredAtMaxAhead how far ahead of Varde's clock a device's event time may be (default 10 minutes)
 */
@ConfigurationProperties("varde.ingest")
public record IngestProperties(
        @Nullable Duration occurredAtMaxAge, @Nullable Duration occurredAtMaxAhead) {

    public OccurredAtWindow occurredAtWindow() {
        return new OccurredAtWindow(occurredAtMaxAge, occurredAtMaxAhead);
    }
}
