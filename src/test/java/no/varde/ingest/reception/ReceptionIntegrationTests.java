package no.varde.ingest.reception;

import static no.varde.ingest.IngestFixtures.delivery;
import static no.varde.ingest.IngestFixtures.receivedDelivery;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import no.varde.alarm.AlarmTypeMappings;
import no.varde.ingest.IngestFixtures;
import no.varde.ingest.IngestProperties;
import no.varde.shared.EventSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reception port on its own: group commit, deduplication across concurrent deliveries, a poison event that
 * fails only its own sender, lanes, and "not now" when the queue is full. Each test runs its own reception with
 * a controlled number of writers; a writer is held back with the same advisory lock reception itself takes.
 */
@SpringBootTest
class ReceptionIntegrationTests {

    @Autowired
    GroupWriter writer;

    @Autowired
    AlarmTypeMappings mappings;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ReceptionStore store;

    @Autowired
    Reception sharedReception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private final List<GroupCommitReception> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(GroupCommitReception::stop);
    }

    @Test
    void concurrentDeliveriesAreCommittedWithOneReceiptEachAndARetransmissionMakesOneAlarm() throws Exception {
        String sender = "test-" + UUID.randomUUID();
        String cid = safetyAlarmController(jdbc, "1813", 7);
        List<CompletableFuture<Receipt>> receipts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // every fifth delivery retransmits the key of the one before it
            String key = "k" + (i % 5 == 4 ? i - 1 : i);
            receipts.add(sharedReception.submit(delivery(sender, event(key, "BUTTON_PRESSED", cid, "ok"))));
        }
        List<EventReceipt> answers = new ArrayList<>();
        for (CompletableFuture<Receipt> receipt : receipts) {
            answers.add(receipt.get(10, TimeUnit.SECONDS).events().getFirst());
        }
        assertThat(answers)
                .extracting(EventReceipt::duplicate)
                .filteredOn(d -> d)
                .hasSize(4);
        for (int i = 4; i < 20; i += 5) {
            assertThat(answers.get(i).alarm()).isEqualTo(answers.get(i - 1).alarm());
        }
        assertThat(jdbc.sql("select count(distinct alarm_id) from received_event where sender = ?")
                        .param(sender)
                        .query(Long.class)
                        .single())
                .isEqualTo(16);
    }

    @Test
    void eachDeliveryIsKeptRawUnderTheIdItsReceiptNamesAndARetransmissionUnderItsOwn() throws Exception {
        String sender = "test-" + UUID.randomUUID();
        String cid = safetyAlarmController(jdbc, "1813", 12);
        Receipt first = receivedDelivery(sharedReception, sender, event("k1", "BUTTON_PRESSED", cid, "first"));
        Receipt again =
                receivedDelivery(sharedReception, delivery(sender, event("k1", "BUTTON_PRESSED", cid, "first")));

        assertThat(again.delivery()).isNotEqualTo(first.delivery());
        assertThat(again.events().getFirst().duplicate()).isTrue();
        assertThat(again.events().getFirst().alarm())
                .isEqualTo(first.events().getFirst().alarm());
        for (Receipt receipt : List.of(first, again)) {
            assertThat(jdbc.sql("select sender, raw from received_delivery where id = ?")
                            .param(receipt.delivery().value())
                            .query((rs, row) -> rs.getString("sender") + "|" + new String(rs.getBytes("raw")))
                            .single())
                    .isEqualTo(sender + "|k1");
        }
        assertThat(jdbc.sql("select delivery_id from received_event where sender = ? and event_key = 'k1'")
                        .param(sender)
                        .query(Long.class)
                        .single())
                .as("the event stays recorded under the delivery that brought it first")
                .isEqualTo(first.delivery().value());
    }

    @Test
    void aPoisonEventFailsOnlyItsOwnSenderWhenItsGroupIsRetriedOneByOne() throws Exception {
        GroupCommitReception reception = reception(1, 100, 200);
        String sender = "test-" + UUID.randomUUID();
        String cid = safetyAlarmController(jdbc, "1813", 8);
        CompletableFuture<Receipt> good1;
        CompletableFuture<Receipt> poison;
        CompletableFuture<Receipt> good2;
        try (Blocker blocker = new Blocker(sender, "blocker")) {
            reception.submit(delivery(sender, event("blocker", "BUTTON_PRESSED", cid, "first")));
            blocker.awaitWriterWaiting();
            good1 = reception.submit(delivery(sender, event("good1", "BUTTON_PRESSED", cid, "ok")));
            // PostgreSQL cannot store U+0000 in text or jsonb: this event fails whatever group it is in
            poison = reception.submit(delivery(sender, event("poison", "BUTTON_PRESSED", cid, "bad\u0000text")));
            good2 = reception.submit(delivery(sender, event("good2", "FALL", cid, "ok")));
        }
        assertThat(good1.get(10, TimeUnit.SECONDS).events().getFirst().alarm()).isNotNull();
        assertThat(good2.get(10, TimeUnit.SECONDS).events().getFirst().alarm()).isNotNull();
        assertThatThrownBy(() -> poison.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(jdbc.sql("select event_key from received_event where sender = ? order by event_key")
                        .param(sender)
                        .query(String.class)
                        .list())
                .containsExactly("blocker", "good1", "good2");
    }

    @Test
    void anAlarmForAPersonOvertakesQueuedTechnicalAndSupervisionEvents() throws Exception {
        GroupCommitReception reception = reception(1, 1, 200);
        String sender = "test-" + UUID.randomUUID();
        String cid = safetyAlarmController(jdbc, "1813", 9);
        List<CompletableFuture<Receipt>> technical = new ArrayList<>();
        CompletableFuture<Receipt> fire;
        try (Blocker blocker = new Blocker(sender, "blocker")) {
            reception.submit(delivery(sender, event("blocker", "BATTERY_LOW", cid, "first")));
            blocker.awaitWriterWaiting();
            for (int i = 0; i < 5; i++) {
                technical.add(reception.submit(delivery(sender, event("battery" + i, "BATTERY_LOW", cid, "ok"))));
                technical.add(
                        reception.submit(delivery(sender, IngestFixtures.heartbeat("beat" + i, cid, clock.instant()))));
            }
            fire = reception.submit(delivery(sender, event("fire", "FIRE", cid, "ok")));
        }
        fire.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Receipt> receipt : technical) {
            receipt.get(10, TimeUnit.SECONDS);
        }
        List<String> order = jdbc.sql("select e.event_key from received_event e join received_delivery d"
                        + " on d.id = e.delivery_id where e.sender = ? order by d.id")
                .param(sender)
                .query(String.class)
                .list();
        assertThat(order.subList(0, 2)).containsExactly("blocker", "fire");
        assertThat(jdbc.sql("select count(*) from received_event where sender = ? and supervision and alarm_id is null")
                        .param(sender)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void aFullQueueAnswersNotNowAtOnceWithRetryAfter() throws Exception {
        GroupCommitReception reception = reception(1, 100, 2);
        String sender = "test-" + UUID.randomUUID();
        String cid = safetyAlarmController(jdbc, "1813", 10);
        try (Blocker blocker = new Blocker(sender, "blocker")) {
            reception.submit(delivery(sender, event("blocker", "FALL", cid, "first")));
            blocker.awaitWriterWaiting();
            reception.submit(delivery(sender, event("q1", "FALL", cid, "ok")));
            reception.submit(delivery(sender, event("q2", "FALL", cid, "ok")));
            long before = System.nanoTime();
            CompletableFuture<Receipt> refused = reception.submit(delivery(sender, event("q3", "FALL", cid, "ok")));
            assertThat(refused).isCompletedExceptionally();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
            assertThatThrownBy(refused::join)
                    .cause()
                    .isInstanceOf(ReceptionUnavailable.class)
                    .satisfies(e ->
                            assertThat(((ReceptionUnavailable) e).retryAfter()).isPositive());
        }
    }

    @Test
    void aDeliveryWhoseSenderGaveUpIsNotWrittenAndTheOthersStillAre() throws Exception {
        GroupCommitReception reception = reception(1, 100, 100);
        String sender = "test-" + UUID.randomUUID();
        String cid = safetyAlarmController(jdbc, "1813", 11);
        CompletableFuture<Receipt> abandoned;
        CompletableFuture<Receipt> waiting;
        try (Blocker blocker = new Blocker(sender, "blocker")) {
            reception.submit(delivery(sender, event("blocker", "FALL", cid, "first")));
            blocker.awaitWriterWaiting();
            abandoned = reception.submit(delivery(sender, event("abandoned", "FALL", cid, "ok")));
            waiting = reception.submit(delivery(sender, event("waiting", "FALL", cid, "ok")));
            // the HTTP adapter cancels the receipt when its commit deadline passes and answers 503 + Retry-After
            assertThat(abandoned.cancel(false)).isTrue();
        }
        Receipt stored = waiting.get(10, TimeUnit.SECONDS);
        assertThat(stored.events().getFirst().alarm()).isNotNull();
        assertThat(jdbc.sql("select event_key from received_event where sender = ? order by event_key")
                        .param(sender)
                        .query(String.class)
                        .list())
                .as("the abandoned delivery is not stored; its sender sends it again")
                .containsExactly("blocker", "waiting");
    }

    @Test
    void aDeliveryNotCommittedByItsDeadlineIsAnsweredNotNowAndNotWritten() throws Exception {
        // no adapter cancels here: reception itself stops taking a delivery whose commit timeout has passed (DC-09
        // and SCAIP rely on it)
        GroupCommitReception reception = reception(1, 100, 100, Duration.ofSeconds(2));
        String sender = "test-" + UUID.randomUUID();
        String cid = safetyAlarmController(jdbc, "1813", 12);
        CompletableFuture<Receipt> late;
        try (Blocker blocker = new Blocker(sender, "blocker")) {
            reception.submit(delivery(sender, event("blocker", "FALL", cid, "first")));
            blocker.awaitWriterWaiting();
            late = reception.submit(delivery(sender, event("late", "FALL", cid, "ok")));
            Thread.sleep(2300); // past the late delivery's deadline while the writer is still busy
        }
        assertThatThrownBy(() -> late.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ReceptionUnavailable.class)
                .hasMessageContaining("VARDE-INGEST-0008");
        // the writer is free again: a later delivery is stored, the late one is not
        reception.submit(delivery(sender, event("after", "FALL", cid, "ok"))).get(10, TimeUnit.SECONDS);
        assertThat(keys(sender))
                .as("the late delivery's sender was told to send again; it is not stored")
                .containsExactly("after", "blocker");
    }

    private List<String> keys(String sender) {
        return jdbc.sql("select event_key from received_event where sender = ? order by event_key")
                .param(sender)
                .query(String.class)
                .list();
    }

    // ---- support ----------------------------------------------------------------------------------------

    private GroupCommitReception reception(int writers, int maxGroupEvents, int capacity) {
        // a deadline far beyond any test's blocking, so these tests see only what they arrange
        return reception(writers, maxGroupEvents, capacity, Duration.ofSeconds(60));
    }

    private GroupCommitReception reception(int writers, int maxGroupEvents, int capacity, Duration commitTimeout) {
        IngestProperties properties = new IngestProperties(
                null,
                null,
                new IngestProperties.Reception(capacity, maxGroupEvents, writers, Duration.ofSeconds(3), commitTimeout),
                null);
        GroupCommitReception reception =
                new GroupCommitReception(writer, mappings, properties, transactionManager, store, clock);
        reception.start();
        started.add(reception);
        return reception;
    }

    private ReceivedEvent event(String key, String code, String cid, String text) {
        return IngestFixtures.event(key, code, cid, text, clock.instant());
    }

    /**
     * Holds the advisory lock of one event identity in its own transaction, so the writer that takes that event
     * waits; closing releases it.
     */
    private final class Blocker implements AutoCloseable {

        private final CountDownLatch locked = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        Blocker(String sender, String key) throws InterruptedException {
            thread = Thread.ofPlatform()
                    .start(() -> new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
                        store.lock(List.of(new ReceptionStore.Identity(EventSource.HTTP, sender, key)));
                        locked.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        }

        /** Waits until a writer is blocked on this lock (visible in pg_locks as a lock not granted). */
        void awaitWriterWaiting() throws InterruptedException {
            for (int i = 0; i < 200; i++) {
                Long waiting = jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                        .query(Long.class)
                        .single();
                if (waiting > 0) {
                    return;
                }
                Thread.sleep(25);
            }
            throw new AssertionError("no writer waited for the lock");
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            thread.join(10_000);
        }
    }
}
