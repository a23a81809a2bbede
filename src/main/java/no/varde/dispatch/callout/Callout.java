package no.varde.dispatch.callout;

import java.time.Instant;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.CalloutId;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/** One call-out of a home-care team for an alarm, as stored. */
public record Callout(
        CalloutId id,
        AlarmId alarmId,
        Instant dispatchedAt,
        Kommunenummer kommunenummer,
        UUID teamId,
        String teamName,
        String operator,
        @Nullable String message,
        int position,
        @Nullable UUID tokenId,
        int round,
        CalloutState state,
        @Nullable Integer acceptedPosition,
        @Nullable String acceptedBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant acceptedAt,
        @Nullable Instant arrivedAt,
        @Nullable Instant doneAt) {}
