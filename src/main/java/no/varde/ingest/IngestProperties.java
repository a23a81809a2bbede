package no.varde.ingest;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reception settings shared by every protocol ({@code varde.ingest.*}).
 *
 * @param occurredAtMaxAge how old a device's event time may be and still be believed (default 7 days)
 * @param occurredAtMaxAhead how far ahead of Varde's clock a device's event time may be (default 10 minutes)
 * @param reception the group-commit queue every protocol hands its deliveries to
 * @param rawRetention how long the raw bytes of received deliveries and rejected input are kept (default 90 days);
 *     the events, their alarms and the deduplication keys stay
 */
@ConfigurationProperties("varde.ingest")
public record IngestProperties(
        @Nullable Duration occurredAtMaxAge,
        @Nullable Duration occurredAtMaxAhead,
        @Nullable Reception reception,
        @Nullable Duration rawRetention) {

    public IngestProperties {
        reception = reception == null ? new Reception(0, 0, 0, null, null) : reception;
        rawRetention = rawRetention == null ? Duration.ofDays(90) : rawRetention;
    }

    public OccurredAtWindow occurredAtWindow() {
        return new OccurredAtWindow(occurredAtMaxAge, occurredAtMaxAhead);
    }

    @Override
    public Reception reception() {
        return java.util.Objects.requireNonNull(reception);
    }

    /**
     * @param queueCapacity deliveries waiting per lane before reception answers "not now" (default 5,000)
     * @param maxGroupEvents events committed together in one transaction at most (default 200; a delivery is
     *     never split, so one batch may exceed it)
     * @param writers threads committing groups in parallel (default 2: one fills a group while one flushes)
     * @param retryAfter what a sender is told to wait when reception is full or the database unavailable
     * @param commitTimeout how long an adapter waits for its receipt before answering "not now" (default 2 s)
     */
    public record Reception(
            int queueCapacity,
            int maxGroupEvents,
            int writers,
            @Nullable Duration retryAfter,
            @Nullable Duration commitTimeout) {

        public Reception {
            queueCapacity = queueCapacity <= 0 ? 5_000 : queueCapacity;
            maxGroupEvents = maxGroupEvents <= 0 ? 200 : maxGroupEvents;
            writers = writers <= 0 ? 2 : writers;
            retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
            commitTimeout = commitTimeout == null ? Duration.ofSeconds(2) : commitTimeout;
        }

        @Override
        public Duration retryAfter() {
            return java.util.Objects.requireNonNull(retryAfter);
        }

        @Override
        public Duration commitTimeout() {
            return java.util.Objects.requireNonNull(commitTimeout);
        }
    }
}
