package no.varde.alarm;

/** Marks that make an alarm stand out in the queue; none of them ever hides an alarm. */
public enum AlarmFlag {
    UNKNOWN_DEVICE,
    NO_RESIDENT,
    UNKNOWN_EVENT_CODE,
    REPEAT,
    ESCALATED,
    DISPATCH_OVERDUE
}
