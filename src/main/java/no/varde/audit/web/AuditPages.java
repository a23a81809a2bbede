package no.varde.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditEvent;
import no.varde.audit.AuditLog;
import no.varde.audit.AuditResidents;
import no.varde.audit.AuditTrail;
import no.varde.audit.AuditTrail.AuditPage;
import no.varde.audit.AuditTrail.Position;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for municipal admins (their own municipality) and system admins (all), as an access request
 * needs it: who saw or changed a resident's data, found by the resident's name or national id, page by page, with
 * names and labels in the reader's language. Read and export only: there is no way to change or delete it.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
class AuditPages {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    /** How many of a search's residents the page lists by name (the filter uses all of them). */
    static final int LISTED_MATCHES = 20;

    private final AuditTrail trail;
    private final AuditLog log;
    private final AuditSearch search;
    private final AuditResidents residents;
    private final MessageSource messages;

    AuditPages(AuditTrail trail, AuditLog log, AuditSearch search, AuditResidents residents, MessageSource messages) {
        this.trail = trail;
        this.log = log;
        this.search = search;
        this.residents = residents;
        this.messages = messages;
    }

    @GetMapping
    @Transactional
    String page(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String resident,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String kommune,
            @RequestParam(required = false) @Nullable String before,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Integer size,
            Model model,
            HttpServletResponse response) {
        AuditSearch.Filters filters = new AuditSearch.Filters(user, resident, q, from, to, kommune);
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : Math.min(Math.max(size, 10), MAX_PAGE_SIZE);
        model.addAttribute("user", user);
        model.addAttribute("resident", resident);
        model.addAttribute("q", q);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("size", pageSize == DEFAULT_PAGE_SIZE ? null : pageSize);
        model.addAttribute("kommune", kommune);
        model.addAttribute("rows", List.of());
        model.addAttribute("matches", List.of());
        model.addAttribute("tooMany", false);
        model.addAttribute("problems", List.of());
        try {
            Position position = position(before, after);
            AuditSearch.Resolved resolved = search.resolve(filters, pageSize);
            model.addAttribute(
                    "kommune",
                    resolved.query().kommunenummer() == null
                            ? ""
                            : resolved.query().kommunenummer().value());
            AuditPage page = trail.page(resolved.query(), position, pageSize);
            Set<UUID> named = new LinkedHashSet<>();
            resolved.matched().stream().limit(LISTED_MATCHES).forEach(named::add);
            if (resolved.query().residentIds() != null) {
                named.addAll(resolved.query().residentIds());
            }
            page.events().stream()
                    .map(AuditEvent::residentId)
                    .filter(Objects::nonNull)
                    .forEach(named::add);
            Map<UUID, String> names = residents.namesOf(named, "audit trail");
            Locale locale = LocaleContextHolder.getLocale();
            model.addAttribute(
                    "rows",
                    page.events().stream()
                            .map(e -> AuditRow.of(e, names, messages, locale))
                            .toList());
            model.addAttribute(
                    "matches",
                    resolved.matched().stream()
                            .limit(LISTED_MATCHES)
                            .filter(names::containsKey)
                            .map(id -> new Match(id, names.get(id)))
                            .toList());
            model.addAttribute("moreMatches", Math.max(0, resolved.matched().size() - LISTED_MATCHES));
            model.addAttribute("tooMany", resolved.tooMany());
            model.addAttribute("searched", !filters.text().isEmpty());
            model.addAttribute(
                    "residentName",
                    resident == null || resident.isBlank() ? null : names.get(UUID.fromString(resident.strip())));
            model.addAttribute("page", page);
            model.addAttribute("maxTotal", AuditTrail.COUNT_LIMIT);
            model.addAttribute(
                    "older", page.older() == null ? null : page.older().token());
            model.addAttribute(
                    "newer", page.newer() == null ? null : page.newer().token());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problems", e.problems());
        }
        return "audit/audit";
    }

    /** A resident a search found, for the list of matches (each links to that resident's trail alone). */
    record Match(UUID id, String name) {}

    @GetMapping("/export.csv")
    @Transactional
    void export(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String resident,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String kommune,
            HttpServletResponse response)
            throws IOException {
        AuditSearch.Resolved resolved =
                search.resolve(new AuditSearch.Filters(user, resident, q, from, to, kommune), 100_000);
        List<AuditEvent> events = trail.find(resolved.query());
        log.general(
                AuditAction.EXPORT,
                resolved.query().kommunenummer(),
                "audit trail exported: " + events.size() + " events");
        Map<UUID, String> names = residents.namesOf(
                events.stream()
                        .map(AuditEvent::residentId)
                        .filter(Objects::nonNull)
                        .collect(java.util.stream.Collectors.toSet()),
                "audit trail export");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"varde-audit.csv\"");
        PrintWriter out =
                new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.print('\uFEFF');
        out.println("id;time;username;role;action;resident_id;kommunenummer;what;channel;purpose;client_address;"
                + "resident_name");
        for (AuditEvent e : events) {
            String name = e.residentId() == null ? null : names.get(e.residentId());
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
                    e.clientAddress() == null ? "" : e.clientAddress(),
                    name == null ? "" : csv(name)));
        }
        out.flush();
    }

    private static @Nullable Position position(@Nullable String before, @Nullable String after) {
        boolean hasBefore = before != null && !before.isBlank();
        boolean hasAfter = after != null && !after.isBlank();
        if (hasBefore && hasAfter) {
            throw InvalidInputException.of("after", "give either before or after, not both");
        }
        try {
            if (hasBefore) {
                return Position.parse(before, false);
            }
            if (hasAfter) {
                return Position.parse(after, true);
            }
            return null;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "bad paging position", List.of(new FieldProblem(hasBefore ? "before" : "after", e.getMessage())));
        }
    }

    /** A value as a quoted CSV field; a leading formula character is neutralised (the file is opened in Excel). */
    static String csv(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
