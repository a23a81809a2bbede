package no.varde.alarm;

import no.varde.alarm.AlarmEvents.AlarmEvent;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * A committed change of an alarm, as every node's live views hear it: what changed and what a view needs to place
 * the alarm (category, priority, state) and to decide who may see it (municipality). No personal data: it travels
 * through PostgreSQL NOTIFY to every node.
 */
public record AlarmChange(
        AlarmId alarmId,
        AlarmChangeKind what,
        AlarmCategory category,
        Priority priority,
        AlarmState state,
        @Nullable Kommunenummer kommunenummer) {

    static AlarmChange of(Transition transition) {
        Alarm alarm = transition.alarm();
        AlarmEvent event = transition.event();
        return new AlarmChange(
                alarm.id(),
                AlarmChangeKind.of(event),
                alarm.category(),
                alarm.priority(),
                alarm.state(),
                alarm.kommunenummer());
    }

    public boolean isOpen() {
        return state != AlarmState.CLOSED;
    }

    /** One line of a NOTIFY payload: {@code id what category priority state kommunenummer|-}. */
    public String encode() {
        return alarmId + " " + what + " " + category + " " + priority + " " + state + " "
                + (kommunenummer == null ? "-" : kommunenummer.value());
    }

    /** Reads a line written by {@link #encode()}; refuses anything else. */
    public static AlarmChange decode(String line) {
        String[] parts = line.strip().split(" ");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not an alarm change: " + line);
        }
        return new AlarmChange(
                AlarmId.of(parts[0]),
                AlarmChangeKind.valueOf(parts[1]),
                AlarmCategory.valueOf(parts[2]),
                Priority.of(parts[3]),
                AlarmState.valueOf(parts[4]),
                "-".equals(parts[5]) ? null : new Kommunenummer(parts[5]));
    }
}
