package no.varde.alarm;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
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
        @JsonIgnore TimelineDetail detail) {

    /** The detail as the API has always shown it (the same keys as stored). */
    @JsonProperty("data")
    public Map<String, Object> data() {
        return detail.toData();
    }

    /** The call this entry logs, if it logs one (for templates, which cannot match on types). */
    public TimelineDetail.@Nullable Call call() {
        return detail instanceof TimelineDetail.Call call ? call : null;
    }

    public @Nullable Outcome outcome() {
        return detail instanceof TimelineDetail.Closure closure ? closure.outcome() : null;
    }

    /** The relative's message this entry logs, if it logs one (for templates). */
    public TimelineDetail.@Nullable RelativeMessage relativeMessage() {
        return detail instanceof TimelineDetail.RelativeMessage message ? message : null;
    }

    public TimelineDetail.@Nullable RelativeConfirmation relativeConfirmation() {
        return detail instanceof TimelineDetail.RelativeConfirmation confirmation ? confirmation : null;
    }

    public TimelineDetail.@Nullable GuidanceStep guidanceStep() {
        return detail instanceof TimelineDetail.GuidanceStep step ? step : null;
    }

    public @Nullable String relatives() {
        return detail instanceof TimelineDetail.RelativesNotified notified ? notified.relatives() : null;
    }
}
