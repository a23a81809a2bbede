package no.varde.alarm;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

public record TimelineEntry(
        long id,
        Instant at,
        TimelineKind kind,
        @Nullable Integer vkpEvent,
        String actor,
        @Nullable String actorRole,
        @Nullable String text,
        Map<String, Object> data) {}
