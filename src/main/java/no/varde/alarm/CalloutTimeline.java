package no.varde.alarm;

import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Lets the dispatch module put what the operator must know about a call-out on the alarm's timeline: no team
 * to notify, a whole chain tried without acceptance, a message that could not be sent.
 */
@Service
public class CalloutTimeline {

    private final Alarms alarms;

    CalloutTimeline(Alarms alarms) {
        this.alarms = alarms;
    }

    /**
     * Whether the alarm is still dispatched, locked against a close or take-back until the caller's transaction
     * (the one that writes the call-out) ends.
     */
    public boolean stillDispatched(AlarmId id) {
        return alarms.stillDispatched(id);
    }

    /** A note by {@code system:dispatch}; {@code reason} is kept in the entry for machines to find. */
    public void recordProblem(AlarmId id, String reason, String text, Map<String, Object> data) {
        alarms.recordCalloutProblem(id, reason, text, data);
    }
}
