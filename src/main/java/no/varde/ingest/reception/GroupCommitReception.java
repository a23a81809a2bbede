package no.varde.ingest.reception;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmTypeMappings;
import no.varde.ingest.IngestProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reception with group commit. Adapters' deliveries wait in two bounded lanes (alarms for a person ahead of
 * technical and supervision events); a few writer threads each take a group of waiting deliveries and commit it
 * in one transaction, so one flush covers many senders, and complete each delivery's receipt only after that
 * commit. A group that fails is retried delivery by delivery, so a poison event fails only its own sender. A
 * delivery whose sender gave up waiting (its receipt cancelled after the answer "not now") is dropped from the lane
 * before it is written: under overload the writers spend their time on senders still waiting, instead of working
 * through a backlog nobody waits for while every new sender times out too.
 */
@Service
class GroupCommitReception implements Reception, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitReception.class);

    private final GroupWriter writer;
    private final AlarmTypeMappings mappings;
    private final IngestProperties.Reception settings;
    private final TransactionTemplate transactions;
    private final ReceptionStore store;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition waiting = lock.newCondition();
    private final ArrayDeque<Pending> human = new ArrayDeque<>();
    private final ArrayDeque<Pending> other = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    GroupCommitReception(
            GroupWriter writer,
            AlarmTypeMappings mappings,
            IngestProperties properties,
            PlatformTransactionManager transactionManager,
            ReceptionStore store,
            Clock clock) {
        this.writer = writer;
        this.mappings = mappings;
        this.settings = properties.reception();
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Receipt> submit(Delivery delivery) {
        CompletableFuture<Receipt> receipt = new CompletableFuture<>();
        ArrayDeque<Pending> lane = lane(delivery) == Lane.HUMAN ? human : other;
        lock.lock();
        try {
            if (!running) {
                receipt.completeExceptionally(unavailable("VARDE-INGEST-0005: reception is not running", null));
            } else if (lane.size() >= settings.queueCapacity()) {
                receipt.completeExceptionally(
                        unavailable("VARDE-INGEST-0004: reception is full; send again shortly", null));
            } else {
                lane.add(new Pending(
                        delivery,
                        receipt,
                        System.nanoTime() + settings.commitTimeout().toNanos()));
                waiting.signal();
            }
        } finally {
            lock.unlock();
        }
        return receipt;
    }

    @Override
    public RejectedDeliveryId reject(RejectedDelivery rejected) {
        return java.util.Objects.requireNonNull(transactions.execute(status -> store.reject(rejected)));
    }

    private Lane lane(Delivery delivery) {
        boolean needsPerson = delivery.events().stream()
                .anyMatch(e -> !e.supervision()
                        && mappings.categoryOf(e.event().source(), e.event().code()) == AlarmCategory.ALARM);
        return needsPerson ? Lane.HUMAN : Lane.OTHER;
    }

    // ---- writers ----------------------------------------------------------------------------------------

    private void writeLoop() {
        while (running) {
            List<Pending> group;
            try {
                group = nextGroup();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!group.isEmpty()) {
                commit(group);
            }
        }
    }

    /**
     * Waits for deliveries and takes a group: people's alarms first, then others while the group has room. A
     * delivery whose sender gave up (receipt cancelled) or whose commit timeout passed while it waited is not taken:
     * its sender has been told, or is now told, "not now" and sends again (a DC-09 transmitter or SCAIP device
     * without an answer retries anyway). Under overload the writers so spend their time on senders still waiting
     * instead of on a backlog nobody waits for.
     */
    private List<Pending> nextGroup() throws InterruptedException {
        List<Pending> group = new ArrayList<>();
        List<Pending> expired = new ArrayList<>();
        lock.lock();
        try {
            while (running && human.isEmpty() && other.isEmpty()) {
                waiting.await();
            }
            long now = System.nanoTime();
            int events = 0;
            for (ArrayDeque<Pending> lane : List.of(human, other)) {
                while (!lane.isEmpty()
                        && (group.isEmpty() || events + lane.peek().size() <= settings.maxGroupEvents())) {
                    Pending next = lane.poll();
                    if (next.receipt().isCancelled()) {
                        continue;
                    }
                    if (next.expired(now)) {
                        expired.add(next);
                        continue;
                    }
                    group.add(next);
                    events += next.size();
                }
            }
        } finally {
            lock.unlock();
        }
        // answered outside the lock: a sender's callback (the DC-09 no-answer, a SIP 503) runs on this thread
        for (Pending late : expired) {
            late.receipt()
                    .completeExceptionally(unavailable(
                            "VARDE-INGEST-0008: not committed within "
                                    + settings.commitTimeout().toMillis() + " ms; send it again",
                            null));
        }
        return group;
    }

    private void commit(List<Pending> group) {
        List<Receipt> receipts;
        try {
            receipts = transactions.execute(
                    status -> writer.write(group.stream().map(Pending::delivery).toList()));
        } catch (RuntimeException e) {
            if (group.size() == 1 || isUnavailable(e)) {
                fail(group, e);
            } else {
                log.warn("A group of {} deliveries failed; retrying them one by one", group.size(), e);
                group.forEach(one -> commit(List.of(one)));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).receipt().complete(receipts.get(i));
        }
    }

    private void fail(List<Pending> group, RuntimeException e) {
        RuntimeException answer = isUnavailable(e)
                ? unavailable("VARDE-INGEST-0006: the database is not available; send again shortly", e)
                : e;
        if (!isUnavailable(e)) {
            log.error("VARDE-INGEST-0007: a delivery from {} could not be stored", senders(group), e);
        }
        group.forEach(pending -> pending.receipt().completeExceptionally(answer));
    }

    private static String senders(List<Pending> group) {
        return group.stream()
                .map(p -> p.delivery().source() + ":" + p.delivery().sender())
                .distinct()
                .toList()
                .toString();
    }

    /** The database cannot be reached or did not answer in time: the sender should try again later. */
    private static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || (t instanceof java.sql.SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    private ReceptionUnavailable unavailable(String message, @Nullable Throwable cause) {
        return new ReceptionUnavailable(message, settings.retryAfter(), cause);
    }

    // ---- lifecycle --------------------------------------------------------------------------------------

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.writers(); i++) {
            threads.add(
                    Thread.ofPlatform().name("reception-writer-" + i).daemon().start(this::writeLoop));
        }
    }

    @Override
    public void stop() {
        lock.lock();
        try {
            running = false;
            waiting.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread thread : threads) {
            try {
                thread.join(settings.commitTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        lock.lock();
        try {
            for (ArrayDeque<Pending> lane : List.of(human, other)) {
                lane.forEach(p -> p.receipt()
                        .completeExceptionally(unavailable("VARDE-INGEST-0005: reception is stopping", null)));
                lane.clear();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts before the web server takes requests and stops after its graceful shutdown has let the requests in
     * flight finish (and before the database pool closes).
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
