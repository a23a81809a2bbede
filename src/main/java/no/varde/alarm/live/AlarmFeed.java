package no.varde.alarm.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import no.varde.alarm.AlarmChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** This node's subscribers to committed alarm changes (console streams, wallboards, benchmarks). */
@Component
public class AlarmFeed {

    private static final Logger log = LoggerFactory.getLogger(AlarmFeed.class);
    private final List<Consumer<AlarmChange>> subscribers = new CopyOnWriteArrayList<>();

    public AutoCloseable subscribe(Consumer<AlarmChange> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    void publish(AlarmChange change) {
        for (Consumer<AlarmChange> subscriber : subscribers) {
            try {
                subscriber.accept(change);
            } catch (RuntimeException e) {
                log.warn("An alarm feed subscriber failed; it stays subscribed", e);
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }
}
