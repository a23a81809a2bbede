package no.varde.console.live;

import java.util.List;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmChange;
import no.varde.alarm.AlarmChangeKind;
import org.jspecify.annotations.Nullable;

/**
 * The console's sound cues, with their tones (Hz). The page hands the tones to {@code console.js}, and each live
 * event names its cue: the browser never decides from change names what deserves a sound.
 */
public enum ConsoleSound {
    /** Two tones: a new alarm that needs a person. */
    NEW_ALARM(List.of(880, 660)),
    /** Three higher tones: an alarm overdue for a claim, or a call-out nobody accepted in time. */
    ESCALATION(List.of(988, 988, 988));

    private final List<Integer> tones;

    ConsoleSound(List<Integer> tones) {
        this.tones = tones;
    }

    public List<Integer> tones() {
        return tones;
    }

    static @Nullable ConsoleSound of(AlarmChange change) {
        if (change.category() != AlarmCategory.ALARM) {
            return null;
        }
        if (change.what() == AlarmChangeKind.RECEIVED) {
            return NEW_ALARM;
        }
        return change.what() == AlarmChangeKind.ESCALATED || change.what() == AlarmChangeKind.DISPATCH_OVERDUE
                ? ESCALATION
                : null;
    }
}
