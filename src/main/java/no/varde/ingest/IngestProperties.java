package no.varde.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reception settings.
 *
 * @param reception the group-commit queue every protocol hands its deliveries to
 */
@ConfigurationProperties("varde.ingest")
public record IngestProperties(Reception reception) {

    public IngestProperties {
        reception = reception == null ? new Reception(0, 0, 0, null, null) : reception;
    }

    /**
     * @param queueCapacity deliveries waiting per lane before reception answers "not now" (default 5,000)
     * @param maxGroupEvents events committed together in one transaction at most (default 200; a delivery is
     *     never split, so one batch may exceed it)
     * @param writers threads committing groups in parallel (default 2: one fills a group while one flushes)
     * @param retryAfter what a sender is told to wait when reception is full or the database unavailable
     * @param commitTimeout how long an adapter waits for its receipt before answering "not now"
     */
    public record Reception(
            int queueCapacity, int maxGroupEvents, int writers, Duration retryAfter, Duration commitTimeout) {

        public Reception {
            queueCapacity = queueCapacity <= 0 ? 5_000 : queueCapacity;
            maxGroupEvents = maxGroupEvents <= 0 ? 200 : maxGroupEvents;
            writers = writers <= 0 ? 2 : writers;
            retryAfter = retryAfter == null ? Duration.ofSeconds(2) : retryAfter;
            commitTimeout = commitTimeout == null ? Duration.ofSeconds(10) : commitTimeout;
        }
    }
}
