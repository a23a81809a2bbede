package no.varde.fleet;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of a task's history: who did what when (CREATED, ASSIGNED, DONE, CANCELLED, ESCALATED, DEVICE_SWAPPED). */
public record TaskEvent(
        Instant at, String actor, String kind, @Nullable String text) {}
