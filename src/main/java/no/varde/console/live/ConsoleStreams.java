package no.varde.console.live;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmChange;
import no.varde.alarm.AlarmChangeKind;
import no.varde.alarm.AlarmChanges;
import no.varde.alarm.AlarmState;
import no.varde.alarm.Alarms;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's live console streams. Every committed alarm change (from any node, via the alarm feed) is sent to
 * the streams of those users who may see that alarm, as a small signal without personal data: the browser then
 * fetches the re-rendered queue with its own session, so names are read and audited in the user's request.
 * A heartbeat keeps proxies from closing idle streams and refreshes the operators-on-duty presence.
 */
@Component
public class ConsoleStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsoleStreams.class);

    private final AlarmChanges changes;
    private final ConsolePresence presence;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    // One ordered worker per node: changes reach the streams in commit order, and a burst of alarms costs one
    // database read per change instead of a thread and a connection each (which starved ingest of connections).
    // Created on start, ended on stop: the test framework pauses and restarts cached contexts.
    private volatile ExecutorService sender = newSender();
    private volatile @Nullable AutoCloseable subscription;

    private final AccessScopes scopes;

    ConsoleStreams(AlarmChanges changes, ConsolePresence presence, AccessScopes scopes) {
        this.changes = changes;
        this.presence = presence;
        this.scopes = scopes;
    }

    private static ExecutorService newSender() {
        return Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("console-streams").factory());
    }

    /** Where one stream's events go; the SSE controller adapts an {@code SseEmitter} to it. */
    public interface Sink {

        void send(LiveEvent event) throws IOException;

        void comment(String text) throws IOException;

        void close();
    }

    /**
     * What the browser is told: which alarm changed and how, its category and priority (so it can pick the tab),
     * whether it is still open (else its row goes), and the sound cue if any. No names, no municipality: the row
     * itself is fetched with the user's own session, where names are read and audited.
     */
    public record LiveEvent(
            String id,
            AlarmChangeKind what,
            AlarmCategory category,
            int priority,
            AlarmState state,
            boolean open,
            @Nullable ConsoleSound sound) {

        static LiveEvent of(AlarmChange change) {
            return new LiveEvent(
                    change.alarmId().toString(),
                    change.what(),
                    change.category(),
                    change.priority().value(),
                    change.state(),
                    change.isOpen(),
                    ConsoleSound.of(change));
        }
    }

    /** Registers a stream for the user; the returned handle removes it again. */
    public Runnable open(VardeUser user, Sink sink) {
        // the scope is resolved once per stream; a changed centre membership applies when the console reconnects
        Subscriber subscriber = new Subscriber(
                user,
                scopes.forUser(user),
                sink,
                Executors.newSingleThreadExecutor(Thread.ofVirtual()
                        .name("console-stream-" + user.username())
                        .factory()));
        subscribers.add(subscriber);
        submit(this::refreshPresence);
        return () -> {
            if (subscribers.remove(subscriber)) {
                submit(this::refreshPresence);
            }
        };
    }

    public int openStreams() {
        return subscribers.size();
    }

    void onChange(AlarmChange change) {
        if (subscribers.isEmpty()) {
            return;
        }
        submit(() -> deliver(change));
    }

    private void submit(Runnable task) {
        try {
            sender.execute(task);
        } catch (RejectedExecutionException stopping) {
            // the node is shutting down
        }
    }

    /** The change carries what visibility needs: no database read per change. */
    private void deliver(AlarmChange change) {
        try {
            LiveEvent event = LiveEvent.of(change);
            for (Subscriber subscriber : subscribers) {
                if (Alarms.visibleTo(subscriber.user(), subscriber.scope(), change.kommunenummer())) {
                    send(subscriber, event);
                }
            }
        } catch (RuntimeException e) {
            log.warn(
                    "VARDE-CONSOLE-0001: could not deliver the change of alarm {} to console streams",
                    change.alarmId(),
                    e);
        }
    }

    /**
     * Writes on the subscriber's own thread, in order: a browser that went away without closing its connection
     * can block a write, and must not hold up the other operators' streams.
     */
    private void send(Subscriber subscriber, LiveEvent event) {
        subscriber.write(() -> subscriber.sink().send(event), () -> drop(subscriber));
    }

    /** Every 15 s: a comment line on every stream (drops dead ones) and the presence refresh. */
    @Scheduled(fixedRate = 15_000, initialDelay = 15_000)
    void heartbeat() {
        for (Subscriber subscriber : subscribers) {
            subscriber.write(() -> subscriber.sink().comment("heartbeat"), () -> drop(subscriber));
        }
        refreshPresence();
    }

    private void drop(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            subscriber.writer().shutdownNow();
            try {
                subscriber.sink().close();
            } catch (RuntimeException ignored) {
                // the connection is already gone
            }
        }
    }

    private synchronized void refreshPresence() {
        try {
            Map<String, ConsolePresence.OnDuty> users = new LinkedHashMap<>();
            for (Subscriber subscriber : subscribers) {
                users.putIfAbsent(
                        subscriber.user().username(),
                        new ConsolePresence.OnDuty(
                                subscriber.user().username(), subscriber.user().displayName()));
            }
            presence.refresh(users.values());
        } catch (RuntimeException e) {
            log.warn("VARDE-CONSOLE-0002: could not refresh the operators-on-duty presence", e);
        }
    }

    @Override
    public synchronized void start() {
        if (sender.isShutdown()) {
            sender = newSender();
        }
        subscription = changes.subscribe(this::onChange);
    }

    @Override
    public synchronized void stop() {
        try {
            AutoCloseable current = subscription;
            subscription = null;
            if (current != null) {
                current.close();
            }
        } catch (Exception e) {
            log.debug("Unsubscribing from the alarm feed failed", e);
        }
        subscribers.forEach(this::drop);
        // no presence write here: at JVM exit the database may already be going away, and a blocked write
        // would hold up the shutdown; this node's rows simply go stale
        sender.shutdown();
    }

    @Override
    public boolean isRunning() {
        return subscription != null && !sender.isShutdown();
    }

    private record Subscriber(
            VardeUser user,
            AccessScope scope,
            Sink sink,
            ExecutorService writer,
            java.util.concurrent.atomic.AtomicInteger pending) {

        /** A stream this far behind is not being read; it is dropped and the console reconnects. */
        static final int MAX_PENDING = 500;

        Subscriber(VardeUser user, AccessScope scope, Sink sink, ExecutorService writer) {
            this(user, scope, sink, writer, new java.util.concurrent.atomic.AtomicInteger());
        }

        interface Write {
            void run() throws IOException;
        }

        void write(Write write, Runnable onFailure) {
            if (pending.incrementAndGet() > MAX_PENDING) {
                onFailure.run();
                return;
            }
            try {
                writer.execute(() -> {
                    try {
                        write.run();
                    } catch (IOException | RuntimeException e) {
                        onFailure.run();
                    } finally {
                        pending.decrementAndGet();
                    }
                });
            } catch (RejectedExecutionException dropped) {
                // the stream was dropped meanwhile
            }
        }
    }
}
