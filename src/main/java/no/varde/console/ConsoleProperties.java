package no.varde.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Console settings.
 *
 * @param resyncInterval how often an open queue re-reads itself whole, as a safety net should the live stream
 *     silently stall (default 30 s); live changes update single rows in between
 */
@ConfigurationProperties("varde.console")
public record ConsoleProperties(Duration resyncInterval) {

    public ConsoleProperties {
        resyncInterval = resyncInterval == null ? Duration.ofSeconds(30) : resyncInterval;
    }
}
