package no.varde.journal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import no.varde.shared.Kommunenummer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due documents: claims PENDING rows with {@code FOR UPDATE SKIP LOCKED} and a lease (so any node may run
 * it and a crashed node's rows come back), sends each outside any transaction, then records the answer. All state
 * is in the table, so a restart continues where it stopped.
 */
@Component
public class JournalWorker {

    private static final Logger log = LoggerFactory.getLogger(JournalWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final JournalOutbox outbox;
    private final JournalEndpoints endpoints;
    private final JournalTransport transport;
    private final TransactionTemplate transactions;
    private final JournalProperties properties;
    private final Clock clock;

    JournalWorker(
            JournalOutbox outbox,
            JournalEndpoints endpoints,
            JournalTransport transport,
            TransactionTemplate transactions,
            JournalProperties properties,
            Clock clock) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.transport = transport;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${varde.journal.delivery-interval:10s}",
            initialDelayString = "${varde.journal.delivery-interval:10s}")
    void scheduled() {
        deliverDue(clock.instant());
    }

    /** Sends every row due at {@code now}; returns how many were tried. */
    public int deliverDue(Instant now) {
        int handled = 0;
        List<JournalDelivery> batch;
        do {
            Instant lease = now.plus(properties.timeout().multipliedBy(3)).plusSeconds(30);
            batch = transactions.execute(status -> outbox.claimDue(now, lease, 20));
            if (batch == null) {
                return handled;
            }
            for (JournalDelivery delivery : batch) {
                deliver(delivery, now);
                handled++;
            }
        } while (!batch.isEmpty());
        return handled;
    }

    private void deliver(JournalDelivery delivery, Instant now) {
        Optional<JournalEndpoint> endpoint = Optional.ofNullable(delivery.kommunenummer())
                .map(Kommunenummer::new)
                .flatMap(endpoints::find)
                .filter(JournalEndpoint::enabled);
        if (endpoint.isEmpty()) {
            outbox.failed(
                    delivery.id(),
                    null,
                    "VARDE-JOURNAL-0003: documentation through VKP was switched off for municipality "
                            + delivery.kommunenummer() + " before delivery",
                    clock.instant());
            return;
        }
        JournalTransport.Result result;
        try {
            result = transport.send(endpoint.get(), delivery.alarmId(), delivery.document());
        } catch (RuntimeException e) {
            result = new JournalTransport.Retry(null, "VARDE-JOURNAL-0023: " + e);
        }
        switch (result) {
            case JournalTransport.Accepted accepted -> {
                outbox.accepted(delivery.id(), accepted.httpStatus(), clock.instant());
                log.info("VARDE-JOURNAL-0030: document of alarm {} accepted", delivery.alarmId());
            }
            case JournalTransport.Rejected rejected -> {
                outbox.failed(delivery.id(), rejected.httpStatus(), rejected.reason(), clock.instant());
                log.error(
                        "VARDE-JOURNAL-0031: document of alarm {} refused: {}", delivery.alarmId(), rejected.reason());
            }
            case JournalTransport.Retry retry -> retry(delivery, retry, now);
        }
    }

    private void retry(JournalDelivery delivery, JournalTransport.Retry retry, Instant now) {
        if (delivery.attempts() >= properties.maxAttempts()) {
            outbox.failed(
                    delivery.id(),
                    retry.httpStatus(),
                    retry.reason() + " (gave up after " + delivery.attempts() + " attempts)",
                    clock.instant());
            log.error(
                    "VARDE-JOURNAL-0032: document of alarm {} failed for good: {}", delivery.alarmId(), retry.reason());
            return;
        }
        Duration pause = properties.retryBackoff().multipliedBy(1L << Math.min(delivery.attempts() - 1, 16));
        if (pause.compareTo(MAX_BACKOFF) > 0) {
            pause = MAX_BACKOFF;
        }
        log.warn(
                "VARDE-JOURNAL-0033: document of alarm {} not delivered (attempt {}), retrying in {}: {}",
                delivery.alarmId(),
                delivery.attempts(),
                pause,
                retry.reason());
        outbox.retryLater(delivery.id(), retry.httpStatus(), retry.reason(), now.plus(pause));
    }
}
