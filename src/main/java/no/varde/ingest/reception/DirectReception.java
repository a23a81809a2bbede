package no.varde.ingest.reception;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.registry.Devices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simple, durable implementation of the reception port over today's alarm store: one transaction per delivery,
 * committed (synchronous commit) before the future completes, on a small bounded pool so that protocol threads
 * never wait for the database and a full queue fails at once. The alarm-core branch replaces this class (and its
 * migration {@code V202611300401__ingest_direct_reception.sql}) with group commit; the contract stays.
 */
@Service
public class DirectReception implements Reception, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DirectReception.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int THREADS = 4;
    private static final int QUEUE = 512;

    private final JdbcClient jdbc;
    private final Alarms alarms;
    private final Devices devices;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ThreadPoolExecutor pool;

    DirectReception(JdbcClient jdbc, Alarms alarms, Devices devices, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.devices = devices;
        this.transaction = transaction;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                THREADS, THREADS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "reception-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @Override
    public CompletableFuture<Receipt> submit(Delivery delivery) {
        CompletableFuture<Receipt> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(commit(delivery));
                } catch (RuntimeException e) {
                    log.error(
                            "VARDE-INGEST-0101: a {} delivery from {} could not be committed; the sender is told to"
                                    + " retry",
                            delivery.source(),
                            delivery.sender(),
                            e);
                    result.completeExceptionally(
                            new ReceptionUnavailable("VARDE-INGEST-0101: cannot commit now", RETRY_AFTER, e));
                }
            });
        } catch (RejectedExecutionException full) {
            result.completeExceptionally(
                    new ReceptionUnavailable("VARDE-INGEST-0102: reception queue is full", Duration.ofSeconds(1)));
        }
        return result;
    }

    private Receipt commit(Delivery delivery) {
        Receipt receipt = transaction.execute(status -> {
            Instant now = clock.instant();
            List<EventReceipt> receipts = new ArrayList<>();
            for (ReceivedEvent event : delivery.events()) {
                receipts.add(one(delivery, event, now));
            }
            return new Receipt(List.copyOf(receipts));
        });
        return java.util.Objects.requireNonNull(receipt);
    }

    private EventReceipt one(Delivery delivery, ReceivedEvent received, Instant now) {
        String source = delivery.source().name();
        // Serialises concurrent retransmissions of one event (also across nodes) until this transaction ends.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param(source + "\u001f" + delivery.sender() + "\u001f" + received.key())
                .query((rs, row) -> 1)
                .list();
        Optional<Seen> seen = jdbc.sql("select alarm_id, supervision from reception_key"
                        + " where source = ? and sender = ? and key = ? and (expires_at is null or expires_at > ?)")
                .params(source, delivery.sender(), received.key(), Timestamp.from(now))
                .query((rs, row) -> new Seen(rs.getObject("alarm_id", UUID.class), rs.getBoolean("supervision")))
                .optional();
        if (seen.isPresent()) {
            UUID alarm = seen.get().alarm();
            return new EventReceipt(received.key(), alarm == null ? null : new AlarmId(alarm), true);
        }
        AlarmId alarm = null;
        if (received.supervision()) {
            devices.recordHeard(received.event().device(), now);
        } else {
            alarm = alarms.receive(received.event());
            devices.recordHeard(received.event().device(), now);
        }
        Duration window = received.dedupWindow();
        jdbc.sql("""
                insert into reception_key (source, sender, key, received_at, expires_at, alarm_id, supervision, raw)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (source, sender, key) do update set received_at = excluded.received_at,
                    expires_at = excluded.expires_at, alarm_id = excluded.alarm_id,
                    supervision = excluded.supervision, raw = excluded.raw
                """)
                .params(
                        source,
                        delivery.sender(),
                        received.key(),
                        Timestamp.from(now),
                        window == null ? null : Timestamp.from(now.plus(window)),
                        alarm == null ? null : alarm.value(),
                        received.supervision(),
                        delivery.raw())
                .update();
        return new EventReceipt(received.key(), alarm, false);
    }

    @Override
    public long reject(RejectedDelivery rejected) {
        Long id = transaction.execute(status -> jdbc.sql(
                        "insert into rejected_input (received_at, source, sender, content_type, body, problems)"
                                + " values (?, ?, ?, ?, ?, cast(? as jsonb)) returning id")
                .params(
                        Timestamp.from(clock.instant()),
                        rejected.source().name(),
                        rejected.sender(),
                        rejected.contentType(),
                        rejected.raw(),
                        JSON.writeValueAsString(rejected.problems()))
                .query(Long.class)
                .single());
        return java.util.Objects.requireNonNull(id);
    }

    @Override
    public void destroy() {
        pool.shutdown();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Seen(@org.jspecify.annotations.Nullable UUID alarm, boolean supervision) {}
}
