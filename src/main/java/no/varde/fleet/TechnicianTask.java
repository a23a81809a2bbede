package no.varde.fleet;

import java.time.Instant;
import no.varde.alarm.AlarmId;
import no.varde.registry.DeviceId;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * A technician task (work order) for one device of a municipality, made by a rule from a technical alarm (alarm and
 * rule set) or by a person. Names a device, never a resident.
 *
 * @param escalatedAt when the overdue task was escalated to the municipality's administrators (once)
 * @param version the task's version: a change names the version it was made on, and a stale one is refused
 */
public record TechnicianTask(
        long id,
        Kommunenummer kommunenummer,
        DeviceId deviceId,
        @Nullable AlarmId alarmId,
        @Nullable Long ruleId,
        @Nullable Integer ruleVersion,
        String title,
        @Nullable String description,
        TaskState state,
        String createdBy,
        Instant createdAt,
        Instant dueAt,
        @Nullable String assignee,
        @Nullable Instant assignedAt,
        @Nullable Instant closedAt,
        @Nullable String closedBy,
        @Nullable TaskOutcome outcome,
        @Nullable String note,
        @Nullable String cancelReason,
        @Nullable DeviceId replacementDeviceId,
        @Nullable Instant escalatedAt,
        int version) {

    public boolean overdue(Instant now) {
        return state.isActive() && dueAt.isBefore(now);
    }

    public boolean escalated() {
        return escalatedAt != null;
    }
}
