package no.varde.dispatch.callout;

import no.varde.alarm.AlarmEvents.AlarmCalloutCancelled;
import no.varde.alarm.AlarmEvents.AlarmClosed;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Outcome;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the operator closes an alarm whose call-out is still going (they confirmed it) or takes the alarm back from
 * home care, the call-out is cancelled and the worker's SMS queued in the same transaction as the close: both happen
 * or neither, and no extra asynchronous listener competes with the dispatch of other alarms for the module
 * listeners' few threads. The SMS itself leaves after commit (the outbox). An alarm closed as "call-out completed"
 * cancels nothing: the worker was there.
 */
@Component
class CalloutCancellations {

    private final Callouts callouts;
    private final CalloutNotifications notifications;

    CalloutCancellations(Callouts callouts, CalloutNotifications notifications) {
        this.callouts = callouts;
        this.notifications = notifications;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AlarmClosed event) {
        if (event.outcome() != Outcome.CALLOUT_COMPLETED) {
            cancelActive(event.alarmId());
            return;
        }
        // closed as completed: whoever went is done (the worker may have phoned it in instead of tapping Done);
        // anyone still only notified is told not to come
        for (Callout callout : callouts.lockActiveOf(event.alarmId())) {
            if (callout.state().waitingForAcceptance()) {
                notifications.cancel(callout, callouts.links(callout.id()));
            } else {
                callouts.moved(callout.id(), CalloutState.DONE, event.at());
            }
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AlarmCalloutCancelled event) {
        cancelActive(event.alarmId());
    }

    private void cancelActive(AlarmId alarm) {
        for (Callout callout : callouts.lockActiveOf(alarm)) {
            notifications.cancel(callout, callouts.links(callout.id()));
        }
    }
}
