package no.varde.alarm;

import java.time.Instant;
import java.util.List;
import no.varde.alarm.AlarmEvents.AlarmEvent;
import org.jspecify.annotations.Nullable;

/**
 * The result of one transition of an {@link Alarm}: the alarm after it, the timeline entries it appends, and the
 * past-tense event it publishes. The repository stores all three in the caller's transaction.
 */
public record Transition(Alarm alarm, List<Entry> entries, AlarmEvent event) {

    public Transition {
        entries = List.copyOf(entries);
    }

    /** A timeline entry to append. */
    public record Entry(
            Instant at,
            TimelineKind kind,
            String actor,
            @Nullable String actorRole,
            @Nullable String text,
            TimelineDetail detail) {

        static Entry by(Actor actor, Instant at, TimelineKind kind, @Nullable String text, TimelineDetail detail) {
            return new Entry(at, kind, actor.name(), actor.role(), blankToNull(text), detail);
        }

        private static @Nullable String blankToNull(@Nullable String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
