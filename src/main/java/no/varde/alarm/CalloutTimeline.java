package no.varde.alarm;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import no.varde.alarm.live.AlarmNotifier;
import no.varde.shared.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the dispatch module put what the operator must know about a call-out on the alarm's timeline: no team
 * to notify, a whole chain tried without acceptance, a message that could not be sent.
 */
@Service
public class CalloutTimeline {

    private final AlarmStore store;
    private final AlarmNotifier notifier;
    private final Clock clock;

    CalloutTimeline(AlarmStore store, AlarmNotifier notifier, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** A note by {@code system:dispatch}; {@code reason} goes into the entry's data for machines to find. */
    @Transactional
    public void recordProblem(AlarmId id, String reason, String text, Map<String, Object> data) {
        store.lock(id).orElseThrow(() -> new NotFoundException("alarm", id));
        Map<String, Object> withReason = new HashMap<>(data);
        withReason.put("reason", reason);
        store.timeline(id, clock.instant(), TimelineKind.NOTE, "system:dispatch", null, text, withReason);
        notifier.changed(id, "CALLOUT_" + reason);
    }
}
