package no.varde.alarm;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of an alarm's timeline, the record: when, what (with its VKP event), who, and the typed detail. */
public record TimelineEntry(
        long id,
        Instant at,
        TimelineKind kind,
        @Nullable Integer vkpEvent,
        String actor,
        @Nullable String actorRole,
        @Nullable String text,
        TimelineDetail detail) {

    /** The call this entry logs, if it logs one (for templates, which cannot match on types). */
    public TimelineDetail.@Nullable Call call() {
        return detail instanceof TimelineDetail.Call call ? call : null;
    }

    public @Nullable Outcome outcome() {
        return detail instanceof TimelineDetail.Closure closure ? closure.outcome() : null;
    }

    public @Nullable String relatives() {
        return detail instanceof TimelineDetail.RelativesNotified notified ? notified.relatives() : null;
    }
}
