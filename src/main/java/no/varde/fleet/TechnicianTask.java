package no.varde.fleet;

import java.time.Instant;
import no.varde.alarm.AlarmId;
import no.varde.registry.DeviceId;
import no.varde.shared.Kommunenummer;

/**
 * A technician task (work order) a rule made from a technical alarm: for the device's municipality, due at a time.
 * Minimal: open or done; assigning, completing with a note and escalation are issue 10's item 3.
 */
public record TechnicianTask(
        long id,
        Kommunenummer kommunenummer,
        DeviceId deviceId,
        AlarmId alarmId,
        long ruleId,
        int ruleVersion,
        String title,
        String state,
        Instant createdAt,
        Instant dueAt) {}
