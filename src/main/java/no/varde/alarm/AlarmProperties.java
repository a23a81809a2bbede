package no.varde.alarm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alarm handling rules.
 *
 * @param repeatWindow an alarm from the same resident within this window is marked as a repeat and raised
 * @param dispatchAcceptDeadline a call-out not accepted within this time escalates (default 10 minutes)
 * @param unknownCodeDeadline claim deadline of alarms whose event code is not in the table
 * @param deadlineCheckInterval how often deadlines are checked
 */
@ConfigurationProperties("varde.alarm")
public record AlarmProperties(
        Duration repeatWindow,
        Duration dispatchAcceptDeadline,
        Duration unknownCodeDeadline,
        Duration deadlineCheckInterval) {

    public AlarmProperties {
        repeatWindow = repeatWindow == null ? Duration.ofMinutes(30) : repeatWindow;
        dispatchAcceptDeadline = dispatchAcceptDeadline == null ? Duration.ofMinutes(10) : dispatchAcceptDeadline;
        unknownCodeDeadline = unknownCodeDeadline == null ? Duration.ofSeconds(60) : unknownCodeDeadline;
        deadlineCheckInterval = deadlineCheckInterval == null ? Duration.ofSeconds(2) : deadlineCheckInterval;
    }
}
