package no.varde.circle;

import no.varde.alarm.RelativesTimeline;
import no.varde.dispatch.sms.SmsStatusChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Follows relatives' messages: each delivery status change of their SMS goes on the alarm's timeline, and running
 * escalations move down the list when the awaited relative has not confirmed in time.
 */
@Component
class CircleJobs {

    private final RelativeRounds rounds;
    private final RelativesTimeline timeline;
    private final RelativeNotifications notifications;

    CircleJobs(RelativeRounds rounds, RelativesTimeline timeline, RelativeNotifications notifications) {
        this.rounds = rounds;
        this.timeline = timeline;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(SmsStatusChanged changed) {
        rounds.messageOfSms(changed.messageId())
                .ifPresent(message -> rounds.alarmOfRound(message.roundId())
                        .ifPresent(alarm -> timeline.messageStatus(
                                alarm,
                                message.relativeName(),
                                message.id().toString(),
                                changed.status().name(),
                                changed.reason())));
    }

    @Scheduled(
            fixedDelayString = "${varde.circle.escalation-check-interval:30s}",
            initialDelayString = "${varde.circle.escalation-check-interval:30s}")
    void escalate() {
        notifications.escalateDue();
    }
}
