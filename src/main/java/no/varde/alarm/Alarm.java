package no.varde.alarm;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import no.varde.registry.DeviceId;
import no.varde.registry.ResidentId;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/** An alarm as read: current state plus (when loaded) its timeline. */
public record Alarm(
        AlarmId id,
        AlarmCategory category,
        String source,
        String sourceCode,
        String vkpAlertCode,
        String title,
        int priority,
        AlarmState state,
        @Nullable Kommunenummer kommunenummer,
        @Nullable ResidentId residentId,
        @Nullable DeviceId deviceId,
        @Nullable String deviceLabel,
        Set<AlarmFlag> flags,
        @Nullable AlarmId repeatOf,
        Instant occurredAt,
        Instant receivedAt,
        Instant claimDeadline,
        @Nullable String claimedBy,
        @Nullable Instant claimedAt,
        int escalationLevel,
        @Nullable Instant dispatchDeadline,
        @Nullable Outcome outcome,
        @Nullable Instant closedAt,
        int version,
        List<TimelineEntry> timeline) {

    public boolean isOpen() {
        return state != AlarmState.CLOSED;
    }
}
