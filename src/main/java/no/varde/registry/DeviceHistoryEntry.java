package no.varde.registry;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One event in a device's history: a swap, on the device that left service and on the one that took over. */
public record DeviceHistoryEntry(
        Instant at,
        String actor,
        String kind,
        @Nullable DeviceId otherDeviceId,
        @Nullable String placement,
        @Nullable String note) {}
