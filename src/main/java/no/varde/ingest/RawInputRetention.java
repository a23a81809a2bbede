package no.varde.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes raw input older than {@code varde.ingest.raw-retention}: the bytes of received deliveries (the events,
 * alarms and deduplication keys stay) and rejected input. Raw bodies can hold personal data and, from a hostile
 * sender, a lot of it; they are kept long enough to investigate a device or an integration, not for ever. Runs on
 * every node; an advisory lock lets one node at a time work, in small batches so no lock is held for long.
 */
@Component
class RawInputRetention {

    private static final Logger log = LoggerFactory.getLogger(RawInputRetention.class);
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration retention;
    private final Clock clock;

    RawInputRetention(JdbcClient jdbc, TransactionTemplate transactions, IngestProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retention = properties.rawRetention();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${varde.ingest.raw-retention-interval:1h}", initialDelayString = "1m")
    void scheduled() {
        purge();
    }

    /** Removes one round of expired raw input; returns how many rows were cleared or deleted. */
    long purge() {
        Timestamp before = Timestamp.from(Instant.now(clock).minus(retention));
        long total = 0;
        long round;
        do {
            Long done = transactions.execute(status -> {
                boolean mine = Boolean.TRUE.equals(
                        jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('varde.raw-retention', 0))")
                                .query(Boolean.class)
                                .single());
                if (!mine) {
                    return 0L;
                }
                long cleared = jdbc.sql("update received_delivery set raw = null, raw_removed_at = now() where id in"
                                + " (select id from received_delivery where raw is not null and received_at < ?"
                                + " order by received_at limit ?)")
                        .params(before, BATCH)
                        .update();
                long deleted = jdbc.sql("delete from rejected_input where id in (select id from rejected_input"
                                + " where received_at < ? order by received_at limit ?)")
                        .params(before, BATCH)
                        .update();
                return cleared + deleted;
            });
            round = done == null ? 0 : done;
            total += round;
        } while (round > 0);
        if (total > 0) {
            log.info("Removed raw input older than {} from {} deliveries and rejected inputs", retention, total);
        }
        return total;
    }
}
