package no.varde.ingest;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A vendor platform or device fleet allowed to post events, with its own credential. */
public record Integration(
        IntegrationId id,
        String name,
        boolean enabled,
        Instant createdAt,
        String createdBy,
        @Nullable Instant lastUsedAt) {}
