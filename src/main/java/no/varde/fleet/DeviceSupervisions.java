package no.varde.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.registry.AccessScope;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceIdentity;
import no.varde.registry.DeviceType;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Supervision state per device: its effective reporting class (an administrator's per device, else its protocol's,
 * else its device type's), when it was last heard, its last alarm, and its open lost-contact alarm. The supervision
 * pass is a system task over the whole fleet (ids only, no personal data); what users read goes through
 * {@link NeedToKnow}.
 */
@Repository
class DeviceSupervisions {

    /** The class of the SCAIP hbi code the device was last assigned, from {@code varde.fleet.scaip-hbi-classes}. */
    private static final String HBI_CLASS = "case when cast(:hbiCodes as text) <> '' then"
            + " (select h.cls from unnest(string_to_array(cast(:hbiCodes as text), ','),"
            + " string_to_array(cast(:hbiClasses as text), ',')) as h(code, cls) where h.code = d.scaip_hbi) end";

    /**
     * The effective class of a device row {@code d} with its {@code fleet_device} row {@code f} and its type's row
     * {@code t}: an administrator's class for the device wins, then for a pendant or detector linked to its base the
     * class of the base's radio tests (a sub-device is heard only when the base's test names it, never by the base's
     * heartbeats), then the class of the protocol it was last heard through (configured), then its type's.
     */
    static final String EFFECTIVE_CLASS = "coalesce(f.supervision_class,"
            + " case when d.base_device_id is not null then cast(:radioTestClass as text) end,"
            + " case d.last_heard_source when 'SCAIP' then coalesce(" + HBI_CLASS + ", cast(:scaipClass as text))"
            + " when 'SIA' then cast(:siaClass as text)"
            + " when 'HTTP' then cast(:httpClass as text) end,"
            + " t.supervision_class)";

    private static final String CLASS_SOURCE = "case when f.supervision_class is not null then 'DEVICE'"
            + " when d.base_device_id is not null then 'BASE_RADIO_TEST'"
            + " when (d.last_heard_source = 'SCAIP' and coalesce(" + HBI_CLASS
            + ", cast(:scaipClass as text)) is not null)"
            + " or (d.last_heard_source = 'SIA' and cast(:siaClass as text) is not null)"
            + " or (d.last_heard_source = 'HTTP' and cast(:httpClass as text) is not null) then 'PROTOCOL'"
            + " when t.supervision_class is not null then 'DEVICE_TYPE' end";

    static final String SUPERVISED_FROM = " from device d"
            + " left join fleet_device f on f.device_id = d.id"
            + " left join fleet_type_supervision t on t.device_type = d.type"
            + " join fleet_supervision_class c on c.name = " + EFFECTIVE_CLASS
            + " where d.status = 'ACTIVE' and greatest(d.last_heard_at, d.last_alarm_at) is not null ";

    /** A device silent past its class's interval and grace, with no lost-contact alarm yet. */
    record Silent(DeviceId id, DeviceIdentity identity, SupervisionClass supervisionClass, Instant lastHeard) {}

    /** A device with an open lost-contact marker that has reported since. */
    record Resumed(DeviceId id, AlarmId lostContactAlarm, Instant heardAgain) {}

    private final JdbcClient jdbc;

    DeviceSupervisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many devices are supervised: active, heard at least once, with an effective class. */
    int supervised(FleetProperties properties) {
        return jdbc.sql("select count(*)" + SUPERVISED_FROM)
                .params(classes(properties))
                .query(Integer.class)
                .single();
    }

    /** Devices silent past their interval plus grace at {@code now} that have no lost-contact alarm yet. */
    List<Silent> silent(Instant now, FleetProperties properties, int limit) {
        return jdbc.sql("select d.*, c.name as effective_class, greatest(d.last_heard_at, d.last_alarm_at) as heard"
                        + SUPERVISED_FROM
                        + " and f.lost_contact_alarm_id is null" + Incidents.NOT_A_MEMBER
                        + " and greatest(d.last_heard_at, d.last_alarm_at)"
                        + " < cast(:now as timestamptz) - make_interval(secs => c.interval_s + c.grace_s)"
                        + " and " + MaintenanceWindows.NOT_SILENCED
                        + " order by heard limit :limit")
                .params(classes(properties))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> silent(rs))
                .list();
    }

    /**
     * The same check for one device under a row lock, in the caller's transaction: the lost-contact alarm is
     * raised only while the device is still silent and has none.
     */
    Optional<Silent> lockIfSilent(DeviceId id, Instant now, FleetProperties properties) {
        jdbc.sql("insert into fleet_device (device_id) values (?) on conflict do nothing")
                .param(id.value())
                .update();
        return jdbc.sql("select d.*, c.name as effective_class, greatest(d.last_heard_at, d.last_alarm_at) as heard"
                        + " from fleet_device f join device d on d.id = f.device_id"
                        + " left join fleet_type_supervision t on t.device_type = d.type"
                        + " join fleet_supervision_class c on c.name = " + EFFECTIVE_CLASS
                        + " where f.device_id = :id and d.status = 'ACTIVE' and f.lost_contact_alarm_id is null"
                        + Incidents.NOT_A_MEMBER
                        + " and greatest(d.last_heard_at, d.last_alarm_at)"
                        + " < cast(:now as timestamptz) - make_interval(secs => c.interval_s + c.grace_s)"
                        + " and " + MaintenanceWindows.NOT_SILENCED
                        + " for update of f")
                .params(classes(properties))
                .param("id", id.value())
                .param("now", Timestamp.from(now))
                .query((rs, row) -> silent(rs))
                .optional();
    }

    void markLostContact(DeviceId id, AlarmId alarm, Instant lastHeard) {
        jdbc.sql("update fleet_device set lost_contact_alarm_id = ?, lost_contact_since = ? where device_id = ?")
                .params(alarm.value(), Timestamp.from(lastHeard), id.value())
                .update();
    }

    /** Devices with a lost-contact marker that have been heard (or sent an alarm) since they went silent. */
    List<Resumed> resumed(int limit) {
        return jdbc.sql("""
                        select f.device_id, f.lost_contact_alarm_id, greatest(d.last_heard_at, d.last_alarm_at) as heard
                        from fleet_device f join device d on d.id = f.device_id
                        where f.lost_contact_alarm_id is not null
                          and greatest(d.last_heard_at, d.last_alarm_at) > f.lost_contact_since
                        order by f.device_id limit ?
                        """)
                .param(limit)
                .query((rs, row) -> new Resumed(
                        new DeviceId(rs.getObject("device_id", UUID.class)),
                        new AlarmId(rs.getObject("lost_contact_alarm_id", UUID.class)),
                        rs.getTimestamp("heard").toInstant()))
                .list();
    }

    /** Removes the marker (the device reported again); false when another node did it first. */
    boolean clearLostContact(DeviceId id, AlarmId alarm) {
        return jdbc.sql("update fleet_device set lost_contact_alarm_id = null, lost_contact_since = null"
                                + " where device_id = ? and lost_contact_alarm_id = ?")
                        .params(id.value(), alarm.value())
                        .update()
                == 1;
    }

    /** The type and reporting identities of a device, for the rules and for raising alarms in its name. */
    Optional<DeviceFacts> facts(DeviceId id) {
        return jdbc.sql("select * from device where id = ?")
                .param(id.value())
                .query((rs, row) -> new DeviceFacts(
                        id,
                        DeviceType.valueOf(rs.getString("type")),
                        identity(rs),
                        new Kommunenummer(rs.getString("kommunenummer"))))
                .optional();
    }

    record DeviceFacts(DeviceId id, DeviceType type, DeviceIdentity identity, Kommunenummer kommunenummer) {}

    // ---- administration and reads by users (need-to-know) -------------------------------------------------

    /** Sets (or with null removes) an administrator's class for one device the user may see; false if none. */
    boolean setDeviceClass(
            AccessScope scope, DeviceId id, @Nullable SupervisionClass supervisionClass, String by, Instant now) {
        boolean visible =
                jdbc.sql("select count(*) from device d where d.id = :id and" + NeedToKnow.within("d.kommunenummer"))
                                .param("id", id.value())
                                .params(NeedToKnow.params(scope))
                                .query(Integer.class)
                                .single()
                        == 1;
        if (!visible) {
            return false;
        }
        jdbc.sql("""
                        insert into fleet_device (device_id, supervision_class, class_set_by, class_set_at)
                        values (:id, :class, :by, :at)
                        on conflict (device_id) do update set supervision_class = excluded.supervision_class,
                            class_set_by = excluded.class_set_by, class_set_at = excluded.class_set_at
                        """)
                .param("id", id.value())
                .param("class", supervisionClass == null ? null : supervisionClass.name(), java.sql.Types.VARCHAR)
                .param("by", by)
                .param("at", Timestamp.from(now))
                .update();
        return true;
    }

    void setTypeClass(DeviceType type, SupervisionClass supervisionClass, String by, Instant now) {
        jdbc.sql("""
                        insert into fleet_type_supervision (device_type, supervision_class, updated_by, updated_at)
                        values (?, ?, ?, ?)
                        on conflict (device_type) do update set supervision_class = excluded.supervision_class,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at
                        """)
                .params(type.name(), supervisionClass.name(), by, Timestamp.from(now))
                .update();
    }

    Map<DeviceType, SupervisionClass> typeClasses() {
        Map<DeviceType, SupervisionClass> classes = new java.util.EnumMap<>(DeviceType.class);
        jdbc.sql("select device_type, supervision_class from fleet_type_supervision")
                .query((rs, row) ->
                        Map.entry(DeviceType.valueOf(rs.getString(1)), SupervisionClass.valueOf(rs.getString(2))))
                .list()
                .forEach(entry -> classes.put(entry.getKey(), entry.getValue()));
        return classes;
    }

    /** A device's supervision as a user in this scope may see it (no personal data beyond the resident's id). */
    Optional<DeviceSupervision> status(AccessScope scope, DeviceId id, FleetProperties properties) {
        return jdbc.sql("select d.*, f.supervision_class as device_class, d.last_alarm_at, f.lost_contact_alarm_id,"
                        + " f.lost_contact_since, " + EFFECTIVE_CLASS + " as effective_class, " + CLASS_SOURCE
                        + " as class_source from device d left join fleet_device f on f.device_id = d.id"
                        + " left join fleet_type_supervision t on t.device_type = d.type"
                        + " where d.id = :id and" + NeedToKnow.within("d.kommunenummer"))
                .params(classes(properties))
                .params(NeedToKnow.params(scope))
                .param("id", id.value())
                .query((rs, row) -> status(rs))
                .optional();
    }

    /** A device of a resident's alarm chain: its supervision, and whether it is the base unit a trigger reports through. */
    record ChainDevice(
            DeviceSupervision supervision,
            String label,
            boolean baseUnit,
            @Nullable String protocol) {}

    /**
     * The active devices of a resident's alarm chain within the scope: the resident's own devices of these types, and
     * the base unit their SCAIP triggers report through (the registered base link, or the SCAIP controller without a
     * device id), if it is registered.
     * The protocol is the one the device was last heard through, else the one of its latest alarm.
     */
    List<ChainDevice> chainDevices(
            AccessScope scope,
            ResidentId resident,
            java.util.Collection<DeviceType> types,
            FleetProperties properties) {
        return jdbc.sql("select d.*, f.supervision_class as device_class, d.last_alarm_at, f.lost_contact_alarm_id,"
                        + " f.lost_contact_since, " + EFFECTIVE_CLASS + " as effective_class, " + CLASS_SOURCE
                        + " as class_source, d.resident_id is distinct from :resident as base_unit,"
                        + " coalesce(d.last_heard_source, (select a.source from alarm a where a.resident_id = :resident"
                        + " and a.device_id = d.id order by a.received_at desc limit 1)) as protocol"
                        + " from device d left join fleet_device f on f.device_id = d.id"
                        + " left join fleet_type_supervision t on t.device_type = d.type"
                        + " where d.status = 'ACTIVE' and" + NeedToKnow.within("d.kommunenummer")
                        + " and ((d.resident_id = :resident and d.type = any(:types))"
                        + "   or (d.scaip_controller_id is not null and coalesce(d.scaip_device_id, '') = ''"
                        + "       and d.scaip_controller_id in (select p.scaip_controller_id from device p"
                        + "           where p.resident_id = :resident and p.type = any(:types)"
                        + "           and coalesce(p.scaip_device_id, '') <> ''))"
                        // the base unit a pendant or detector is registered under (its radio tests hear them)
                        + "   or d.id in (select p.base_device_id from device p where p.resident_id = :resident"
                        + "           and p.type = any(:types) and p.base_device_id is not null))"
                        + " order by base_unit desc, d.type, d.id")
                .params(classes(properties))
                .params(NeedToKnow.params(scope))
                .param("resident", resident.value())
                .param("types", types.stream().map(Enum::name).toArray(String[]::new))
                .query((rs, row) -> new ChainDevice(
                        status(rs),
                        (rs.getString("vendor") + " " + rs.getString("model") + " "
                                        + java.util.Objects.requireNonNullElse(rs.getString("serial_number"), ""))
                                .strip(),
                        rs.getBoolean("base_unit"),
                        rs.getString("protocol")))
                .list();
    }

    /** Whether the resident exists within the scope (the chain of a resident nobody may see is not found). */
    Optional<Kommunenummer> residentMunicipality(AccessScope scope, ResidentId resident) {
        return jdbc.sql("select r.kommunenummer from resident r where r.id = :id and"
                        + NeedToKnow.within("r.kommunenummer"))
                .param("id", resident.value())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> new Kommunenummer(rs.getString(1)))
                .optional();
    }

    /**
     * The latest report over a protocol from any device (heard, or an alarm received) after {@code since}; empty
     * when there was none. Both reads walk an index on time backwards and stop at the first match.
     */
    Optional<Instant> lastReportOver(String protocol, Instant since) {
        Timestamp after = Timestamp.from(since);
        Optional<Instant> heard = jdbc.sql("select last_heard_at from device where last_heard_source = ?"
                        + " and last_heard_at > ? order by last_heard_at desc limit 1")
                .params(protocol, after)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional();
        Optional<Instant> alarm = jdbc.sql("select received_at from alarm where source = ? and received_at > ?"
                        + " order by received_at desc limit 1")
                .params(protocol, after)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional();
        return java.util.stream.Stream.of(heard, alarm)
                .flatMap(Optional::stream)
                .max(Instant::compareTo);
    }

    private static DeviceSupervision status(ResultSet rs) throws SQLException {
        String effective = rs.getString("effective_class");
        String deviceClass = rs.getString("device_class");
        UUID resident = rs.getObject("resident_id", UUID.class);
        UUID lostContact = rs.getObject("lost_contact_alarm_id", UUID.class);
        Instant lastHeard = instant(rs.getTimestamp("last_heard_at"));
        Instant lastAlarm = instant(rs.getTimestamp("last_alarm_at"));
        Instant heard = lastHeard == null
                ? lastAlarm
                : lastAlarm == null || lastHeard.isAfter(lastAlarm) ? lastHeard : lastAlarm;
        SupervisionClass supervisionClass = effective == null ? null : SupervisionClass.valueOf(effective);
        boolean supervised = supervisionClass != null && heard != null && "ACTIVE".equals(rs.getString("status"));
        return new DeviceSupervision(
                new DeviceId(rs.getObject("id", UUID.class)),
                new Kommunenummer(rs.getString("kommunenummer")),
                DeviceType.valueOf(rs.getString("type")),
                resident == null ? null : new ResidentId(resident),
                supervised,
                supervisionClass,
                rs.getString("class_source"),
                deviceClass == null ? null : SupervisionClass.valueOf(deviceClass),
                lastHeard,
                rs.getString("last_heard_source"),
                instant(rs.getTimestamp("last_test_at")),
                lastAlarm,
                supervised ? heard.plus(supervisionClass.silenceAllowed()) : null,
                lostContact == null ? null : new AlarmId(lostContact),
                rs.getString("scaip_hbi"));
    }

    private static Silent silent(ResultSet rs) throws SQLException {
        return new Silent(
                new DeviceId(rs.getObject("id", UUID.class)),
                identity(rs),
                SupervisionClass.valueOf(rs.getString("effective_class")),
                rs.getTimestamp("heard").toInstant());
    }

    private static DeviceIdentity identity(ResultSet rs) throws SQLException {
        return new DeviceIdentity(
                rs.getString("scaip_controller_id"),
                rs.getString("scaip_device_id"),
                rs.getString("sia_account"),
                rs.getString("imei"),
                rs.getString("vendor"),
                rs.getString("serial_number"));
    }

    static Map<String, Object> classes(FleetProperties properties) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("scaipClass", name(properties.scaipHeartbeats()));
        params.put("siaClass", name(properties.dc09Polling()));
        params.put("httpClass", name(properties.httpHeartbeats()));
        params.put("radioTestClass", properties.radioTests().name());
        params.put("hbiCodes", String.join(",", properties.scaipHbiClasses().keySet()));
        params.put(
                "hbiClasses",
                properties.scaipHbiClasses().keySet().stream()
                        .map(code -> properties.scaipHbiClasses().get(code).name())
                        .collect(java.util.stream.Collectors.joining(",")));
        return params;
    }

    private static @Nullable String name(@Nullable SupervisionClass supervisionClass) {
        return supervisionClass == null ? null : supervisionClass.name();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
