package no.varde.fleet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.DeviceEvent;
import no.varde.registry.DeviceType;
import no.varde.shared.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a resident is protected: at least one {@code ACTIVE} device of the resident that can raise a personal
 * alarm ({@link #PERSONAL_ALARM_TYPES}) has been heard, is not in lost contact (no open marker, not silent past its
 * class's interval plus grace), is not in an open incident, and has no open technical alarm (a fault). The rule
 * {@value #RULE} raises ONE safety risk to the operator when a lost contact leaves a resident with no working device.
 */
@Component
class Protection {

    /** The rule (system actor) that raises a safety risk for a resident left without a working device. */
    static final String RULE = "fleet:unprotected-resident";

    /**
     * Device types a person can raise an alarm with: the safety alarm (button and base), the fall sensor (raises on
     * its own when the person falls) and the GPS tracker (its SOS button). Door, bed and smoke sensors, medication
     * dispensers and e-locks report conditions, not a person's call for help.
     */
    static final Set<DeviceType> PERSONAL_ALARM_TYPES =
            Set.of(DeviceType.SAFETY_ALARM, DeviceType.FALL_SENSOR, DeviceType.GPS_TRACKER);

    private static final String WORKING_DEVICE_OF_R = """
             exists (select 1 from device d
                     left join fleet_device f on f.device_id = d.id
                     left join fleet_type_supervision t on t.device_type = d.type
                     left join fleet_supervision_class c on c.name = %s
                     where d.resident_id = r.rid and d.status = 'ACTIVE'
                       and d.type in ('SAFETY_ALARM', 'FALL_SENSOR', 'GPS_TRACKER')
                       and f.lost_contact_alarm_id is null
                       and greatest(d.last_heard_at, d.last_alarm_at) is not null
                       and (c.name is null or greatest(d.last_heard_at, d.last_alarm_at)
                            >= cast(:now as timestamptz) - make_interval(secs => c.interval_s + c.grace_s))
                       and not exists (select 1 from fleet_incident_device m
                                       where m.device_id = d.id and m.restored_at is null)
                       and not exists (select 1 from alarm a where a.device_id = d.id
                                       and a.category = 'TECHNICAL' and a.state <> 'CLOSED'))
            """.formatted(DeviceSupervisions.EFFECTIVE_CLASS);

    private static final Logger log = LoggerFactory.getLogger(Protection.class);

    private final JdbcClient jdbc;
    private final Alarms alarms;
    private final FleetProperties properties;

    Protection(JdbcClient jdbc, Alarms alarms, FleetProperties properties) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.properties = properties;
    }

    /** Those of the residents with no working personal-alarm device at {@code now} (set-based, one query). */
    List<UUID> unprotected(Collection<UUID> residents, Instant now) {
        if (residents.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select r.rid from unnest(cast(:residents as uuid[])) as r(rid) where not" + WORKING_DEVICE_OF_R
                        + " order by r.rid")
                .params(DeviceSupervisions.classes(properties))
                .param("residents", residents.toArray(UUID[]::new))
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .list();
    }

    boolean isProtected(UUID resident, Instant now) {
        return unprotected(List.of(resident), now).isEmpty();
    }

    /**
     * Called in the supervision's transaction right after a lost-contact alarm was raised for the device (outside a
     * storm: members of an incident raise nothing on their own). When the device's resident has no other working
     * device, ONE safety risk goes to the operator queue, both timelines pointing at each other.
     */
    void lostContactRaised(DeviceSupervisions.Silent device, AlarmId lostContact, Instant now) {
        UUID resident = jdbc.sql("select resident_id from device where id = ?")
                .param(device.id().value())
                .query(UUID.class)
                .optional()
                .orElse(null);
        if (resident == null || isProtected(resident, now)) {
            return;
        }
        boolean first = jdbc.sql("select count(*) from fleet_unprotected_raise where lost_contact_alarm_id = ?")
                        .param(lostContact.value())
                        .query(Integer.class)
                        .single()
                == 0;
        if (!first) {
            return;
        }
        AlarmId raised = alarms.receive(new DeviceEvent(
                EventSource.FLEET,
                RULE + ":" + lostContact,
                device.identity(),
                null,
                null,
                "SAFETY_RISK",
                "Sikkerhetsrisiko: ingen kontakt med enheten, og beboeren har ingen annen virksom alarm",
                null,
                null,
                null,
                null,
                device.lastHeard(),
                now,
                Map.of("rule", RULE, "technicalAlarmId", lostContact.toString())));
        jdbc.sql("insert into fleet_unprotected_raise (lost_contact_alarm_id, safety_alarm_id, resident_id, raised_at)"
                        + " values (?, ?, ?, ?)")
                .params(lostContact.value(), raised.value(), resident, Timestamp.from(now))
                .update();
        alarms.recordDeviceNote(
                lostContact,
                "system:" + RULE,
                "Beboeren har ingen annen virksom alarm: løftet til operatørkøen som sikkerhetsrisiko " + raised
                        + " (regel " + RULE + ")",
                Map.of("rule", RULE, "decision", "RAISED_TO_OPERATOR", "raisedAlarmId", raised.toString()));
        alarms.recordDeviceNote(
                raised,
                "system:" + RULE,
                "Løftet av regelen " + RULE + " fra teknisk alarm " + lostContact
                        + " (ingen kontakt med enheten): beboeren har ingen annen virksom alarm",
                Map.of("rule", RULE, "decision", "RAISED_FROM_TECHNICAL", "technicalAlarmId", lostContact.toString()));
        log.warn(
                "VARDE-FLEET-0300: lost contact {} leaves resident {} without a working device: safety risk {}",
                lostContact,
                resident,
                raised);
    }
}
