package no.varde.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of the audit trail. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String username,
        String role,
        AuditAction action,
        @Nullable UUID residentId,
        @Nullable String kommunenummer,
        String what,
        String channel,
        String purpose,
        @Nullable String clientAddress) {}
