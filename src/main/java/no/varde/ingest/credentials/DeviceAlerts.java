package no.varde.ingest.credentials;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate limit for technical alarms the receivers raise themselves (a known device failing authentication or
 * decryption): at most one per device and interval, across nodes.
 */
@Component
public class DeviceAlerts {

    private final JdbcClient jdbc;
    private final Clock clock;

    DeviceAlerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether this device may raise another technical alarm now; if so, the time is recorded. */
    public boolean mayRaise(String source, String sender, Duration interval) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        insert into protocol_alert (source, sender, last_raised_at) values (?, ?, ?)
                        on conflict (source, sender) do update set last_raised_at = excluded.last_raised_at
                            where protocol_alert.last_raised_at <= ?
                        returning 1
                        """)
                .params(source, sender, Timestamp.from(now), Timestamp.from(now.minus(interval)))
                .query(Integer.class)
                .optional()
                .isPresent();
    }
}
