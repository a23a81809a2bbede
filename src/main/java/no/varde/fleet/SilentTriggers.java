package no.varde.fleet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.DeviceEvent;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "A personal trigger not heard for 24 h: the resident is unprotected." The {@link RuleKind#RAISE_WHEN_SILENT} rules
 * (condition {@code FLEET TRIGGER_SILENT}, per device type, the silence allowed as the rule's wait) are evaluated over
 * personal triggers: active devices supervised through their base unit's radio tests. One past its silence is raised
 * to the operator queue as a safety risk (an ALARM-category {@code FLEET SAFETY_RISK}), once per silence, its timeline
 * naming the rule; a device in a maintenance window is not, and after the window its silence counts from the window's
 * end. The supervision pass runs this on the node holding the lease; tests call {@link #check(Instant)} directly.
 */
@Component
class SilentTriggers {

    /** The condition's code in the alarm-type table (source FLEET, technical): never received from a device. */
    static final String CODE = "TRIGGER_SILENT";

    private static final Logger log = LoggerFactory.getLogger(SilentTriggers.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Oslo"));

    private static final String HEARD = "greatest(d.last_heard_at, d.last_alarm_at)";

    private record Silent(DeviceId id, DeviceIdentity identity, Instant heard) {}

    private final JdbcClient jdbc;
    private final TechnicalRules rules;
    private final Alarms alarms;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SilentTriggers(
            JdbcClient jdbc,
            TechnicalRules rules,
            Alarms alarms,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.alarms = alarms;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Raises a safety risk for every personal trigger silent past its rule's wait at {@code now}; how many. */
    int check(Instant now) {
        int raised = 0;
        for (TechnicalRule rule : rules.silenceRules()) {
            Set<DeviceId> tried = new HashSet<>();
            List<Silent> silent;
            do {
                silent = silent(rule, now).stream()
                        .filter(s -> tried.add(s.id()))
                        .toList();
                for (Silent device : silent) {
                    try {
                        Boolean done = transactions.execute(status -> raise(rule, device, now));
                        raised += Boolean.TRUE.equals(done) ? 1 : 0;
                    } catch (RuntimeException e) {
                        log.error("VARDE-FLEET-0300: silent trigger {} could not be raised", device.id(), e);
                    }
                }
            } while (!silent.isEmpty());
        }
        return raised;
    }

    private List<Silent> silent(TechnicalRule rule, Instant now) {
        return jdbc.sql("select d.*, " + HEARD
                        + " as heard from device d left join fleet_device f on f.device_id = d.id"
                        + " where d.status = 'ACTIVE' and d.base_device_id is not null"
                        // a rule for the device's type wins over one for every type
                        + " and (d.type = cast(:type as text) or (cast(:type as text) is null and not exists"
                        + " (select 1 from fleet_rule r where r.kind = 'RAISE_WHEN_SILENT' and r.enabled"
                        + " and r.device_type = d.type)))"
                        + " and " + HEARD + " < cast(:now as timestamptz) - make_interval(secs => :wait)"
                        + " and not exists (select 1 from fleet_silent_trigger s where s.device_id = d.id"
                        + " and s.silent_since = " + HEARD + ")"
                        + " and not exists (select 1 from fleet_maintenance_window w where"
                        + " w.starts_at <= cast(:now as timestamptz) and " + MaintenanceWindows.END + " > w.starts_at"
                        + " and " + MaintenanceWindows.END
                        + " + make_interval(secs => :wait) > cast(:now as timestamptz)"
                        + " and " + MaintenanceWindows.COVERS + ")"
                        + " order by heard limit :limit")
                .param(
                        "type",
                        rule.deviceType() == null ? null : rule.deviceType().name(),
                        java.sql.Types.VARCHAR)
                .param("now", Timestamp.from(now))
                .param("wait", (int) rule.waitFor().toSeconds())
                .param("limit", Supervision.CHUNK)
                .query((rs, row) -> new Silent(
                        new DeviceId(rs.getObject("id", UUID.class)),
                        new DeviceIdentity(
                                rs.getString("scaip_controller_id"),
                                rs.getString("scaip_device_id"),
                                rs.getString("sia_account"),
                                rs.getString("imei"),
                                rs.getString("vendor"),
                                rs.getString("serial_number")),
                        rs.getTimestamp("heard").toInstant()))
                .list();
    }

    /** Once per silence: the row keyed by the device and the time it was last heard decides, whichever node runs. */
    private boolean raise(TechnicalRule rule, Silent device, Instant now) {
        boolean first = jdbc.sql("""
                                insert into fleet_silent_trigger (device_id, silent_since, rule_id, rule_version,
                                    raised_at)
                                values (?, ?, ?, ?, ?) on conflict do nothing
                                """)
                        .params(
                                device.id().value(),
                                Timestamp.from(device.heard()),
                                rule.id(),
                                rule.version(),
                                Timestamp.from(clock.instant()))
                        .update()
                == 1;
        if (!first) {
            return false;
        }
        Duration silence = rule.waitFor();
        String since = TIME.format(device.heard());
        AlarmId alarm = alarms.receive(new DeviceEvent(
                EventSource.FLEET,
                "fleet:trigger-silent:" + device.id() + ":" + device.heard(),
                device.identity(),
                null,
                null,
                "SAFETY_RISK",
                "Sikkerhetsrisiko: personlig alarmknapp ikke hørt siden " + since + " – beboeren er ubeskyttet",
                null,
                null,
                null,
                null,
                device.heard().plus(silence),
                clock.instant(),
                Map.of(
                        "rule", rule.actorName(),
                        "lastHeardAt", device.heard().toString(),
                        "deviceId", device.id().toString())));
        jdbc.sql("update fleet_silent_trigger set alarm_id = ? where device_id = ? and silent_since = ?")
                .params(alarm.value(), device.id().value(), Timestamp.from(device.heard()))
                .update();
        alarms.recordDeviceNote(
                alarm,
                "system:" + rule.actorName(),
                rule.describe() + ": personlig utløser ikke hørt siden " + since + " (mer enn "
                        + Supervision.human(silence) + "): løftet til operatørkøen som sikkerhetsrisiko",
                Map.of(
                        "rule",
                        rule.id(),
                        "ruleVersion",
                        rule.version(),
                        "ruleKind",
                        rule.kind().name(),
                        "decision",
                        "RAISED_WHEN_SILENT"));
        log.warn(
                "VARDE-FLEET-0301: personal trigger {} not heard since {}: safety risk raised as alarm {} by {}",
                device.id(),
                device.heard(),
                alarm,
                rule.actorName());
        return true;
    }
}
