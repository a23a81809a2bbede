package no.varde.alarm;

/** The lifecycle of DESIGN.md, aligned with the VKP composition event codes. */
public enum AlarmState {
    RECEIVED(0),
    IN_PROGRESS(1),
    DISPATCHED(4),
    DISPATCH_ACCEPTED(5),
    CLOSED(3);

    private final int vkpEvent;

    AlarmState(int vkpEvent) {
        this.vkpEvent = vkpEvent;
    }

    public int vkpEvent() {
        return vkpEvent;
    }
}
