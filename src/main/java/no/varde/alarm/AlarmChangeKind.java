package no.varde.alarm;

import no.varde.alarm.AlarmEvents.AlarmCallLogged;
import no.varde.alarm.AlarmEvents.AlarmCalloutArrived;
import no.varde.alarm.AlarmEvents.AlarmCalloutCancelled;
import no.varde.alarm.AlarmEvents.AlarmCalloutDeclined;
import no.varde.alarm.AlarmEvents.AlarmCalloutDone;
import no.varde.alarm.AlarmEvents.AlarmCalloutNotified;
import no.varde.alarm.AlarmEvents.AlarmCalloutProblem;
import no.varde.alarm.AlarmEvents.AlarmClaimed;
import no.varde.alarm.AlarmEvents.AlarmClosed;
import no.varde.alarm.AlarmEvents.AlarmDispatchAccepted;
import no.varde.alarm.AlarmEvents.AlarmDispatchOverdue;
import no.varde.alarm.AlarmEvents.AlarmDispatched;
import no.varde.alarm.AlarmEvents.AlarmEscalated;
import no.varde.alarm.AlarmEvents.AlarmEvent;
import no.varde.alarm.AlarmEvents.AlarmHandedTo113;
import no.varde.alarm.AlarmEvents.AlarmNoted;
import no.varde.alarm.AlarmEvents.AlarmReassigned;
import no.varde.alarm.AlarmEvents.AlarmReceived;
import no.varde.alarm.AlarmEvents.AlarmRelativeMessage;
import no.varde.alarm.AlarmEvents.AlarmRelativesNotified;
import no.varde.alarm.AlarmEvents.AlarmReleased;

/**
 * What changed, as live views name it: the one vocabulary shared by the relay between nodes, the console's
 * stream and {@code console.js} (which reads the names from the page, never spells them itself).
 */
public enum AlarmChangeKind {
    RECEIVED,
    CLAIMED,
    RELEASED,
    REASSIGNED,
    CALL,
    NOTE,
    DISPATCHED,
    DISPATCH_NOTIFIED,
    CALLOUT_PROBLEM,
    DISPATCH_ACCEPTED,
    DISPATCH_DECLINED,
    ARRIVED,
    DISPATCH_DONE,
    CALLOUT_CANCELLED,
    ESCALATED,
    DISPATCH_OVERDUE,
    HANDED_TO_113,
    RELATIVES_NOTIFIED,
    RELATIVE_MESSAGE,
    CLOSED;

    /** Changes that call for the operator's ear: a new alarm, or one overdue. */
    public boolean isAlert() {
        return this == RECEIVED || this == ESCALATED || this == DISPATCH_OVERDUE;
    }

    public static AlarmChangeKind of(AlarmEvent event) {
        return switch (event) {
            case AlarmReceived e -> RECEIVED;
            case AlarmClaimed e -> CLAIMED;
            case AlarmReleased e -> RELEASED;
            case AlarmReassigned e -> REASSIGNED;
            case AlarmCallLogged e -> CALL;
            case AlarmNoted e -> NOTE;
            case AlarmDispatched e -> DISPATCHED;
            case AlarmCalloutNotified e -> DISPATCH_NOTIFIED;
            case AlarmCalloutProblem e -> CALLOUT_PROBLEM;
            case AlarmDispatchAccepted e -> DISPATCH_ACCEPTED;
            case AlarmCalloutDeclined e -> DISPATCH_DECLINED;
            case AlarmCalloutArrived e -> ARRIVED;
            case AlarmCalloutDone e -> DISPATCH_DONE;
            case AlarmCalloutCancelled e -> CALLOUT_CANCELLED;
            case AlarmEscalated e -> ESCALATED;
            case AlarmDispatchOverdue e -> DISPATCH_OVERDUE;
            case AlarmHandedTo113 e -> HANDED_TO_113;
            case AlarmRelativesNotified e -> RELATIVES_NOTIFIED;
            case AlarmRelativeMessage e -> RELATIVE_MESSAGE;
            case AlarmClosed e -> CLOSED;
        };
    }
}
