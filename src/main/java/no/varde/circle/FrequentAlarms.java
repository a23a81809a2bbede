package no.varde.circle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.varde.audit.AuditLog;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents whose alarms in the last days are far above their own usual level: a change in a resident's pattern is
 * a care signal. Flagged when the alarms of the last {@code window-days} (7) number at least {@code min-alarms} (5)
 * and their daily rate is more than {@code factor} (3) times the resident's own daily median over the {@code
 * baseline-days} (90) before (days without alarms count as 0). Only alarms of category ALARM count.
 */
@Service
public class FrequentAlarms {

    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private final JdbcClient jdbc;
    private final AccessScopes scopes;
    private final AuditLog audit;
    private final CircleProperties properties;
    private final Clock clock;

    FrequentAlarms(JdbcClient jdbc, AccessScopes scopes, AuditLog audit, CircleProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** One flagged resident: alarms in the window, the usual daily median, and the window's daily rate. */
    public record Flagged(
            ResidentId residentId,
            Kommunenummer kommunenummer,
            String name,
            long alarmsInWindow,
            double dailyMedian,
            double dailyRate) {}

    /** The flagged residents the user may see, optionally of one municipality, most alarms first (audited). */
    @Transactional
    public List<Flagged> list(VardeUser user, @Nullable Kommunenummer kommune) {
        List<Flagged> flagged = query(scopes.forUser(user), kommune, null);
        Map<UUID, Kommunenummer> shown = new LinkedHashMap<>();
        flagged.forEach(f -> shown.put(f.residentId().value(), f.kommunenummer()));
        audit.residentsShown(shown, "frequent alarms list");
        return flagged;
    }

    /** The resident's flag, if flagged (the caller has read the resident). */
    @Transactional(readOnly = true)
    public Optional<Flagged> of(VardeUser user, ResidentId resident) {
        return query(scopes.forUser(user), null, resident).stream().findFirst();
    }

    private List<Flagged> query(AccessScope scope, @Nullable Kommunenummer kommune, @Nullable ResidentId resident) {
        if (scope.isEmpty()) {
            return List.of();
        }
        CircleProperties.Frequent rule = properties.frequent();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        Instant windowStart =
                today.minusDays(rule.windowDays() - 1L).atStartOfDay(ZONE).toInstant();
        LocalDate baselineFrom = today.minusDays(rule.windowDays() + (long) rule.baselineDays() - 1);
        LocalDate baselineTo = today.minusDays(rule.windowDays());
        List<Flagged> candidates = jdbc.sql("""
                with recent as (
                    select a.resident_id, count(*) as alarms
                    from alarm a
                    where a.category = 'ALARM' and a.resident_id is not null and a.received_at >= :windowStart
                      and (cast(:resident as uuid) is null or a.resident_id = :resident)
                    group by a.resident_id having count(*) >= :minAlarms
                ), daily as (
                    select r.resident_id, d.day,
                        (select count(*) from alarm a where a.resident_id = r.resident_id and a.category = 'ALARM'
                           and a.received_at >= (d.day at time zone :zone)
                           and a.received_at < ((d.day + interval '1 day') at time zone :zone)) as n
                    from recent r cross join generate_series(cast(:baselineFrom as date), cast(:baselineTo as date),
                        interval '1 day') as d(day)
                )
                select r.resident_id, p.kommunenummer, p.given_name || ' ' || p.family_name as name, r.alarms,
                    (select percentile_cont(0.5) within group (order by n) from daily x
                     where x.resident_id = r.resident_id) as median
                from recent r join resident p on p.id = r.resident_id
                where""" + NeedToKnow.within("p.kommunenummer") + """
                  and (cast(:kommune as text) is null or p.kommunenummer = :kommune)
                order by r.alarms desc, name
                """)
                .params(NeedToKnow.params(scope))
                .param("windowStart", java.sql.Timestamp.from(windowStart))
                .param("resident", resident == null ? null : resident.value())
                .param("minAlarms", rule.minAlarms())
                .param("zone", ZONE.getId())
                .param("baselineFrom", java.sql.Date.valueOf(baselineFrom))
                .param("baselineTo", java.sql.Date.valueOf(baselineTo))
                .param("kommune", kommune == null ? null : kommune.value())
                .query((rs, row) -> new Flagged(
                        new ResidentId(rs.getObject("resident_id", UUID.class)),
                        new Kommunenummer(rs.getString("kommunenummer")),
                        rs.getString("name"),
                        rs.getLong("alarms"),
                        rs.getDouble("median"),
                        rs.getLong("alarms") / (double) rule.windowDays()))
                .list();
        return candidates.stream()
                .filter(f -> f.dailyRate() > rule.factor() * f.dailyMedian())
                .toList();
    }
}
