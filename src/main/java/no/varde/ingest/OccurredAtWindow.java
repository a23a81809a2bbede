package no.varde.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a device's own time may lie from the time Varde received its event and still be believed. Devices buffer
 * events while offline (a GPS tracker out of coverage) so the past allows days; a clock ahead of ours by more than
 * minutes is wrong. Outside the window the alarm keeps the received-at time and shows the reported one.
 */
public record OccurredAtWindow(Duration maxAge, Duration maxAhead) {

    private static final Duration DEFAULT_AGE = Duration.ofDays(7);
    private static final Duration DEFAULT_AHEAD = Duration.ofMinutes(10);
    public static final OccurredAtWindow DEFAULT = new OccurredAtWindow(DEFAULT_AGE, DEFAULT_AHEAD);

    public OccurredAtWindow {
        maxAge = maxAge == null ? DEFAULT_AGE : maxAge;
        maxAhead = maxAhead == null ? DEFAULT_AHEAD : maxAhead;
    }

    public boolean contains(Instant reported, Instant received) {
        return !reported.isBefore(received.minus(maxAge)) && !reported.isAfter(received.plus(maxAhead));
    }
}
