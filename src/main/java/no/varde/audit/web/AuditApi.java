package no.varde.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import no.varde.audit.AuditChain;
import no.varde.audit.AuditEvent;
import no.varde.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
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

    AuditApi(AuditTrail trail, AuditChain chain) {
        this.trail = trail;
        this.chain = chain;
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
    @Operation(summary = "Audit events, newest first; municipal admins get their own municipality's only")
    List<AuditEvent> events(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String resident,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String kommune,
            @RequestParam(defaultValue = "500") int limit) {
        return trail.find(AuditPages.query(user, resident, from, to, kommune, Math.min(Math.max(limit, 1), 10_000)));
    }
}
