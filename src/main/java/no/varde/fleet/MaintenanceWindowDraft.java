package no.varde.fleet;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance window as an administrator enters it (API body and page form), validated by
 * {@link MaintenanceWindows}: at least one selector, a start, an end after the start and after now, and a reason.
 */
public record MaintenanceWindowDraft(
        @Nullable String kommunenummer,
        @Nullable String vendor,
        @Nullable String deviceType,
        @Nullable List<String> deviceIds,
        @Nullable Instant startsAt,
        @Nullable Instant endsAt,
        @Nullable String reason) {}
