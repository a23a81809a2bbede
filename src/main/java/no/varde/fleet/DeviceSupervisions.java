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

    /**
     * The effective class of a device row {@code d} with its {@code fleet_device} row {@code f} and its type's row
     * {@code t}: an administrator's class for the device wins, then the class of the protocol it was last heard
     * through (configured), then its type's.
     */
    static final String EFFECTIVE_CLASS = """
            coalesce(f.supervision_class,
                     case d.last_heard_source when 'SCAIP' then cast(:scaipClass as text)
                                              when 'SIA' then cast(:siaClass as text)
                                              when 'HTTP' then cast(:httpClass as text) end,
                     t.supervision_class)""";

    private static final String CLASS_SOURCE = """
            case when f.supervision_class is not null then 'DEVICE'
                 when (d.last_heard_source = 'SCAIP' and cast(:scaipClass as text) is not null)
                   or (d.last_heard_source = 'SIA' and cast(:siaClass as text) is not null)
                   or (d.last_heard_source = 'HTTP' and cast(:httpClass as text) is not null) then 'PROTOCOL'
                 when t.supervision_class is not null then 'DEVICE_TYPE' end""";

    static final String SUPERVISED_FROM = " from device d"
            + " left join fleet_device f on f.device_id = d.id"
            + " left join fleet_type_supervision t on t.device_type = d.type"
            + " join fleet_supervision_class c on c.name = " + EFFECTIVE_CLASS
            + " where d.status = 'ACTIVE' and greatest(d.last_heard_at, f.last_alarm_at) is not null ";

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
        return jdbc.sql("select d.*, c.name as effective_class, greatest(d.last_heard_at, f.last_alarm_at) as heard"
                        + SUPERVISED_FROM
                        + " and f.lost_contact_alarm_id is null" + Incidents.NOT_A_MEMBER
                        + " and greatest(d.last_heard_at, f.last_alarm_at)"
                        + " < cast(:now as timestamptz) - make_interval(secs => c.interval_s + c.grace_s)"
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
        return jdbc.sql("select d.*, c.name as effective_class, greatest(d.last_heard_at, f.last_alarm_at) as heard"
                        + " from fleet_device f join device d on d.id = f.device_id"
                        + " left join fleet_type_supervision t on t.device_type = d.type"
                        + " join fleet_supervision_class c on c.name = " + EFFECTIVE_CLASS
                        + " where f.device_id = :id and d.status = 'ACTIVE' and f.lost_contact_alarm_id is null"
                        + Incidents.NOT_A_MEMBER
                        + " and greatest(d.last_heard_at, f.last_alarm_at)"
                        + " < cast(:now as timestamptz) - make_interval(secs => c.interval_s + c.grace_s)"
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
                        select f.device_id, f.lost_contact_alarm_id, greatest(d.last_heard_at, f.last_alarm_at) as heard
                        from fleet_device f join device d on d.id = f.device_id
                        where f.lost_contact_alarm_id is not null
                          and greatest(d.last_heard_at, f.last_alarm_at) > f.lost_contact_since
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

    /** The device sent an alarm (of any category): it is alive, and this is its last alarm. */
    void recordAlarm(DeviceId id, Instant at) {
        jdbc.sql("""
                        insert into fleet_device (device_id, last_alarm_at) values (?, ?)
                        on conflict (device_id) do update
                            set last_alarm_at = greatest(fleet_device.last_alarm_at, excluded.last_alarm_at)
                        """).params(id.value(), Timestamp.from(at)).update();
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
        return jdbc.sql("select d.*, f.supervision_class as device_class, f.last_alarm_at, f.lost_contact_alarm_id,"
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
                lostContact == null ? null : new AlarmId(lostContact));
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
        return params;
    }

    private static @Nullable String name(@Nullable SupervisionClass supervisionClass) {
        return supervisionClass == null ? null : supervisionClass.name();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
