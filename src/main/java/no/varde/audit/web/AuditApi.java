package no.varde.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditChain;
import no.varde.audit.AuditEvent;
import no.varde.audit.AuditResidents;
import no.varde.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The access log of personal data (read only)")
@PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
class AuditApi {

    private final AuditTrail trail;
    private final AuditChain chain;
    private final AuditSearch search;
    private final AuditResidents residents;

    AuditApi(AuditTrail trail, AuditChain chain, AuditSearch search, AuditResidents residents) {
        this.trail = trail;
        this.chain = chain;
        this.search = search;
        this.residents = residents;
    }

    /**
     * Recomputes the hash chain over the sealed audit entries (bin/varde audit-verify calls it). System
     * administrators only; the answer names the first broken entry, if any.
     */
    @PostMapping("/verify")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Verify the audit trail's hash chain; names the first changed, removed or inserted entry")
    AuditChain.Verification verify() {
        return chain.verify();
    }

    @GetMapping
    @Transactional
    @Operation(
            summary = "Audit events, newest first; municipal admins get their own municipality's only",
            description = "Each event carries the resident's name where the caller may see that resident"
                    + " (need-to-know); sending a name is audited as a read of that resident.")
    List<AuditEntry> events(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Parameter(description = "a resident id (UUID)") @Nullable String resident,
            @RequestParam(required = false)
                    @Parameter(description = "a resident's name (or part of it), national id (11 digits) or id")
                    @Nullable
                    String q,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String kommune,
            @RequestParam(defaultValue = "500") int limit) {
        AuditSearch.Resolved resolved = search.resolve(
                new AuditSearch.Filters(user, resident, q, from, to, kommune), Math.min(Math.max(limit, 1), 10_000));
        List<AuditEvent> events = trail.find(resolved.query());
        Map<UUID, String> names = residents.namesOf(
                events.stream()
                        .map(AuditEvent::residentId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()),
                "audit trail (API)");
        return events.stream()
                .map(e -> AuditEntry.of(e, e.residentId() == null ? null : names.get(e.residentId())))
                .toList();
    }

    /** One audit line, with the resident's name where the caller may see it. */
    record AuditEntry(
            long id,
            Instant occurredAt,
            String username,
            String role,
            AuditAction action,
            @Nullable UUID residentId,
            @Nullable String residentName,
            @Nullable String kommunenummer,
            String what,
            String channel,
            String purpose,
            @Nullable String clientAddress) {

        static AuditEntry of(AuditEvent e, @Nullable String residentName) {
            return new AuditEntry(
                    e.id(),
                    e.occurredAt(),
                    e.username(),
                    e.role(),
                    e.action(),
                    e.residentId(),
                    residentName,
                    e.kommunenummer(),
                    e.what(),
                    e.channel(),
                    e.purpose(),
                    e.clientAddress());
        }
    }
}
