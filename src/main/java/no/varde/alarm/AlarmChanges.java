package no.varde.alarm;

import java.util.function.Consumer;
import no.varde.alarm.live.AlarmFeed;
import org.springframework.stereotype.Component;

/**
 * Committed alarm changes from every node, for live views in other modules (console, wallboard). The listener
 * gets a typed {@link AlarmChange} on the LISTEN thread: it must return quickly and hand any work to its own
 * thread.
 */
@Component
public class AlarmChanges {

    private final AlarmFeed feed;

    AlarmChanges(AlarmFeed feed) {
        this.feed = feed;
    }

    /** Subscribes; closing the returned handle unsubscribes. */
    public AutoCloseable subscribe(Consumer<AlarmChange> listener) {
        return feed.subscribe(listener);
    }
}
