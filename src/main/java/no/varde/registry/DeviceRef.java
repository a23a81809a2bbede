package no.varde.registry;

import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;

/** What alarm handling needs to know about a device: whose it is and where. No personal data. */
public record DeviceRef(
        DeviceId id,
        Kommunenummer kommunenummer,
        DeviceType type,
        String label,
        @Nullable ResidentId residentId,
        @Nullable String placement) {}
