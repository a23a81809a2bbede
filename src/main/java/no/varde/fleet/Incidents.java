package no.varde.fleet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.DeviceEvent;
import no.varde.alarm.Outcome;
import no.varde.dispatch.sms.SmsDelivery;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storms and correlated outages: when many devices of one vendor, protocol or municipality fall silent or report a
 * technical fault within a window ({@link FleetProperties.Storm}), they become ONE incident, found set-based in the
 * supervision pass (one insert of all members, not one commit per device). While it lasts its members raise no
 * lost-contact alarm of their own (the pass skips members), their technical faults are closed by the rule
 * {@value #RULE} with a timeline entry naming the incident (still stored), and operators get one item: an
 * {@code ALARM} listing the residents left without a working device, or a technical item when nobody is. The
 * affected municipalities' administrators are told once (in the app, and by SMS through the dispatch outbox). The
 * incident ends when every member has reported again (silence) or sent its clearing event (fault).
 */
@Component
class Incidents {

    /** The rule (system actor) that groups devices into an incident and closes its members' technical alarms. */
    static final String RULE = "fleet:incident";

    /** For the supervision's queries of device {@code d}: not in an open incident (its lost contact is inhibited). */
    static final String NOT_A_MEMBER = " and not exists (select 1 from fleet_incident_device m"
            + " where m.device_id = d.id and m.restored_at is null) ";

    private static final int CLOSE_CHUNK = 200;
    private static final Logger log = LoggerFactory.getLogger(Incidents.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Oslo"));

    /** What one sweep did. */
    record Sweep(int opened, int joined, int closedAlarms, int restored, int ended) {}

    private record Group(String key, int candidates, int supervised, Instant earliest) {}

    private final JdbcClient jdbc;
    private final Alarms alarms;
    private final Protection protection;
    private final SmsDelivery sms;
    private final FleetProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Incidents(
            JdbcClient jdbc,
            Alarms alarms,
            Protection protection,
            SmsDelivery sms,
            FleetProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.protection = protection;
        this.sms = sms;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Devices of a group that fell silent (interval + grace ran out) or got an open technical alarm within the
     * window ending at {@code :now}, and are in no open incident. Needs the CTE {@code sup} of supervised devices.
     */
    private static final String CANDIDATES = """
            cand as (
                select s.id, s.key, s.kommunenummer, 'SILENCE' as reason, s.heard as since from sup s
                where s.heard + s.allowed < cast(:now as timestamptz) and s.heard + s.allowed > cast(:from as timestamptz)
                  and not exists (select 1 from fleet_incident_device m where m.device_id = s.id and m.restored_at is null)
                union all
                select s.id, s.key, s.kommunenummer, 'FAULT', min(a.received_at) from sup s
                join alarm a on a.device_id = s.id and a.category = 'TECHNICAL' and a.state <> 'CLOSED'
                    and a.source <> 'FLEET' and a.received_at > cast(:from as timestamptz)
                    and a.received_at <= cast(:now as timestamptz)
                where not (s.heard + s.allowed < cast(:now as timestamptz)
                           and s.heard + s.allowed > cast(:from as timestamptz))
                  and not exists (select 1 from fleet_incident_device m where m.device_id = s.id and m.restored_at is null)
                group by s.id, s.key, s.kommunenummer)
            """;

    private static String supervised(IncidentDimension dimension) {
        return "with sup as (select d.id, d.kommunenummer, cast(" + dimension.column + " as text) as key,"
                + " greatest(d.last_heard_at, d.last_alarm_at) as heard,"
                + " make_interval(secs => c.interval_s + c.grace_s) as allowed"
                + DeviceSupervisions.SUPERVISED_FROM + " and " + dimension.column + " is not null), ";
    }

    /** Groups storms into incidents, lets members that reported again go, and ends incidents with no member left. */
    Sweep sweep(Instant now) {
        FleetProperties.Storm storm = properties.storm();
        if (!storm.enabled()) {
            return new Sweep(0, 0, 0, 0, 0);
        }
        int opened = 0;
        int joined = 0;
        int closed = 0;
        for (IncidentDimension dimension : IncidentDimension.values()) {
            for (Group group : groups(dimension, now, storm)) {
                Optional<Long> open = openIncident(dimension, group.key());
                if (open.isEmpty()) {
                    if (group.candidates() < storm.minDevices()
                            || group.candidates() < storm.minShare() * group.supervised()) {
                        continue;
                    }
                    Long id = transactions.execute(status -> open(dimension, group, now));
                    if (id == null) {
                        continue;
                    }
                    open = Optional.of(id);
                    opened++;
                }
                long incident = open.get();
                List<UUID> members = transactions.execute(status -> join(incident, dimension, group.key(), now));
                joined += members == null ? 0 : members.size();
                // the operator's item and the notices first: closing a storm's backlog of alarms takes longer
                transactions.executeWithoutResult(status -> followUp(incident, now));
                closed += closeMemberAlarms(incident, members == null ? List.of() : members);
            }
        }
        int restored = restoreHeard(now);
        int ended = endFinished(now);
        return new Sweep(opened, joined, closed, restored, ended);
    }

    private List<Group> groups(IncidentDimension dimension, Instant now, FleetProperties.Storm storm) {
        return jdbc.sql(supervised(dimension) + CANDIDATES + """
                        , sizes as (select key, count(*) as n from sup group by key)
                        select cand.key, count(*) as candidates, min(cand.since) as earliest, min(sizes.n) as supervised
                        from cand join sizes on sizes.key = cand.key group by cand.key order by cand.key
                        """)
                .params(DeviceSupervisions.classes(properties))
                .param("now", Timestamp.from(now))
                .param("from", Timestamp.from(now.minus(storm.window())))
                .query((rs, row) -> new Group(
                        rs.getString("key"),
                        rs.getInt("candidates"),
                        rs.getInt("supervised"),
                        rs.getTimestamp("earliest").toInstant()))
                .list();
    }

    private Optional<Long> openIncident(IncidentDimension dimension, String key) {
        return jdbc.sql("select id from fleet_incident where dimension = ? and dimension_key = ? and ended_at is null")
                .params(dimension.name(), key)
                .query(Long.class)
                .optional();
    }

    private @Nullable Long open(IncidentDimension dimension, Group group, Instant now) {
        Optional<Long> id = jdbc.sql("""
                        insert into fleet_incident (dimension, dimension_key, started_at, detected_at, supervised_devices)
                        values (?, ?, ?, ?, ?) on conflict do nothing returning id
                        """)
                .params(
                        dimension.name(),
                        group.key(),
                        Timestamp.from(group.earliest()),
                        Timestamp.from(now),
                        group.supervised())
                .query(Long.class)
                .optional();
        id.ifPresent(incident -> log.warn(
                "VARDE-FLEET-0400: incident {}: {} of {} supervised devices of {} {} silent or faulty since {}",
                incident,
                group.candidates(),
                group.supervised(),
                dimension,
                group.key(),
                group.earliest()));
        return id.orElse(null);
    }

    /** All fresh candidates of the group become members at once (one statement, one commit). */
    private List<UUID> join(long incident, IncidentDimension dimension, String key, Instant now) {
        return jdbc.sql(supervised(dimension) + CANDIDATES + """
                        insert into fleet_incident_device (incident_id, device_id, kommunenummer, reason, since, joined_at)
                        select :incident, id, kommunenummer, reason, since, :now from cand where key = :key
                        on conflict do nothing returning device_id
                        """)
                .params(DeviceSupervisions.classes(properties))
                .param("incident", incident)
                .param("key", key)
                .param("now", Timestamp.from(now))
                .param("from", Timestamp.from(now.minus(properties.storm().window())))
                .query(UUID.class)
                .list();
    }

    /**
     * The members' open technical alarms (lost contact raised before the storm was seen, faults) are closed by the
     * incident rule, a few hundred per transaction; human alarms are never touched.
     */
    private int closeMemberAlarms(long incident, List<UUID> devices) {
        if (devices.isEmpty()) {
            return 0;
        }
        List<UUID> open = jdbc.sql("select id from alarm where device_id = any(:devices) and category = 'TECHNICAL'"
                        + " and state <> 'CLOSED' order by received_at")
                .param("devices", devices.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
        String reason = reason(incident);
        for (int i = 0; i < open.size(); i += CLOSE_CHUNK) {
            List<UUID> chunk = open.subList(i, Math.min(open.size(), i + CLOSE_CHUNK));
            transactions.executeWithoutResult(
                    status -> chunk.forEach(id -> closeIfOpenTechnical(new AlarmId(id), incident, reason)));
        }
        return open.size();
    }

    /**
     * In the caller's transaction: the row lock first, so the pass and the listener never both close one alarm (a
     * second close would fail and roll back the whole chunk).
     */
    private void closeIfOpenTechnical(AlarmId id, long incident, String reason) {
        boolean open = jdbc.sql(
                        "select category = 'TECHNICAL' and state <> 'CLOSED' from alarm where id = ? for update")
                .param(id.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (open) {
            alarms.closeByRule(id, actor(incident), Outcome.TECHNICAL_HANDLED, reason);
        }
    }

    private static String reason(long incident) {
        return "Del av flåtehendelse #" + incident + ": lukket av regelen " + RULE
                + "; hendelsen vises én gang for operatører og kommunens administratorer (/fleet/incidents/" + incident
                + ")";
    }

    private static String actor(long incident) {
        return RULE + ":" + incident;
    }

    /**
     * A technical alarm that arrives while its device's group has an open incident joins the incident and is closed
     * by its rule at once, instead of getting a rule decision of its own. True when it was absorbed.
     */
    boolean absorb(Alarm alarm) {
        if (alarm.category() != AlarmCategory.TECHNICAL
                || !alarm.isOpen()
                || alarm.deviceId() == null
                || EventSource.FLEET.name().equals(alarm.source())) {
            return false;
        }
        Optional<Long> incident = transactions.execute(status -> jdbc.sql("""
                        insert into fleet_incident_device (incident_id, device_id, kommunenummer, reason, since, joined_at)
                        select i.id, d.id, d.kommunenummer, 'FAULT', :at, :now from device d
                        join fleet_incident i on i.ended_at is null and (
                             (i.dimension = 'VENDOR' and i.dimension_key = d.vendor)
                          or (i.dimension = 'PROTOCOL' and i.dimension_key = d.last_heard_source)
                          or (i.dimension = 'MUNICIPALITY' and i.dimension_key = d.kommunenummer))
                        where d.id = :device and d.status = 'ACTIVE'
                        order by i.id limit 1
                        on conflict do nothing returning incident_id
                        """)
                .param("device", alarm.deviceId().value())
                .param("at", Timestamp.from(alarm.receivedAt()))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional());
        Optional<Long> member = incident != null && incident.isPresent()
                ? incident
                : jdbc.sql("select incident_id from fleet_incident_device where device_id = ? and restored_at is null")
                        .param(alarm.deviceId().value())
                        .query(Long.class)
                        .optional();
        if (member.isEmpty()) {
            return false;
        }
        String reason = reason(member.get());
        transactions.executeWithoutResult(status -> closeIfOpenTechnical(alarm.id(), member.get(), reason));
        return true;
    }

    /** A clearing event of a device that is a FAULT member: the device is restored. */
    void cleared(Alarm clearing) {
        if (clearing.deviceId() == null) {
            return;
        }
        jdbc.sql("update fleet_incident_device set restored_at = ? where device_id = ? and restored_at is null"
                        + " and reason = 'FAULT'")
                .params(
                        Timestamp.from(clearing.receivedAt()),
                        clearing.deviceId().value())
                .update();
    }

    /** Residents left unprotected, the operator's one item, and the municipalities told: once each. */
    private void followUp(long incident, Instant now) {
        List<Object[]> candidates = jdbc.sql("""
                        select distinct d.resident_id, d.kommunenummer from fleet_incident_device m
                        join device d on d.id = m.device_id
                        where m.incident_id = ? and m.restored_at is null and d.resident_id is not null
                          and not exists (select 1 from fleet_incident_resident r
                                          where r.incident_id = m.incident_id and r.resident_id = d.resident_id)
                        """)
                .param(incident)
                .query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .list();
        Map<UUID, String> municipalityOf = new HashMap<>();
        candidates.forEach(c -> municipalityOf.put((UUID) c[0], (String) c[1]));
        List<UUID> unprotected = protection.unprotected(municipalityOf.keySet(), now);
        for (UUID resident : unprotected) {
            jdbc.sql("insert into fleet_incident_resident (incident_id, resident_id, kommunenummer, listed_at)"
                            + " values (?, ?, ?, ?) on conflict do nothing")
                    .params(incident, resident, municipalityOf.get(resident), Timestamp.from(now))
                    .update();
        }
        IncidentFacts facts = facts(incident);
        if (facts.residents() > 0 && facts.operatorAlarm() == null) {
            AlarmId item = raiseItem(incident, "INCIDENT", facts, now);
            jdbc.sql("update fleet_incident set operator_alarm_id = ? where id = ?")
                    .params(item.value(), incident)
                    .update();
            if (facts.technicalAlarm() != null) {
                alarms.recordDeviceNote(
                        facts.technicalAlarm(),
                        "system:" + actor(incident),
                        "Beboere uten virksom alarm: løftet til operatørkøen som alarm " + item,
                        Map.of("rule", RULE, "incident", incident, "raisedAlarmId", item.toString()));
            }
        } else if (facts.residents() == 0 && facts.technicalAlarm() == null && facts.operatorAlarm() == null) {
            AlarmId item = raiseItem(incident, "INCIDENT_TECHNICAL", facts, now);
            jdbc.sql("update fleet_incident set technical_alarm_id = ? where id = ?")
                    .params(item.value(), incident)
                    .update();
        } else if (!unprotected.isEmpty() && facts.operatorAlarm() != null) {
            alarms.recordDeviceNote(
                    facts.operatorAlarm(),
                    "system:" + actor(incident),
                    unprotected.size() + " beboere til uten virksom alarm; nå " + facts.residents() + " i alt (se "
                            + "/fleet/incidents/" + incident + ")",
                    Map.of("rule", RULE, "incident", incident, "residents", facts.residents()));
        }
        notifyMunicipalities(incident, facts, now);
    }

    private record IncidentFacts(
            IncidentDimension dimension,
            String key,
            Instant startedAt,
            int devices,
            int residents,
            @Nullable AlarmId operatorAlarm,
            @Nullable AlarmId technicalAlarm) {}

    private IncidentFacts facts(long incident) {
        return jdbc.sql("""
                        select i.*, (select count(*) from fleet_incident_device m where m.incident_id = i.id) as devices,
                               (select count(*) from fleet_incident_resident r where r.incident_id = i.id) as residents
                        from fleet_incident i where i.id = ?
                        """)
                .param(incident)
                .query((rs, row) -> new IncidentFacts(
                        IncidentDimension.valueOf(rs.getString("dimension")),
                        rs.getString("dimension_key"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getInt("devices"),
                        rs.getInt("residents"),
                        alarmId(rs.getObject("operator_alarm_id", UUID.class)),
                        alarmId(rs.getObject("technical_alarm_id", UUID.class))))
                .single();
    }

    private AlarmId raiseItem(long incident, String code, IncidentFacts facts, Instant now) {
        String what = facts.devices() + " enheter (" + dimensionText(facts.dimension()) + " " + facts.key()
                + ") uten kontakt eller med feil siden " + TIME.format(facts.startedAt());
        String text = "INCIDENT".equals(code)
                ? "Flåtehendelse #" + incident + ": " + what + "; " + facts.residents()
                        + " beboere uten virksom alarm – listen: /fleet/incidents/" + incident
                : "Flåtehendelse #" + incident + ": " + what + "; ingen beboer står uten virksom alarm";
        AlarmId item = alarms.receive(new DeviceEvent(
                EventSource.FLEET,
                RULE + ":" + incident + ":" + code,
                new DeviceIdentity(null, null, null, null, "Varde", "fleet-incident-" + incident),
                null,
                null,
                code,
                text,
                null,
                null,
                null,
                null,
                facts.startedAt(),
                now,
                Map.of(
                        "rule",
                        RULE,
                        "incidentId",
                        incident,
                        "devices",
                        facts.devices(),
                        "unprotectedResidents",
                        facts.residents(),
                        "incidentPage",
                        "/fleet/incidents/" + incident)));
        alarms.recordDeviceNote(
                item,
                "system:" + actor(incident),
                "Reist av regelen " + RULE + " for flåtehendelse #" + incident + ": de enkelte enhetenes alarmer for"
                        + " tapt kontakt reises ikke mens hendelsen varer, og deres tekniske feil lukkes av regelen",
                Map.of("rule", RULE, "incident", incident, "decision", "INCIDENT_RAISED"));
        return item;
    }

    private static String dimensionText(IncidentDimension dimension) {
        return switch (dimension) {
            case VENDOR -> "leverandør";
            case PROTOCOL -> "protokoll";
            case MUNICIPALITY -> "kommune";
        };
    }

    /** Each affected municipality's administrators once per incident: in the app (the notice) and by SMS. */
    private void notifyMunicipalities(long incident, IncidentFacts facts, Instant now) {
        List<Map.Entry<String, Integer>> fresh = jdbc.sql("""
                        select m.kommunenummer, count(*) from fleet_incident_device m
                        where m.incident_id = ? and not exists (select 1 from fleet_incident_notice n
                            where n.incident_id = m.incident_id and n.kommunenummer = m.kommunenummer)
                        group by m.kommunenummer order by m.kommunenummer
                        """)
                .param(incident)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list();
        for (Map.Entry<String, Integer> municipality : fresh) {
            List<String> phones = properties.storm().adminPhones().getOrDefault(municipality.getKey(), List.of());
            String text = "Varde: flåtehendelse #" + incident + " – " + municipality.getValue() + " enheter i kommune "
                    + municipality.getKey() + " uten kontakt eller med feil (" + dimensionText(facts.dimension()) + " "
                    + facts.key() + "). Se /fleet/incidents/" + incident;
            for (String phone : phones) {
                sms.queue(null, "Kommunens administrator " + municipality.getKey(), phone, text);
            }
            jdbc.sql("insert into fleet_incident_notice (incident_id, kommunenummer, notified_at, devices, sms_queued)"
                            + " values (?, ?, ?, ?, ?) on conflict do nothing")
                    .params(
                            incident,
                            municipality.getKey(),
                            Timestamp.from(now),
                            municipality.getValue(),
                            phones.size())
                    .update();
        }
    }

    /** Silent members that have been heard (or sent an alarm) since they went silent are restored. */
    private int restoreHeard(Instant now) {
        return jdbc.sql("""
                        update fleet_incident_device m set restored_at = :now
                        from device d left join fleet_device f on f.device_id = d.id
                        where m.device_id = d.id and m.restored_at is null and m.reason = 'SILENCE'
                          and greatest(d.last_heard_at, d.last_alarm_at) > m.since
                        """).param("now", Timestamp.from(now)).update();
    }

    /** Incidents with no member left end: the technical item is closed by the rule, the operator's item told. */
    private int endFinished(Instant now) {
        List<Object[]> ended = jdbc.sql("""
                        update fleet_incident i set ended_at = :now
                        where i.ended_at is null and not exists (select 1 from fleet_incident_device m
                                                                 where m.incident_id = i.id and m.restored_at is null)
                        returning i.id, i.operator_alarm_id, i.technical_alarm_id
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, row) ->
                        new Object[] {rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)})
                .list();
        for (Object[] row : ended) {
            long incident = (Long) row[0];
            String text = "Flåtehendelse #" + incident + " er over " + TIME.format(now)
                    + ": alle enhetene har meldt seg igjen eller meldt feilen rettet";
            if (row[2] != null) {
                transactions.executeWithoutResult(
                        status -> closeIfOpenTechnical(new AlarmId((UUID) row[2]), incident, text));
            }
            if (row[1] != null) {
                alarms.recordDeviceNote(
                        new AlarmId((UUID) row[1]),
                        "system:" + actor(incident),
                        text + " (operatøren lukker denne alarmen)",
                        Map.of("rule", RULE, "incident", incident, "decision", "INCIDENT_ENDED"));
            }
            log.info("VARDE-FLEET-0401: incident {} ended", incident);
        }
        return ended.size();
    }

    private static @Nullable AlarmId alarmId(@Nullable UUID id) {
        return id == null ? null : new AlarmId(id);
    }
}
