package no.varde.alarm;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.NeedToKnow;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures for the supervisor wallboard: open alarms by state, the oldest unclaimed alarm, and answer times
 * (received → claimed) against the target. Aggregates only, within the user's scope; no personal data.
 */
@Service
public class AlarmStatistics {

    private static final String SCOPE = NeedToKnow.withinOrUnassigned("kommunenummer");

    private final JdbcClient jdbc;
    private final AccessScopes scopes;

    AlarmStatistics(JdbcClient jdbc, AccessScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
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
                        jdbc.sql("select id, title, received_at, escalation_level from alarm where state = 'RECEIVED'"
                                + " and category = 'ALARM' and" + SCOPE + "order by received_at limit 1"),
                        user)
                .query((rs, row) -> new OldestUnclaimed(
                        new AlarmId(rs.getObject("id", UUID.class)),
                        rs.getString("title"),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getInt("escalation_level")))
                .optional()
                .orElse(null);
    }

    /** Answer times (received → claimed) of alarms received since {@code since}, against {@code target}. */
    public AnswerTimes answerTimes(VardeUser user, Instant since, Duration target) {
        return scoped(jdbc.sql("""
                                select count(*) filter (where claimed_at is not null) as answered,
                                       count(*) filter (where claimed_at is not null
                                           and claimed_at - received_at <= make_interval(secs => :target)) as within,
                                       count(*) filter (where claimed_at is null and state = 'RECEIVED') as waiting,
                                       percentile_cont(0.5) within group (order by extract(epoch from claimed_at - received_at))
                                           filter (where claimed_at is not null) as median,
                                       percentile_cont(0.9) within group (order by extract(epoch from claimed_at - received_at))
                                           filter (where claimed_at is not null) as p90
                                from alarm where category = 'ALARM' and received_at >= :since and""" + SCOPE), user)
                .param("since", Timestamp.from(since))
                .param("target", (double) target.toSeconds())
                .query((rs, row) -> new AnswerTimes(
                        rs.getLong("answered"),
                        rs.getLong("within"),
                        rs.getLong("waiting"),
                        (Double) rs.getObject("median"),
                        (Double) rs.getObject("p90"),
                        target))
                .single();
    }

    private JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, VardeUser user) {
        AccessScope scope = scopes.forUser(user);
        return spec.params(NeedToKnow.params(scope, NeedToKnow.seesUnassigned(user)));
    }

    public record OldestUnclaimed(AlarmId id, String title, Instant receivedAt, int escalationLevel) {}

    /**
     * @param answered alarms claimed by an operator
     * @param withinTarget of those, claimed within the target
     * @param waiting alarms still waiting for an operator
     */
    public record AnswerTimes(
            long answered,
            long withinTarget,
            long waiting,
            @Nullable Double medianSeconds,
            @Nullable Double p90Seconds,
            Duration target) {

        /** Share answered within the target, in percent (null before the first answer). */
        public @Nullable Double sharePercent() {
            return answered == 0 ? null : 100.0 * withinTarget / answered;
        }
    }
}
