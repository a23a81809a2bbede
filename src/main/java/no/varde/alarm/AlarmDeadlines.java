package no.varde.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks alarms not claimed within their deadline, and call-outs not accepted in time, as overdue. Overdue rows
 * are taken earliest deadline first with {@code FOR UPDATE SKIP LOCKED} in small transactions, in a loop until
 * none is due, so with several nodes each escalation happens exactly once and a backlog cannot starve it. An
 * unclaimed alarm is marked overdue once, from its original claim deadline; that never changes its priority:
 * overdue is a visible state (flag, with the time past the deadline shown to operators).
 */
@Component
public class AlarmDeadlines {

    private static final Logger log = LoggerFactory.getLogger(AlarmDeadlines.class);
    /** Rows per transaction: short row locks, and progress is committed as it goes. */
    static final int CHUNK = 200;

    private final AlarmRepository store;
    private final Alarms alarms;
    private final AlarmProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AlarmDeadlines(
            AlarmRepository store,
            Alarms alarms,
            AlarmProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.alarms = alarms;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${varde.alarm.deadline-check-interval:2s}")
    void check() {
        escalateOverdue(clock.instant());
    }

    /** Escalates everything overdue at {@code now}, however much; returns how many escalations were made. */
    public int escalateOverdue(Instant now) {
        int total = 0;
        int done;
        do {
            Integer chunk = transactions.execute(status -> callouts(now) + unclaimed(now));
            done = chunk == null ? 0 : chunk;
            total += done;
        } while (done > 0);
        return total;
    }

    private int unclaimed(Instant now) {
        List<Alarm> overdue = store.lockOverdueUnclaimed(now, CHUNK);
        for (Alarm alarm : overdue) {
            Transition escalated = alarm.markOverdue(now);
            alarms.save(alarm, escalated);
            log.warn(
                    "VARDE-ALARM-0200: alarm {} not claimed in time, escalation level {}",
                    alarm.id(),
                    escalated.alarm().escalationLevel());
        }
        return overdue.size();
    }

    private int callouts(Instant now) {
        List<Alarm> overdue = store.lockOverdueCallouts(now, CHUNK);
        for (Alarm alarm : overdue) {
            Transition escalated = alarm.markCalloutOverdue(properties.dispatchAcceptDeadline(), now);
            alarms.save(alarm, escalated);
            log.warn(
                    "VARDE-ALARM-0201: call-out for alarm {} not accepted in time, level {}",
                    alarm.id(),
                    escalated.alarm().escalationLevel());
        }
        return overdue.size();
    }
}
