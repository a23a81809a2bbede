package no.varde.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditEvent;
import no.varde.audit.AuditLog;
import no.varde.audit.AuditTrail;
import no.varde.audit.AuditTrail.AuditQuery;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for municipal admins (their own municipality) and system admins (all). Read and export only:
 * there is no way to change or delete it.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
class AuditPages {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final AuditTrail trail;
    private final AuditLog log;

    AuditPages(AuditTrail trail, AuditLog log) {
        this.trail = trail;
        this.log = log;
    }

    @GetMapping
    String page(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String resident,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String kommune,
            Model model) {
        AuditQuery query = query(user, resident, from, to, kommune, 500);
        model.addAttribute("events", trail.find(query));
        model.addAttribute("user", user);
        model.addAttribute("resident", resident);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute(
                "kommune",
                query.kommunenummer() == null ? "" : query.kommunenummer().value());
        return "audit/audit";
    }

    @GetMapping("/export.csv")
    @Transactional
    void export(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String resident,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String kommune,
            HttpServletResponse response)
            throws IOException {
        AuditQuery query = query(user, resident, from, to, kommune, 100_000);
        List<AuditEvent> events = trail.find(query);
        log.general(AuditAction.EXPORT, query.kommunenummer(), "audit trail exported: " + events.size() + " events");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"varde-audit.csv\"");
        PrintWriter out =
                new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.print('\uFEFF');
        out.println("id;time;username;role;action;resident_id;kommunenummer;what;channel;purpose;client_address");
        for (AuditEvent e : events) {
            out.println(String.join(
                    ";",
                    String.valueOf(e.id()),
                    e.occurredAt().toString(),
                    csv(e.username()),
                    e.role(),
                    e.action().name(),
                    e.residentId() == null ? "" : e.residentId().toString(),
                    e.kommunenummer() == null ? "" : e.kommunenummer(),
                    csv(e.what()),
                    csv(e.channel()),
                    csv(e.purpose()),
                    e.clientAddress() == null ? "" : e.clientAddress()));
        }
        out.flush();
    }

    /** A municipal admin always sees their own municipality, whatever the request says. */
    static AuditQuery query(
            @Nullable String user,
            @Nullable String resident,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String kommune,
            int limit) {
        VardeUser me = CurrentUser.get();
        Kommunenummer scope =
                me.role() == Role.SYSTEM_ADMIN ? Kommunenummer.parse(kommune).orElse(null) : me.kommunenummer();
        UUID residentId = null;
        if (resident != null && !resident.isBlank()) {
            try {
                residentId = UUID.fromString(resident.strip());
            } catch (IllegalArgumentException e) {
                throw no.varde.shared.web.InvalidInputException.of("resident", "must be a resident id (UUID)");
            }
        }
        return new AuditQuery(
                scope,
                residentId,
                user == null || user.isBlank() ? null : user.strip(),
                from == null ? null : from.atStartOfDay(OSLO).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(OSLO).toInstant(),
                limit);
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
