package no.varde.alarm;

import java.time.Instant;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/** Past-tense events other modules react to (dispatch, journal, fleet, console). */
public final class AlarmEvents {

    private AlarmEvents() {}

    public record AlarmReceived(AlarmId alarmId, AlarmCategory category, int priority, Instant receivedAt) {}

    public record AlarmClaimed(AlarmId alarmId, String operator, Instant at) {}

    /** Responsibility handed to the municipality's home-care team: the dispatch module notifies it. */
    public record AlarmDispatched(
            AlarmId alarmId,
            @Nullable Kommunenummer kommunenummer,
            String operator,
            @Nullable String message,
            Instant at) {}

    public record AlarmDispatchAccepted(AlarmId alarmId, String by, Instant at) {}

    /** A call-out not accepted in time: the dispatch module tries the next contact of the chain. */
    public record AlarmDispatchOverdue(
            AlarmId alarmId, @Nullable Kommunenummer kommunenummer, int escalationLevel, Instant at) {}

    /** Not claimed within its deadline: escalated visibly and audibly in the console. */
    public record AlarmEscalated(AlarmId alarmId, int escalationLevel, Instant at) {}

    public record AlarmClosed(AlarmId alarmId, Outcome outcome, String by, Instant at) {}
}
