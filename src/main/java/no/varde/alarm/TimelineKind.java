package no.varde.alarm;

import org.jspecify.annotations.Nullable;

/** Kinds of timeline entries and the VKP composition event each documents (null: internal only). */
public enum TimelineKind {
    RECEIVED(0),
    CLAIMED(1),
    RELEASED(null),
    CALL(8),
    NOTE(null),
    CAUSE(6),
    MEASURE(7),
    DISPATCHED(4),
    DISPATCH_NOTIFIED(9),
    DISPATCH_ACCEPTED(5),
    DISPATCH_DECLINED(9),
    ARRIVED(9),
    DISPATCH_DONE(9),
    HANDED_TO_113(10),
    RELATIVES_NOTIFIED(10),
    /** A text message to a relative (with consent) was queued; the detail names the relative and the message. */
    RELATIVE_SMS(10),
    /** The delivery status of a relative's message changed: sent, delivered or failed. */
    RELATIVE_SMS_STATUS(null),
    /** A relative confirmed through the signed link in their message that they got it. */
    RELATIVE_CONFIRMED(10),
    CALLOUT_CANCELLED(9),
    REASSIGNED(null),
    /** A step of the alarm type's guidance checklist ticked by the operator; the detail names it and its version. */
    GUIDANCE_STEP(null),
    ESCALATED(null),
    REPEAT_RECEIVED(null),
    CLOSED(3),
    /** Closed by a fleet rule (technical alarms), with a system actor. */
    CLOSED_BY_RULE(3),
    /** Closed by a supervisor with a flood of stale alarms. */
    CLOSED_IN_BULK(3);

    private final @Nullable Integer vkpEvent;

    TimelineKind(@Nullable Integer vkpEvent) {
        this.vkpEvent = vkpEvent;
    }

    public @Nullable Integer vkpEvent() {
        return vkpEvent;
    }
}
