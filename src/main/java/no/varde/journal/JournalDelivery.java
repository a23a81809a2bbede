package no.varde.journal;

import java.time.Instant;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import org.jspecify.annotations.Nullable;

/** One alarm's document in the outbox, with the exact JSON that is (or would be) sent. */
public record JournalDelivery(
        UUID id,
        AlarmId alarmId,
        @Nullable String kommunenummer,
        DeliveryStatus status,
        String document,
        @Nullable String reasons,
        int attempts,
        @Nullable String lastError,
        @Nullable Integer httpStatus,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable Instant acceptedAt,
        @Nullable Instant failedAt) {}
