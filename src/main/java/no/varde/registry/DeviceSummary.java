package no.varde.registry;

import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * A device as a technician's task list shows it: what it is, where in the home it sits, its status, and whether it
 * belongs to a resident, but not whose it is.
 */
public record DeviceSummary(
        DeviceId id,
        Kommunenummer kommunenummer,
        DeviceType type,
        String vendor,
        String model,
        @Nullable String serialNumber,
        @Nullable String placement,
        DeviceStatus status,
        boolean assignedToResident) {}
