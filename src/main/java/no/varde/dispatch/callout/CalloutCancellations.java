package no.varde.dispatch.callout;

import no.varde.alarm.AlarmEvents.AlarmCalloutCancelled;
import no.varde.alarm.AlarmEvents.AlarmClosed;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Outcome;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When the operator closes an alarm whose call-out is still going (they confirmed it) or takes the alarm back from
 * home care, the call-out is cancelled and the worker told by SMS, after the alarm's transaction commits. An alarm
 * closed as "call-out completed" cancels nothing: the worker was there.
 */
@Component
class CalloutCancellations {

    private final Callouts callouts;
    private final CalloutNotifications notifications;

    CalloutCancellations(Callouts callouts, CalloutNotifications notifications) {
        this.callouts = callouts;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(AlarmClosed event) {
        if (event.outcome() != Outcome.CALLOUT_COMPLETED) {
            cancelActive(event.alarmId());
        }
    }

    @ApplicationModuleListener
    void on(AlarmCalloutCancelled event) {
        cancelActive(event.alarmId());
    }

    private void cancelActive(AlarmId alarm) {
        for (Callout callout : callouts.lockActiveOf(alarm)) {
            notifications.cancel(callout, callouts.links(callout.id()));
        }
    }
}
