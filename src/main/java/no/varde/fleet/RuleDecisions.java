package no.varde.fleet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.registry.DeviceId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the rules decided per alarm, once each (module listeners may be delivered again), and the open technical
 * alarms of a device a clearing event applies to. A system task: it handles alarm ids, never shows anything.
 */
@Repository
class RuleDecisions {

    static final String WAIT = "WAIT";
    static final String AWAIT_CLEARING = "AWAIT_CLEARING";
    static final String RAISED = "RAISED";
    static final String TASK = "TASK";

    /** A wait that has run out while its alarm is still open. */
    record ExpiredWait(AlarmId alarm, long ruleId, int ruleVersion, Instant waitUntil) {}

    private final JdbcClient jdbc;

    RuleDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the decision; false when it was made before (the caller then does nothing again). */
    boolean decide(AlarmId alarm, String decision, TechnicalRule rule, Instant now, @Nullable Instant waitUntil) {
        return jdbc.sql("""
                        insert into fleet_rule_decision (alarm_id, decision, rule_id, rule_version, decided_at, wait_until)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing
                        """)
                        .params(
                                alarm.value(),
                                decision,
                                rule.id(),
                                rule.version(),
                                Timestamp.from(now),
                                waitUntil == null ? null : Timestamp.from(waitUntil))
                        .update()
                == 1;
    }

    void raised(AlarmId alarm, AlarmId raised) {
        jdbc.sql("update fleet_rule_decision set raised_alarm_id = ? where alarm_id = ? and decision = ?")
                .params(raised.value(), alarm.value(), RAISED)
                .update();
    }

    /** Settles every open decision of the alarm (it was closed or left to the operator). */
    void settle(AlarmId alarm, Instant now) {
        jdbc.sql("update fleet_rule_decision set settled_at = ? where alarm_id = ? and settled_at is null")
                .params(Timestamp.from(now), alarm.value())
                .update();
    }

    /** Open technical alarms of this device with this code, oldest first. */
    List<AlarmId> openTechnical(DeviceId device, String source, String code) {
        return jdbc.sql("""
                        select id from alarm where device_id = ? and source = ? and source_code = ?
                          and category = 'TECHNICAL' and state <> 'CLOSED' order by received_at
                        """)
                .params(device.value(), source, code)
                .query((rs, row) -> new AlarmId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Waits past their end that are not settled, locked so one node ends each. */
    List<ExpiredWait> lockExpiredWaits(Instant now, int limit) {
        return jdbc.sql("""
                        select alarm_id, rule_id, rule_version, wait_until from fleet_rule_decision
                        where decision = 'WAIT' and settled_at is null and wait_until <= ?
                        order by wait_until limit ? for update skip locked
                        """)
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new ExpiredWait(
                        new AlarmId(rs.getObject("alarm_id", UUID.class)),
                        rs.getLong("rule_id"),
                        rs.getInt("rule_version"),
                        rs.getTimestamp("wait_until").toInstant()))
                .list();
    }
}
