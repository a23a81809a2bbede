package no.varde.alarm;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only operational facts for planning and benefits: counts over all municipalities, no personal data, no
 * scope (the callers show aggregates only and suppress small numbers). Months and hours are local time in the
 * given zone, so a week across a daylight-saving change still has its hours where people live them.
 */
@Service
public class AlarmFacts {

    private final JdbcClient jdbc;

    AlarmFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Alarms needing a human (category ALARM) received in [from, to), by hour of the week (0 = Monday 00–01). */
    public long[] alarmsByHourOfWeek(Instant from, Instant to, ZoneId zone) {
        long[] counts = new long[168];
        jdbc.sql("""
                        select (extract(isodow from received_at at time zone :zone)::int - 1) * 24
                               + extract(hour from received_at at time zone :zone)::int as slot, count(*) as n
                        from alarm where category = 'ALARM' and received_at >= :from and received_at < :to
                        group by slot""")
                .param("zone", zone.getId())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> counts[rs.getInt("slot")] = rs.getLong("n"))
                .list();
        return counts;
    }

    /** Mean seconds from claim to close of alarms closed in [from, to), and how many that mean is over. */
    public Handling handling(Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) as n, avg(extract(epoch from closed_at - claimed_at)) as mean
                        from alarm where category = 'ALARM' and state = 'CLOSED' and claimed_at is not null
                        and closed_at >= :from and closed_at < :to""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new Handling(rs.getLong("n"), (Double) rs.getObject("mean")))
                .single();
    }

    /** Facts per municipality, month and category for alarms received in [from, to). */
    public List<MonthlyFacts> monthly(Instant from, Instant to, ZoneId zone, Duration answerTarget) {
        return jdbc.sql("""
                        select kommunenummer, to_char(received_at at time zone :zone, 'YYYY-MM') as month, category,
                               count(*) as alarms,
                               count(*) filter (where outcome = 'RESOLVED_BY_PHONE') as by_phone,
                               count(*) filter (where outcome = 'CALLOUT_COMPLETED' or dispatch_deadline is not null)
                                   as callouts,
                               coalesce(sum(extract(epoch from closed_at - claimed_at)) filter (where state = 'CLOSED'
                                   and claimed_at is not null), 0) / 60.0 as handling_minutes,
                               count(*) filter (where claimed_at is not null) as answered,
                               count(*) filter (where claimed_at is not null
                                   and claimed_at - received_at <= make_interval(secs => :target)) as within_target,
                               count(*) filter (where state = 'CLOSED' and claimed_by is null) as closed_without_human,
                               count(*) filter (where state = 'CLOSED' and claimed_by is not null) as closed_by_people
                        from alarm where received_at >= :from and received_at < :to and kommunenummer is not null
                        group by kommunenummer, month, category order by month, kommunenummer, category""")
                .param("zone", zone.getId())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("target", (double) answerTarget.toSeconds())
                .query((rs, row) -> new MonthlyFacts(
                        rs.getString("kommunenummer"),
                        YearMonth.parse(rs.getString("month")),
                        AlarmCategory.valueOf(rs.getString("category")),
                        rs.getLong("alarms"),
                        rs.getLong("by_phone"),
                        rs.getLong("callouts"),
                        rs.getDouble("handling_minutes"),
                        rs.getLong("answered"),
                        rs.getLong("within_target"),
                        rs.getLong("closed_without_human"),
                        rs.getLong("closed_by_people")))
                .list();
    }

    /** Alarms per municipality, month and VKP alert code (the alarm type) received in [from, to). */
    public List<TypeCount> byType(Instant from, Instant to, ZoneId zone) {
        return jdbc.sql("""
                        select kommunenummer, to_char(received_at at time zone :zone, 'YYYY-MM') as month,
                               vkp_alert_code, count(*) as n
                        from alarm where received_at >= :from and received_at < :to and kommunenummer is not null
                        group by kommunenummer, month, vkp_alert_code order by month, kommunenummer, vkp_alert_code""")
                .param("zone", zone.getId())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new TypeCount(
                        rs.getString("kommunenummer"),
                        YearMonth.parse(rs.getString("month")),
                        rs.getString("vkp_alert_code"),
                        rs.getLong("n")))
                .list();
    }

    /**
     * Technical alarms received in [from, to) per municipality, with the same split as {@link #monthly}: closed
     * without a person (closed, never claimed: a rule closed it) and closed by people, and how many are still open.
     */
    public List<TechnicalCounts> technicalByMunicipality(Instant from, Instant to) {
        return jdbc.sql("""
                        select kommunenummer, count(*) as alarms,
                               count(*) filter (where state = 'CLOSED' and claimed_by is null) as without_human,
                               count(*) filter (where state = 'CLOSED' and claimed_by is not null) as by_people,
                               count(*) filter (where state <> 'CLOSED') as still_open
                        from alarm where category = 'TECHNICAL' and received_at >= :from and received_at < :to
                          and kommunenummer is not null
                        group by kommunenummer""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, row) -> new TechnicalCounts(
                        rs.getString("kommunenummer"),
                        rs.getLong("alarms"),
                        rs.getLong("without_human"),
                        rs.getLong("by_people"),
                        rs.getLong("still_open")))
                .list();
    }

    /** Technical alarms of one municipality: received, closed without a person, closed by people, still open. */
    public record TechnicalCounts(
            String kommunenummer, long alarms, long closedWithoutHuman, long closedByPeople, long stillOpen) {}

    public record Handling(long alarms, @Nullable Double meanSeconds) {

        public OptionalDouble mean() {
            return meanSeconds == null ? OptionalDouble.empty() : OptionalDouble.of(meanSeconds);
        }
    }

    /**
     * @param kommunenummer four digits
     * @param callouts alarms that sent the home-care team
     * @param handlingMinutes operator minutes from claim to close
     * @param closedWithoutHuman closed by rules, never claimed by a person
     */
    public record MonthlyFacts(
            String kommunenummer,
            YearMonth month,
            AlarmCategory category,
            long alarms,
            long resolvedByPhone,
            long callouts,
            double handlingMinutes,
            long answered,
            long answeredWithinTarget,
            long closedWithoutHuman,
            long closedByPeople) {}

    public record TypeCount(String kommunenummer, YearMonth month, String alertCode, long alarms) {}
}
