package no.varde.registry;

import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;

/**
 * What a technician needs to visit a device at a resident's home, and nothing more: the name at the door, the
 * address, how to get in, and where the device is placed. No national id, no health information.
 */
public record DeviceVisit(
        ResidentId residentId,
        String residentName,
        String streetAddress,
        String postalCode,
        String postalPlace,
        EntryMethod entryMethod,
        @Nullable String entryDetails,
        @Nullable String placement) {}
