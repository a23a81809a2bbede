package no.varde.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures for the supervisor wallboard and the operators' queue strip: open alarms by state, the alarms waiting
 * for an operator (by priority, oldest first), and answer times (received → claimed) against the target, where an
 * alarm still waiting past its type's claim deadline counts as a miss. Within the user's scope; no personal data.
 */
@Service
public class AlarmStatistics {

    private static final String SCOPE = NeedToKnow.withinOrUnassigned("kommunenummer");

    private final JdbcClient jdbc;
    private final AccessScopes scopes;
    private final Clock clock;

    AlarmStatistics(JdbcClient jdbc, AccessScopes scopes, Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.clock = clock;
    }

    /**
     * Alarms (category ALARM) waiting for an operator now: how many of each priority, how many are past their
     * type's claim deadline, and since when the oldest has waited. Counts only, for the strip on every page.
     */
    public Waiting waiting(VardeUser user, Instant now) {
        Map<Integer, Long> byPriority = new TreeMap<>();
        long[] overdue = {0};
        Instant[] oldest = {null};
        scoped(
                        jdbc.sql("select priority, count(*) as n,"
                                + " count(*) filter (where original_claim_deadline <= :now or 'ESCALATED' = any(flags))"
                                + " as overdue,"
                                + " min(received_at) as oldest from alarm where state = 'RECEIVED'"
                                + " and category = 'ALARM' and" + SCOPE + "group by priority"),
                        user)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> {
                    byPriority.put(rs.getInt("priority"), rs.getLong("n"));
                    overdue[0] += rs.getLong("overdue");
                    Instant since = rs.getTimestamp("oldest").toInstant();
                    if (oldest[0] == null || since.isBefore(oldest[0])) {
                        oldest[0] = since;
                    }
                    return row;
                })
                .list();
        return new Waiting(byPriority, overdue[0], oldest[0]);
    }

    /**
     * The alarms (category ALARM) waiting for an operator, longest waiting first, at most {@code limit}: type,
     * priority, municipality and times, never the resident.
     */
    public List<WaitingAlarm> waitingAlarms(VardeUser user, int limit) {
        return scoped(
                        jdbc.sql(
                                "select id, title, source, source_code, vkp_alert_code, priority, kommunenummer, received_at,"
                                        + " original_claim_deadline, 'UNKNOWN_DEVICE' = any(flags) as unknown_device,"
                                        + " 'ESCALATED' = any(flags) as escalated"
                                        + " from alarm where state = 'RECEIVED' and category = 'ALARM' and" + SCOPE
                                        + "order by received_at, id limit :limit"),
                        user)
                .param("limit", limit)
                .query((rs, row) -> new WaitingAlarm(
                        new AlarmId(rs.getObject("id", UUID.class)),
                        rs.getString("title"),
                        rs.getString("source"),
                        rs.getString("source_code"),
                        rs.getString("vkp_alert_code"),
                        Priority.of(rs.getInt("priority")),
                        rs.getString("kommunenummer") == null ? null : new Kommunenummer(rs.getString("kommunenummer")),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("original_claim_deadline").toInstant(),
                        rs.getBoolean("unknown_device"),
                        rs.getBoolean("escalated")))
                .list();
    }

    /** Open alarms (category ALARM) by state, and open technical alarms, now. */
    public Map<AlarmState, Long> openByState(VardeUser user, AlarmCategory category) {
        Map<AlarmState, Long> counts = new EnumMap<>(AlarmState.class);
        for (AlarmState state : AlarmState.values()) {
            if (state != AlarmState.CLOSED) {
                counts.put(state, 0L);
            }
        }
        scoped(
                        jdbc.sql(
                                "select state, count(*) as n from alarm where state <> 'CLOSED' and category = :category"
                                        + " and" + SCOPE + "group by state"),
                        user)
                .param("category", category.name())
                .query((rs, row) -> Map.entry(AlarmState.valueOf(rs.getString("state")), rs.getLong("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * Today's trend (issue 11): alarms (category ALARM) received per hour of the local day since {@code since}
     * (local midnight), and of those how many waited past their type's claim deadline (claimed late, or still
     * waiting past it at {@code now}). Hours without alarms are absent.
     */
    public Map<Integer, HourCount> receivedByHour(VardeUser user, Instant since, java.time.ZoneId zone, Instant now) {
        Map<Integer, HourCount> hours = new java.util.TreeMap<>();
        scoped(
                        jdbc.sql("select extract(hour from received_at at time zone :zone)::int as h, count(*) as n,"
                                + " count(*) filter (where coalesce(claimed_at, :now) > original_claim_deadline) as late"
                                + " from alarm where category = 'ALARM' and received_at >= :since and" + SCOPE
                                + " group by 1"),
                        user)
                .param("zone", zone.getId())
                .param("since", Timestamp.from(since))
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new HourCount(rs.getInt("h"), rs.getLong("n"), rs.getLong("late")))
                .list()
                .forEach(hour -> hours.put(hour.hour(), hour));
        return hours;
    }

    /** One hour of today's trend: alarms received, and of those the ones answered late or still waiting late. */
    public record HourCount(int hour, long received, long late) {}

    /** Alarms of the category closed since {@code since}. */
    public long closedSince(VardeUser user, AlarmCategory category, Instant since) {
        return scoped(
                        jdbc.sql("select count(*) from alarm where state = 'CLOSED' and category = :category"
                                + " and closed_at >= :since and" + SCOPE),
                        user)
                .param("category", category.name())
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** The alarm that has waited longest without an operator, if any. */
    public @Nullable OldestUnclaimed oldestUnclaimed(VardeUser user) {
        return scoped(
                        jdbc.sql("select id, title, source, source_code, received_at, escalation_level from alarm"
                                + " where state = 'RECEIVED'"
                                + " and category = 'ALARM' and" + SCOPE + "order by received_at limit 1"),
                        user)
                .query((rs, row) -> new OldestUnclaimed(
                        new AlarmId(rs.getObject("id", UUID.class)),
                        rs.getString("title"),
                        rs.getString("source"),
                        rs.getString("source_code"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getInt("escalation_level")))
                .optional()
                .orElse(null);
    }

    /** Answer times (received → claimed) of alarms received since {@code since}, against {@code target}, now. */
    public AnswerTimes answerTimes(VardeUser user, Instant since, Duration target) {
        return answerTimes(user, since, target, clock.instant());
    }

    /**
     * Answer times (received → claimed) of alarms received since {@code since}, against {@code target}, as at
     * {@code now}. An alarm still waiting past its type's claim deadline is a miss: the share answered in time
     * never shows 100 % while alarms wait.
     */
    public AnswerTimes answerTimes(VardeUser user, Instant since, Duration target, Instant now) {
        return scoped(jdbc.sql("""
                                select count(*) filter (where claimed_at is not null) as answered,
                                       count(*) filter (where claimed_at is not null
                                           and claimed_at - received_at <= make_interval(secs => :target)) as within,
                                       count(*) filter (where claimed_at is null and state = 'RECEIVED') as waiting,
                                       count(*) filter (where claimed_at is null and state = 'RECEIVED'
                                           and original_claim_deadline <= :now) as missed,
                                       percentile_cont(0.5) within group (order by extract(epoch from claimed_at - received_at))
                                           filter (where claimed_at is not null) as median,
                                       percentile_cont(0.9) within group (order by extract(epoch from claimed_at - received_at))
                                           filter (where claimed_at is not null) as p90
                                from alarm where category = 'ALARM' and received_at >= :since and""" + SCOPE), user)
                .param("since", Timestamp.from(since))
                .param("target", (double) target.toSeconds())
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new AnswerTimes(
                        rs.getLong("answered"),
                        rs.getLong("within"),
                        rs.getLong("waiting"),
                        rs.getLong("missed"),
                        (Double) rs.getObject("median"),
                        (Double) rs.getObject("p90"),
                        target))
                .single();
    }

    private JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, VardeUser user) {
        AccessScope scope = scopes.forUser(user);
        return spec.params(NeedToKnow.params(scope, NeedToKnow.seesUnassigned(user)));
    }

    /** @param source and {@code sourceCode}: what the device sent, which names the type (and its English title) */
    public record OldestUnclaimed(
            AlarmId id, String title, String source, String sourceCode, Instant receivedAt, int escalationLevel) {}

    /**
     * @param byPriority waiting alarms by priority (1 first), only priorities with any
     * @param overdue of those, past their type's claim deadline
     * @param oldestReceivedAt when the longest-waiting alarm came in, null when none waits
     */
    public record Waiting(
            Map<Integer, Long> byPriority,
            long overdue,
            @Nullable Instant oldestReceivedAt) {

        public Waiting {
            byPriority = Map.copyOf(byPriority);
        }

        public long total() {
            return byPriority.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One alarm waiting for an operator, as the wallboard lists it (no personal data). */
    public record WaitingAlarm(
            AlarmId id,
            String title,
            String source,
            String sourceCode,
            String vkpAlertCode,
            Priority priority,
            @Nullable Kommunenummer kommunenummer,
            Instant receivedAt,
            Instant claimDeadline,
            boolean unknownDevice,
            boolean escalated) {

        /** Past its type's claim deadline (or already marked overdue by the deadline job). */
        public boolean overdueAt(Instant now) {
            return escalated || !claimDeadline.isAfter(now);
        }
    }

    /**
     * @param answered alarms claimed by an operator
     * @param withinTarget of those, claimed within the target
     * @param waiting alarms still waiting for an operator
     * @param missedWaiting of those, waiting past their type's claim deadline: misses already
     */
    public record AnswerTimes(
            long answered,
            long withinTarget,
            long waiting,
            long missedWaiting,
            @Nullable Double medianSeconds,
            @Nullable Double p90Seconds,
            Duration target) {

        /**
         * Share answered within the target, in percent, of the alarms answered and those already missed by waiting
         * past their deadline (null while there is neither).
         */
        public @Nullable Double sharePercent() {
            long counted = answered + missedWaiting;
            return counted == 0 ? null : 100.0 * withinTarget / counted;
        }
    }
}
