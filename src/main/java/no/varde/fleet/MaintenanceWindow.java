package no.varde.fleet;

import java.time.Instant;
import java.util.List;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceType;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * Planned silence for a set of devices: every selector given must match (municipality, vendor, device type, an
 * explicit device list). From {@code startsAt} until it ends ({@code endsAt}, or earlier when someone ended it),
 * technical alarms of those devices are closed by the window's rule and lost contact is not raised. A window never
 * touches an alarm that needs a person.
 */
public record MaintenanceWindow(
        long id,
        @Nullable Kommunenummer kommunenummer,
        @Nullable String vendor,
        @Nullable DeviceType deviceType,
        List<DeviceId> deviceIds,
        Instant startsAt,
        Instant endsAt,
        String reason,
        String createdBy,
        Instant createdAt,
        @Nullable String endedBy,
        @Nullable Instant endedAt) {

    /** Where a window stands at a given time. */
    public enum State {
        PLANNED,
        ACTIVE,
        PAST
    }

    /** When the window really ends: its planned end, or earlier when it was ended early. */
    public Instant effectiveEnd() {
        return endedAt != null && endedAt.isBefore(endsAt) ? endedAt : endsAt;
    }

    public State stateAt(Instant now) {
        if (!effectiveEnd().isAfter(now) || !effectiveEnd().isAfter(startsAt)) {
            return State.PAST;
        }
        return startsAt.isAfter(now) ? State.PLANNED : State.ACTIVE;
    }

    /** The window as a system actor on timelines: {@code fleet:maintenance-window:<id>}. */
    public String actorName() {
        return MaintenanceWindows.RULE + ":" + id;
    }
}
