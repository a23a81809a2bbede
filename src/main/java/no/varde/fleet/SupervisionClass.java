package no.varde.fleet;

import java.time.Duration;

/**
 * Reporting-time classes in the manner of EN 50136-1: the interval a supervised unit must report within, and the
 * grace after it before its silence counts as lost contact. The same names and figures are the rows of
 * {@code fleet_supervision_class}.
 */
public enum SupervisionClass {
    SECONDS_90(Duration.ofSeconds(90), Duration.ofSeconds(30)),
    MINUTES_3(Duration.ofMinutes(3), Duration.ofMinutes(1)),
    MINUTES_30(Duration.ofMinutes(30), Duration.ofMinutes(5)),
    HOURS_25(Duration.ofHours(25), Duration.ofHours(1));

    private final Duration interval;
    private final Duration grace;

    SupervisionClass(Duration interval, Duration grace) {
        this.interval = interval;
        this.grace = grace;
    }

    public Duration interval() {
        return interval;
    }

    public Duration grace() {
        return grace;
    }

    /** Silence longer than this is lost contact. */
    public Duration silenceAllowed() {
        return interval.plus(grace);
    }
}
