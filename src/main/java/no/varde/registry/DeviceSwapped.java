package no.varde.registry;

import java.time.Instant;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;

/**
 * A device was replaced: {@code replacement} took over the resident, placement and service of {@code replaced},
 * which left service with status {@code replacedStatus}.
 */
public record DeviceSwapped(
        DeviceId replaced,
        DeviceId replacement,
        Kommunenummer kommunenummer,
        @Nullable ResidentId residentId,
        @Nullable String placement,
        DeviceStatus replacedStatus,
        String actor,
        Instant at) {}
