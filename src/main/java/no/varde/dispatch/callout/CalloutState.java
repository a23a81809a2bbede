package no.varde.dispatch.callout;

/** Where a call-out stands; the first three mean "waiting for someone to accept". */
public enum CalloutState {
    NOTIFIED,
    DECLINED,
    ESCALATED,
    ACCEPTED,
    ARRIVED,
    DONE;

    public boolean waitingForAcceptance() {
        return this == NOTIFIED || this == DECLINED || this == ESCALATED;
    }
}
