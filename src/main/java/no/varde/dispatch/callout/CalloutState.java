package no.varde.dispatch.callout;

/** Where a call-out stands; the first three mean "waiting for someone to accept". */
public enum CalloutState {
    NOTIFIED,
    DECLINED,
    ESCALATED,
    ACCEPTED,
    ARRIVED,
    DONE,
    /** The operator closed the alarm or took it back while the call-out was still going. */
    CANCELLED;

    /** Someone is, or may be about to be, on the way: a cancellation must reach them. */
    public boolean active() {
        return this != DONE && this != CANCELLED;
    }

    public boolean waitingForAcceptance() {
        return this == NOTIFIED || this == DECLINED || this == ESCALATED;
    }
}
