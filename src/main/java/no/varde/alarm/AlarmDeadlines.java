package no.varde.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.varde.alarm.AlarmEvents.AlarmDispatchOverdue;
import no.varde.alarm.AlarmEvents.AlarmEscalated;
import no.varde.alarm.live.AlarmNotifier;
import no.varde.shared.Kommunenummer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates alarms not claimed within their deadline and call-outs not accepted in time. Overdue rows are taken
 * with {@code FOR UPDATE SKIP LOCKED} and moved to their next deadline in the same transaction, so with several
 * nodes each escalation happens exactly once.
 */
@Component
public class AlarmDeadlines {

    private static final Logger log = LoggerFactory.getLogger(AlarmDeadlines.class);

    private final AlarmStore store;
    private final AlarmNotifier notifier;
    private final ApplicationEventPublisher events;
    private final AlarmProperties properties;
    private final Clock clock;

    AlarmDeadlines(
            AlarmStore store,
            AlarmNotifier notifier,
            ApplicationEventPublisher events,
            AlarmProperties properties,
            Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${varde.alarm.deadline-check-interval:2s}")
    void check() {
        escalateOverdue(clock.instant());
    }

    /** Escalates everything overdue at {@code now}; returns how many escalations were made. */
    @Transactional
    public int escalateOverdue(Instant now) {
        return unclaimed(now) + dispatchesNotAccepted(now);
    }

    private int unclaimed(Instant now) {
        List<Overdue> overdue = store.jdbc()
                .sql("select id, kommunenummer, escalation_level, extract(epoch from claim_deadline - received_at)"
                        + " / (escalation_level + 1) as period from alarm where state = 'RECEIVED' and claim_deadline <= ?"
                        + " order by claim_deadline limit 100 for update skip locked")
                .param(Timestamp.from(now))
                .query((rs, row) -> new Overdue(
                        new AlarmId(rs.getObject("id", UUID.class)),
                        rs.getString("kommunenummer"),
                        rs.getInt("escalation_level") + 1,
                        Duration.ofSeconds(Math.max(15, (long) rs.getDouble("period")))))
                .list();
        for (Overdue alarm : overdue) {
            store.jdbc()
                    .sql("""
                            update alarm set escalation_level = ?, escalated_at = ?, claim_deadline = ?,
                                priority = greatest(1, priority - 1),
                                flags = case when 'ESCALATED' = any(flags) then flags else array_append(flags, 'ESCALATED') end,
                                version = version + 1
                            where id = ?
                            """)
                    .params(
                            alarm.level(),
                            Timestamp.from(now),
                            Timestamp.from(now.plus(alarm.period())),
                            alarm.id().value())
                    .update();
            record(
                    alarm,
                    now,
                    "CLAIM_DEADLINE",
                    "Ikke tatt innen fristen (eskalering " + alarm.level() + ")",
                    "ESCALATED",
                    new AlarmEscalated(alarm.id(), alarm.level(), now));
            log.warn("VARDE-ALARM-0200: alarm {} not claimed in time, escalation level {}", alarm.id(), alarm.level());
        }
        return overdue.size();
    }

    private int dispatchesNotAccepted(Instant now) {
        List<Overdue> overdue = store.jdbc()
                .sql("select id, kommunenummer, escalation_level from alarm where state = 'DISPATCHED'"
                        + " and dispatch_deadline <= ? order by dispatch_deadline limit 100 for update skip locked")
                .param(Timestamp.from(now))
                .query((rs, row) -> new Overdue(
                        new AlarmId(rs.getObject("id", UUID.class)),
                        rs.getString("kommunenummer"),
                        rs.getInt("escalation_level") + 1,
                        properties.dispatchAcceptDeadline()))
                .list();
        for (Overdue alarm : overdue) {
            store.jdbc()
                    .sql("""
                            update alarm set escalation_level = ?, escalated_at = ?, dispatch_deadline = ?,
                                flags = case when 'DISPATCH_OVERDUE' = any(flags) then flags
                                        else array_append(flags, 'DISPATCH_OVERDUE') end,
                                version = version + 1
                            where id = ?
                            """)
                    .params(
                            alarm.level(),
                            Timestamp.from(now),
                            Timestamp.from(now.plus(alarm.period())),
                            alarm.id().value())
                    .update();
            record(
                    alarm,
                    now,
                    "DISPATCH_NOT_ACCEPTED",
                    "Utrykningen er ikke akseptert innen fristen; neste kontakt varsles",
                    "DISPATCH_OVERDUE",
                    new AlarmDispatchOverdue(
                            alarm.id(),
                            alarm.kommunenummer() == null ? null : Kommunenummer.of(alarm.kommunenummer()),
                            alarm.level(),
                            now));
            log.warn(
                    "VARDE-ALARM-0201: call-out for alarm {} not accepted in time, level {}",
                    alarm.id(),
                    alarm.level());
        }
        return overdue.size();
    }

    /** The escalation as the record and the other nodes see it: timeline entry, notification, event. */
    private void record(Overdue alarm, Instant now, String reason, String text, String change, Object event) {
        store.timeline(
                alarm.id(),
                now,
                TimelineKind.ESCALATED,
                "system",
                null,
                text,
                Map.of("level", alarm.level(), "reason", reason));
        notifier.changed(alarm.id(), change);
        events.publishEvent(event);
    }

    private record Overdue(AlarmId id, String kommunenummer, int level, Duration period) {}
}
