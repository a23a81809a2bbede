package no.varde.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console settings.
 *
 * @param resyncInterval how often an open queue re-reads itself whole, as a safety net should the live stream
 *     silently stall (default 30 s); live changes update single rows in between
 * @param cueRepeatInterval how often the new-alarm cue sounds again, on every operator page, while any alarm waits
 *     for an operator (default 20 s; at least 5 s)
 */
@ConfigurationProperties("varde.console")
public record ConsoleProperties(Duration resyncInterval, Duration cueRepeatInterval) {

    static final Duration SHORTEST_CUE_REPEAT = Duration.ofSeconds(5);

    public ConsoleProperties {
        resyncInterval = resyncInterval == null ? Duration.ofSeconds(30) : resyncInterval;
        cueRepeatInterval = cueRepeatInterval == null ? Duration.ofSeconds(20) : cueRepeatInterval;
        if (cueRepeatInterval.compareTo(SHORTEST_CUE_REPEAT) < 0) {
            throw new IllegalArgumentException(
                    "varde.console.cue-repeat-interval must be at least 5 s (a cue every moment drowns the room), was "
                            + cueRepeatInterval);
        }
    }
}
