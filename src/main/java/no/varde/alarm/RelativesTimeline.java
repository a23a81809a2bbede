package no.varde.alarm;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets the resident's circle (relatives notified by SMS) put its steps on the alarm's timeline as typed entries:
 * a message queued, its delivery status, and the relative's confirmation.
 */
@Service
public class RelativesTimeline {

    private final Alarms alarms;

    RelativesTimeline(Alarms alarms) {
        this.alarms = alarms;
    }

    /** A message to {@code relative} was queued by {@code actor} (the operator, or the escalation). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void messageQueued(
            AlarmId id, String actor, @Nullable String actorRole, String relative, String messageId, String text) {
        alarms.recordRelativeMessage(
                id,
                actor,
                actorRole,
                TimelineKind.RELATIVE_SMS,
                text,
                new TimelineDetail.RelativeMessage(relative, messageId, "QUEUED"));
    }

    /** The message's delivery status changed (SENT, OUTBOX, DELIVERED, FAILED), with the gateway's reason if any. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void messageStatus(AlarmId id, String relative, String messageId, String status, @Nullable String reason) {
        alarms.recordRelativeMessage(
                id,
                "system:sms",
                null,
                TimelineKind.RELATIVE_SMS_STATUS,
                reason,
                new TimelineDetail.RelativeMessage(relative, messageId, status));
    }

    /** The relative confirmed through the signed link of their message. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirmed(AlarmId id, String relative, String messageId) {
        alarms.recordRelativeMessage(
                id,
                "relative:" + relative,
                "RELATIVE_LINK",
                TimelineKind.RELATIVE_CONFIRMED,
                null,
                new TimelineDetail.RelativeConfirmation(relative, messageId));
    }
}
