package no.varde.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.varde.registry.AccessScopes;
import no.varde.registry.NeedToKnow;
import no.varde.shared.security.VardeUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records when an alarm was first shown to an operator, a link of its chain (occurred → received → first shown →
 * claimed, issue 10). "Shown" is the first time the alarm, still waiting for an operator ({@code RECEIVED}), was
 * rendered to an operator or supervisor: in the console queue or on its alarm page. The live stream's signal does not
 * count, as it carries no alarm to look at; the browser fetches the row in the operator's own request, which counts.
 *
 * <p>On the console's path, so it costs at most one conditional update per render and usually none: alarms this
 * node already saw shown are skipped in memory, rows another transaction holds locked (a claim under way) are
 * skipped rather than waited for, and a failure is logged, never passed to the operator.
 */
@Component
public class FirstShown {

    private static final Logger log = LoggerFactory.getLogger(FirstShown.class);
    private static final int REMEMBERED = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessScopes scopes;
    private final Set<UUID> known = ConcurrentHashMap.newKeySet();

    FirstShown(JdbcClient jdbc, Clock clock, AccessScopes scopes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scopes = scopes;
    }

    /**
     * The user was just shown these alarms (already read within the user's scope). The scope is resolved again only
     * when there is something to record.
     */
    public void shown(VardeUser user, Collection<Alarm> alarms) {
        if (!user.role().handlesAlarms()) {
            return;
        }
        UUID[] waiting = alarms.stream()
                .filter(alarm -> alarm.state() == AlarmState.RECEIVED)
                .map(alarm -> alarm.id().value())
                .filter(id -> !known.contains(id))
                .toArray(UUID[]::new);
        if (waiting.length == 0) {
            return;
        }
        try {
            jdbc.sql("update alarm set first_shown_at = :now, first_shown_by = :by where id in ("
                            + " select id from alarm where id = any(:ids) and first_shown_at is null"
                            + " and state = 'RECEIVED' and" + NeedToKnow.withinOrUnassigned("kommunenummer")
                            + " for update skip locked)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("by", user.username())
                    .param("ids", waiting)
                    .params(NeedToKnow.params(scopes.forUser(user), true))
                    .update();
            if (known.size() > REMEMBERED) {
                known.clear();
            }
            known.addAll(java.util.Arrays.asList(waiting));
        } catch (RuntimeException e) {
            log.warn("VARDE-ALARM-0020: could not record when {} alarms were first shown", waiting.length, e);
        }
    }
}
