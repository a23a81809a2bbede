package no.varde.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.audit.AuditResidents;
import no.varde.audit.AuditTrail.AuditQuery;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns the audit trail's filters, as the page, the export and the API take them, into a query in the user's
 * scope: a municipal admin always gets their own municipality, whatever the request says; a resident is named by
 * id, by name or by national id (looked up in the registry, in the user's need-to-know scope). Every filter that
 * cannot be used is reported by name, none is silently dropped.
 */
@Component
class AuditSearch {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** A name matching more residents than this asks for more of the name instead. */
    static final int MAX_RESIDENTS = 200;

    private final AuditResidents residents;
    private final AuditLog log;

    AuditSearch(AuditResidents residents, AuditLog log) {
        this.residents = residents;
        this.log = log;
    }

    /** The filters as given. */
    record Filters(
            @Nullable String user,
            @Nullable String resident,
            @Nullable String q,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            @Nullable String kommune) {

        String text() {
            return q == null ? "" : q.strip();
        }
    }

    /**
     * The query, and the residents a search by name or national id stood for.
     *
     * @param matched the residents the search found (in the user's scope), empty without a search
     * @param tooMany the name matched more than {@link #MAX_RESIDENTS} residents (none are shown)
     */
    record Resolved(AuditQuery query, List<UUID> matched, boolean tooMany) {}

    /** Resolves the filters; must run in a transaction (a search by name or national id is audited). */
    Resolved resolve(Filters filters, int limit) {
        VardeUser me = CurrentUser.get();
        Kommunenummer scope = me.role() == Role.SYSTEM_ADMIN
                ? Kommunenummer.parse(filters.kommune()).orElse(null)
                : me.kommunenummer();
        List<FieldProblem> problems = new ArrayList<>();
        Set<UUID> residentIds = null;
        if (filters.resident() != null && !filters.resident().isBlank()) {
            UUID id = uuid(filters.resident());
            if (id == null) {
                problems.add(new FieldProblem("resident", "must be a resident id (UUID)"));
            } else {
                residentIds = Set.of(id);
            }
        }
        if (filters.from() != null && filters.to() != null && filters.to().isBefore(filters.from())) {
            problems.add(new FieldProblem("to", "must not be before the from date"));
        }
        List<UUID> matched = List.of();
        boolean tooMany = false;
        String text = filters.text();
        if (!text.isEmpty() && problems.isEmpty()) {
            UUID id = uuid(text);
            if (id != null) {
                matched = List.of(id);
            } else {
                if (text.length() > 200) {
                    throw InvalidInputException.of("q", "at most 200 characters");
                }
                matched = residents.find(text, MAX_RESIDENTS, "q");
                tooMany = matched.size() > MAX_RESIDENTS;
                log.general(
                        AuditAction.SEARCH,
                        scope,
                        "audit trail search for a resident"
                                + (AuditResidents.looksLikeNationalId(text) ? " by national id" : " '" + text + "'")
                                + ": " + (tooMany ? "more than " + MAX_RESIDENTS : matched.size())
                                + " resident(s) found");
                if (tooMany) {
                    matched = List.of();
                }
            }
            Set<UUID> wanted = new LinkedHashSet<>(matched);
            if (residentIds != null) {
                wanted.retainAll(residentIds);
            }
            residentIds = wanted;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The audit trail's filters are invalid", problems);
        }
        return new Resolved(
                new AuditQuery(
                        scope,
                        residentIds,
                        filters.user() == null || filters.user().isBlank()
                                ? null
                                : filters.user().strip(),
                        filters.from() == null
                                ? null
                                : filters.from().atStartOfDay(OSLO).toInstant(),
                        filters.to() == null
                                ? null
                                : filters.to().plusDays(1).atStartOfDay(OSLO).toInstant(),
                        limit),
                matched,
                tooMany);
    }

    private static @Nullable UUID uuid(String text) {
        String value = text.strip();
        if (value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
