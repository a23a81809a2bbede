package no.varde.alarm;

import java.time.Instant;
import no.varde.shared.Kommunenummer;
import no.varde.shared.Username;
import org.jspecify.annotations.Nullable;

/**
 * Past-tense events of the alarm lifecycle, one per transition of {@link Alarm}. Signed-in users appear as their
 * {@link Username}; {@code by} is the acting {@link Actor}'s name (a user, a home-care worker through a call-out
 * link, or {@code system:<rule>}). Other modules react to them
 * (dispatch, journal, fleet); the live relay sends every one of them to every node's consoles.
 */
public final class AlarmEvents {

    private AlarmEvents() {}

    /** Every event names its alarm and when it happened. */
    public sealed interface AlarmEvent {
        AlarmId alarmId();

        Instant at();
    }

    public record AlarmReceived(AlarmId alarmId, AlarmCategory category, Priority priority, Instant receivedAt)
            implements AlarmEvent {
        @Override
        public Instant at() {
            return receivedAt;
        }
    }

    /**
     * An alarm that needs no person by its type (category TECHNICAL or INFO) was received: published beside
     * {@link AlarmReceived} for the fleet's rules, so a durable listener of technical events costs a human alarm
     * nothing (no publication row, no commit of its own).
     */
    public record TechnicalAlarmReceived(AlarmId alarmId, AlarmCategory category, Instant receivedAt) {}

    public record AlarmClaimed(AlarmId alarmId, Username operator, Instant at) implements AlarmEvent {}

    public record AlarmReleased(AlarmId alarmId, Username operator, Instant at) implements AlarmEvent {}

    public record AlarmReassigned(AlarmId alarmId, @Nullable Username from, Username to, String by, Instant at)
            implements AlarmEvent {}

    public record AlarmCallLogged(AlarmId alarmId, CallResult result, String by, Instant at) implements AlarmEvent {}

    /** A note, cause (årsak) or measure (tiltak). */
    public record AlarmNoted(AlarmId alarmId, TimelineKind kind, String by, Instant at) implements AlarmEvent {}

    /** Responsibility handed to the municipality's home-care team: the dispatch module notifies it. */
    public record AlarmDispatched(
            AlarmId alarmId,
            @Nullable Kommunenummer kommunenummer,
            Username operator,
            @Nullable String message,
            Instant at)
            implements AlarmEvent {}

    public record AlarmCalloutNotified(AlarmId alarmId, String recipient, Instant at) implements AlarmEvent {}

    /** Something about the call-out the operator must know (no team, chain exhausted, message not sent). */
    public record AlarmCalloutProblem(AlarmId alarmId, String reason, Instant at) implements AlarmEvent {}

    public record AlarmDispatchAccepted(AlarmId alarmId, String by, Instant at) implements AlarmEvent {}

    public record AlarmCalloutDeclined(AlarmId alarmId, String by, Instant at) implements AlarmEvent {}

    public record AlarmCalloutArrived(AlarmId alarmId, String by, Instant at) implements AlarmEvent {}

    public record AlarmCalloutDone(AlarmId alarmId, String by, Instant at) implements AlarmEvent {}

    /** The operator took the alarm back from home care (the alarm is in progress again). */
    public record AlarmCalloutCancelled(
            AlarmId alarmId, String by, @Nullable String reason, Instant at) implements AlarmEvent {}

    /** A call-out not accepted in time: the dispatch module tries the next contact of the chain. */
    public record AlarmDispatchOverdue(
            AlarmId alarmId, @Nullable Kommunenummer kommunenummer, int escalationLevel, Instant at)
            implements AlarmEvent {}

    /** Not claimed within its deadline: overdue, shown visibly and audibly; its priority does not change. */
    public record AlarmEscalated(AlarmId alarmId, int escalationLevel, Instant at) implements AlarmEvent {}

    public record AlarmHandedTo113(AlarmId alarmId, String by, Instant at) implements AlarmEvent {}

    public record AlarmRelativesNotified(AlarmId alarmId, String by, Instant at) implements AlarmEvent {}

    /** A relative's text message was queued, changed delivery status, or was confirmed by the relative. */
    public record AlarmRelativeMessage(AlarmId alarmId, TimelineKind kind, Instant at) implements AlarmEvent {}

    /** Closed by an operator, by a fleet rule, or in bulk by a supervisor (the timeline says which). */
    public record AlarmClosed(AlarmId alarmId, Outcome outcome, String by, Instant at) implements AlarmEvent {}
}
