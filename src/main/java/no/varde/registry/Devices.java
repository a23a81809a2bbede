package no.varde.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import no.varde.shared.web.ConflictException;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The device fleet. Devices belong to a municipality and are scoped like residents, since a device assigned to
 * a resident tells who has which technology; reads that show resident names are audited.
 */
@Service
public class Devices {

    private static final String SELECT =
            "select d.*, r.given_name || ' ' || r.family_name as resident_name from device d"
                    + " left join resident r on r.id = d.resident_id ";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Municipalities municipalities;
    private final Residents residents;

    Devices(JdbcClient jdbc, AuditLog audit, Municipalities municipalities, Residents residents) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.municipalities = municipalities;
        this.residents = residents;
    }

    @Transactional
    public Page<Device> search(
            AccessScope scope,
            @Nullable String query,
            @Nullable Kommunenummer kommune,
            @Nullable DeviceType type,
            int page,
            int size) {
        if (scope.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        String text = query == null ? "" : query.strip();
        String where = "where" + NeedToKnow.within("d.kommunenummer") + """
                  and (cast(:kommune as text) is null or d.kommunenummer = :kommune)
                  and (cast(:type as text) is null or d.type = :type)
                  and (:text = '' or concat_ws(' ', d.vendor, d.model, d.scaip_controller_id, d.scaip_device_id,
                       d.sia_account, d.imei, d.serial_number, r.given_name, r.family_name) ilike '%' || :text || '%')
                """;
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValues(NeedToKnow.params(scope))
                .addValue("kommune", kommune == null ? null : kommune.value())
                .addValue("type", type == null ? null : type.name())
                .addValue("text", text);
        long total = jdbc.sql("select count(*) from device d left join resident r on r.id = d.resident_id " + where)
                .paramSource(params)
                .query(Long.class)
                .single();
        List<Device> items = jdbc.sql(SELECT + where + " order by d.kommunenummer, d.type, d.vendor, d.id"
                        + " limit :limit offset :offset")
                .paramSource(params.addValue("limit", size).addValue("offset", page * size))
                .query((rs, row) -> device(rs))
                .list();
        audit.general(
                AuditAction.SEARCH,
                kommune,
                "device search" + (text.isEmpty() ? "" : " '" + text + "'") + ": " + items.size() + " of " + total
                        + " shown with resident names");
        java.util.Map<java.util.UUID, Kommunenummer> shown = new java.util.LinkedHashMap<>();
        items.stream()
                .filter(device -> device.residentId() != null)
                .forEach(device -> shown.put(device.residentId().value(), device.kommunenummer()));
        audit.residentsShown(shown, "device search result: resident name");
        return new Page<>(items, page, size, total);
    }

    @Transactional
    public Device get(AccessScope scope, DeviceId id) {
        Device device = load(scope, id).orElseThrow(() -> new NotFoundException("device", id));
        if (device.residentId() != null) {
            audit.resident(AuditAction.READ, device.residentId().value(), device.kommunenummer(), "device " + id);
        }
        return device;
    }

    /**
     * Finds a device by the identity it reports with, for alarm reception. A system lookup without scope: the
     * result carries ids only, no personal data. Identities are tried from the most specific.
     */
    public java.util.Optional<DeviceRef> findByIdentity(DeviceIdentity identity) {
        java.util.Optional<DeviceRef> found = java.util.Optional.empty();
        if (!ResidentDraft.blank(identity.scaipControllerId())) {
            found = ref(
                    "scaip_controller_id = ? and coalesce(scaip_device_id, '') = ?",
                    identity.scaipControllerId().strip(),
                    ResidentDraft.strip(identity.scaipDeviceId()));
        }
        if (found.isEmpty() && !ResidentDraft.blank(identity.siaAccount())) {
            found = ref("upper(sia_account) = upper(?)", identity.siaAccount().strip());
        }
        if (found.isEmpty() && !ResidentDraft.blank(identity.imei())) {
            found = ref("imei = ?", identity.imei().strip());
        }
        if (found.isEmpty() && !ResidentDraft.blank(identity.serialNumber())) {
            found = ResidentDraft.blank(identity.vendor())
                    ? ref("serial_number = ?", identity.serialNumber().strip())
                    : ref(
                            "vendor = ? and serial_number = ?",
                            identity.vendor().strip(),
                            identity.serialNumber().strip());
        }
        return found;
    }

    /**
     * One supervision report for {@link #heardAll}: the device, when it was heard, whether it was a test, the
     * protocol that carried it (its supervision interval depends on it; null when not known) and the heartbeat
     * interval code the receiver assigned it in its answer (SCAIP {@code hbi}; null: none).
     */
    public record Heard(
            DeviceIdentity identity,
            Instant at,
            boolean test,
            @Nullable String source,
            @Nullable String assignedInterval,
            @Nullable Integer batteryPercent,
            boolean heartbeat) {

        public Heard(
                DeviceIdentity identity,
                Instant at,
                boolean test,
                @Nullable String source,
                @Nullable String assignedInterval) {
            this(identity, at, test, source, assignedInterval, null, true);
        }

        public Heard(DeviceIdentity identity, Instant at, boolean test, @Nullable String source) {
            this(identity, at, test, source, null);
        }

        public Heard(DeviceIdentity identity, Instant at, boolean test) {
            this(identity, at, test, null, null);
        }

        /**
         * An alarm from the device (not a heartbeat): kept as its last alarm (a device that sends an alarm is alive)
         * and, when it reported one, its battery level.
         */
        public static Heard alarm(DeviceIdentity identity, Instant at, @Nullable Integer batteryPercent) {
            return new Heard(identity, at, false, null, null, batteryPercent, false);
        }
    }

    /**
     * Records supervision reports (heartbeats; test transmissions when {@code test}) and reported battery levels in
     * the caller's transaction: each known device's last-heard (and last test, the interval the receiver assigned it,
     * its latest battery level, its last alarm) is moved once, and the rows are updated in the order of their ids, so two
     * transactions reporting the same devices in different orders wait for each other instead of deadlocking.
     * Supervision never creates an alarm; an unknown device is simply not recorded.
     *
     * @return how many of the reports named a known device
     */
    public int heardAll(java.util.Collection<Heard> reports) {
        record Latest(
                @Nullable Instant heard,
                @Nullable Instant test,
                @Nullable String source,
                @Nullable String interval,
                @Nullable Instant batteryAt,
                @Nullable Integer battery,
                @Nullable Instant alarm) {

            static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
                return a == null ? b : b == null || a.isAfter(b) ? a : b;
            }

            Latest merge(Latest other) {
                boolean mine = other.heard == null || (heard != null && heard.isAfter(other.heard));
                boolean myBattery =
                        other.batteryAt == null || (batteryAt != null && batteryAt.isAfter(other.batteryAt));
                return new Latest(
                        later(heard, other.heard),
                        later(test, other.test),
                        mine ? source : other.source,
                        mine ? interval : other.interval,
                        myBattery ? batteryAt : other.batteryAt,
                        myBattery ? battery : other.battery,
                        later(alarm, other.alarm));
            }
        }
        java.util.SortedMap<UUID, Latest> byDevice = new java.util.TreeMap<>();
        int known = 0;
        for (Heard report : reports) {
            Optional<DeviceRef> device = findByIdentity(report.identity());
            if (device.isEmpty()) {
                continue;
            }
            known++;
            boolean heartbeat = report.heartbeat();
            byDevice.merge(
                    device.get().id().value(),
                    new Latest(
                            heartbeat ? report.at() : null,
                            heartbeat && report.test() ? report.at() : null,
                            heartbeat ? report.source() : null,
                            heartbeat ? report.assignedInterval() : null,
                            report.batteryPercent() == null ? null : report.at(),
                            report.batteryPercent(),
                            heartbeat ? null : report.at()),
                    Latest::merge);
        }
        // one ordered pass over the rows (heartbeats and battery levels together), so two groups reporting the same
        // devices never deadlock; the right-hand sides read the row before the update
        byDevice.forEach((id, latest) -> jdbc.sql("update device set last_heard_at = greatest(last_heard_at, :at),"
                        + " last_heard_source = case when cast(:at as timestamptz) is not null and (last_heard_at is null"
                        + " or last_heard_at <= :at) then coalesce(cast(:source as text), last_heard_source)"
                        + " else last_heard_source end,"
                        + " last_test_at = greatest(last_test_at, :test),"
                        // the heartbeat interval the receiver last told the device (SCAIP hbi), for its class
                        + " scaip_hbi = case when cast(:at as timestamptz) is not null and (last_heard_at is null"
                        + " or last_heard_at <= :at) then coalesce(cast(:interval as text), scaip_hbi) else scaip_hbi end,"
                        + " battery_percent = case when cast(:batteryAt as timestamptz) is not null and (battery_at is null"
                        + " or battery_at <= :batteryAt) then cast(:battery as smallint) else battery_percent end,"
                        + " battery_at = greatest(battery_at, :batteryAt),"
                        + " last_alarm_at = greatest(last_alarm_at, :alarmAt) where id = :id")
                .param("at", timestamp(latest.heard()), java.sql.Types.TIMESTAMP)
                .param("source", latest.source(), java.sql.Types.VARCHAR)
                .param("interval", latest.interval(), java.sql.Types.VARCHAR)
                .param("test", timestamp(latest.test()), java.sql.Types.TIMESTAMP)
                .param("batteryAt", timestamp(latest.batteryAt()), java.sql.Types.TIMESTAMP)
                .param("battery", latest.battery(), java.sql.Types.INTEGER)
                .param("alarmAt", timestamp(latest.alarm()), java.sql.Types.TIMESTAMP)
                .param("id", id)
                .update());
        return known;
    }

    private static java.sql.@Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    /**
     * Devices in service (status ACTIVE) per municipality, for the benefits' facts and the economics' split by
     * devices. A count per municipality names no resident and no device, so it is neither scoped nor audited; a
     * municipality without devices in service is absent.
     */
    public java.util.Map<Kommunenummer, Long> inServiceByMunicipality() {
        java.util.Map<Kommunenummer, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select kommunenummer, count(*) from device where status = 'ACTIVE' group by kommunenummer")
                .query((rs, row) -> java.util.Map.entry(new Kommunenummer(rs.getString(1)), rs.getLong(2)))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * Residents with at least one device in service (the alarm users), for the demand projection's alarms per user.
     * A count for the whole region names nobody, so it is neither scoped nor audited.
     */
    public long usersInService() {
        return jdbc.sql("select count(distinct resident_id) from device where status = 'ACTIVE'"
                        + " and resident_id is not null")
                .query(Long.class)
                .single();
    }

    /**
     * Residents with at least one device in service, by their age in whole years on {@code day}, for the demand
     * projection's users per 1 000 by age group. A count per age for the whole region names nobody, so it is neither
     * scoped nor audited, and the caller groups the ages before anything is shown.
     */
    public java.util.Map<Integer, Long> usersInServiceByAge(java.time.LocalDate day) {
        java.util.Map<Integer, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("""
                        select extract(year from age(:day, r.birth_date))::int as age, count(distinct r.id)
                        from resident r join device d on d.resident_id = r.id
                        where d.status = 'ACTIVE' group by 1""")
                .param("day", java.sql.Date.valueOf(day))
                .query((rs, row) -> counts.put(rs.getInt(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /** When the device was last heard from, if ever. */
    public java.util.Optional<java.time.Instant> lastHeard(DeviceId id) {
        return jdbc.sql("select last_heard_at from device where id = ? and last_heard_at is not null")
                .param(id.value())
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    private java.util.Optional<DeviceRef> ref(String condition, Object... params) {
        List<DeviceRef> refs = jdbc.sql("select * from device where " + condition + " and status <> 'RETIRED' limit 2")
                .params(params)
                .query((rs, row) -> {
                    UUID resident = rs.getObject("resident_id", UUID.class);
                    return new DeviceRef(
                            new DeviceId(rs.getObject("id", UUID.class)),
                            new Kommunenummer(rs.getString("kommunenummer")),
                            DeviceType.valueOf(rs.getString("type")),
                            rs.getString("vendor") + " " + rs.getString("model"),
                            resident == null ? null : new ResidentId(resident),
                            rs.getString("placement"));
                })
                .list();
        return refs.size() == 1 ? java.util.Optional.of(refs.getFirst()) : java.util.Optional.empty();
    }

    /** The devices of one resident, for the resident card (the card's read is audited by the caller). */
    public List<Device> ofResident(AccessScope scope, ResidentId residentId) {
        return jdbc.sql(SELECT + "where d.resident_id = :resident and" + NeedToKnow.within("d.kommunenummer")
                        + " order by d.type")
                .param("resident", residentId.value())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> device(rs))
                .list();
    }

    @Transactional
    public Device create(AccessScope scope, DeviceDraft draft) {
        DeviceId id = new DeviceId(UUID.randomUUID());
        insert(scope, id, draft);
        Device created = load(scope, id).orElseThrow();
        auditWrite(AuditAction.CREATE, created);
        return created;
    }

    /** Creates all devices or none; see {@link #problemsOf} for a report of every bad row. */
    @Transactional
    public List<DeviceId> createAll(AccessScope scope, List<DeviceDraft> drafts) {
        List<DeviceId> ids = new ArrayList<>();
        for (DeviceDraft draft : drafts) {
            DeviceId id = new DeviceId(UUID.randomUUID());
            insert(scope, id, draft);
            ids.add(id);
        }
        audit.general(AuditAction.IMPORT, null, drafts.size() + " devices imported");
        return ids;
    }

    /** Everything wrong with the draft for a new device, without saving anything. */
    public List<FieldProblem> problemsOf(AccessScope scope, DeviceDraft draft) {
        try {
            check(scope, draft, null);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private void insert(AccessScope scope, DeviceId id, DeviceDraft draft) {
        check(scope, draft, null);
        jdbc.sql("""
                insert into device (id, kommunenummer, type, vendor, model, scaip_controller_id, scaip_device_id,
                    sia_account, imei, serial_number, resident_id, placement, status, base_device_id)
                values (:id, :kommune, :type, :vendor, :model, :cid, :did, :sia, :imei, :serial, :resident,
                    :placement, :status, :base)
                """).paramSource(columns(id, draft)).update();
    }

    @Transactional
    public Device update(AccessScope scope, DeviceId id, int expectedVersion, DeviceDraft draft) {
        load(scope, id).orElseThrow(() -> new NotFoundException("device", id));
        check(scope, draft, id);
        int updated = jdbc.sql("""
                update device set kommunenummer = :kommune, type = :type, vendor = :vendor, model = :model,
                    scaip_controller_id = :cid, scaip_device_id = :did, sia_account = :sia, imei = :imei,
                    serial_number = :serial, resident_id = :resident, placement = :placement, status = :status,
                    base_device_id = :base, version = version + 1, updated_at = now()
                where id = :id and version = :version
                """)
                .paramSource(columns(id, draft).addValue("version", expectedVersion))
                .update();
        if (updated == 0) {
            throw new ConflictException(
                    "VARDE-REG-0003: device " + id + " was changed by someone else; reload and try again");
        }
        Device after = load(scope, id).orElseThrow();
        auditWrite(AuditAction.UPDATE, after);
        return after;
    }

    private void auditWrite(AuditAction action, Device device) {
        if (device.residentId() != null) {
            audit.resident(action, device.residentId().value(), device.kommunenummer(), "device " + device.id());
        } else {
            audit.general(action, device.kommunenummer(), "device " + device.id() + " (no resident)");
        }
    }

    private void check(AccessScope scope, DeviceDraft draft, @Nullable DeviceId self) {
        List<FieldProblem> problems = new ArrayList<>(draft.validate());
        if (problems.isEmpty()) {
            Kommunenummer kommune = Kommunenummer.of(draft.kommunenummer());
            if (!municipalities.exists(kommune)) {
                problems.add(new FieldProblem("kommunenummer", "no municipality " + kommune + " in the region"));
            } else if (!scope.allows(kommune)) {
                problems.add(new FieldProblem("kommunenummer", "you may not register devices in " + kommune));
            }
            if (!ResidentDraft.blank(draft.residentId())
                    && !residents.exists(scope, ResidentId.of(draft.residentId().strip()), kommune)) {
                problems.add(new FieldProblem("residentId", "no resident with this id in municipality " + kommune));
            }
            baseProblems(scope, draft, kommune, self).ifPresent(problems::add);
            if (problems.isEmpty()) {
                uniqueIdentity(problems, withBaseController(draft), self);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The device has invalid fields", problems);
        }
    }

    /**
     * A pendant or detector linked to its base unit: the base must be a device of the same municipality the user may
     * see, report over SCAIP itself (its controller id is the one the sub-device's tests come with) and not be linked
     * to a base of its own.
     */
    private Optional<FieldProblem> baseProblems(
            AccessScope scope, DeviceDraft draft, Kommunenummer kommune, @Nullable DeviceId self) {
        if (ResidentDraft.blank(draft.baseDeviceId())) {
            return Optional.empty();
        }
        UUID baseId = DeviceDraft.parseUuid(draft.baseDeviceId());
        Optional<Device> base = baseId == null ? Optional.empty() : load(scope, new DeviceId(baseId));
        if (base.isEmpty() || (self != null && self.value().equals(baseId))) {
            return Optional.of(new FieldProblem("baseDeviceId", "no other device with this id that you may see"));
        }
        if (!base.get().kommunenummer().equals(kommune)) {
            return Optional.of(new FieldProblem("baseDeviceId", "the base unit is in another municipality"));
        }
        if (base.get().baseDeviceId() != null) {
            return Optional.of(new FieldProblem("baseDeviceId", "the base unit is itself linked to a base unit"));
        }
        if (ResidentDraft.blank(base.get().scaipControllerId())) {
            return Optional.of(new FieldProblem("baseDeviceId", "the base unit has no SCAIP controller id"));
        }
        if (!ResidentDraft.blank(draft.scaipControllerId())
                && !draft.scaipControllerId().strip().equals(base.get().scaipControllerId())) {
            return Optional.of(new FieldProblem(
                    "scaipControllerId",
                    "must be the base unit's controller id " + base.get().scaipControllerId()));
        }
        return Optional.empty();
    }

    /** The draft with its base unit's controller id when it has none: the sub-device reports through the base. */
    private DeviceDraft withBaseController(DeviceDraft draft) {
        if (ResidentDraft.blank(draft.baseDeviceId()) || !ResidentDraft.blank(draft.scaipControllerId())) {
            return draft;
        }
        String cid = jdbc.sql("select scaip_controller_id from device where id = ?")
                .param(DeviceDraft.parseUuid(draft.baseDeviceId()))
                .query(String.class)
                .optional()
                .orElse(null);
        return new DeviceDraft(
                draft.kommunenummer(),
                draft.type(),
                draft.vendor(),
                draft.model(),
                cid,
                draft.scaipDeviceId(),
                draft.siaAccount(),
                draft.imei(),
                draft.serialNumber(),
                draft.residentId(),
                draft.placement(),
                draft.status(),
                draft.baseDeviceId());
    }

    private void uniqueIdentity(List<FieldProblem> problems, DeviceDraft draft, @Nullable DeviceId self) {
        UUID me = self == null ? new UUID(0, 0) : self.value();
        if (!ResidentDraft.blank(draft.scaipControllerId())
                && taken(
                        "scaip_controller_id = ? and coalesce(scaip_device_id, '') = ?",
                        me,
                        draft.scaipControllerId().strip(),
                        ResidentDraft.strip(draft.scaipDeviceId()))) {
            problems.add(new FieldProblem("scaipControllerId", "another device has this SCAIP controller/device id"));
        }
        if (!ResidentDraft.blank(draft.siaAccount())
                && taken("upper(sia_account) = upper(?)", me, draft.siaAccount().strip())) {
            problems.add(new FieldProblem("siaAccount", "another device has this SIA account"));
        }
        if (!ResidentDraft.blank(draft.imei())
                && taken("imei = ?", me, draft.imei().strip())) {
            problems.add(new FieldProblem("imei", "another device has this IMEI"));
        }
        if (!ResidentDraft.blank(draft.serialNumber())
                && taken(
                        "vendor = ? and serial_number = ?",
                        me,
                        draft.vendor().strip(),
                        draft.serialNumber().strip())) {
            problems.add(new FieldProblem("serialNumber", "this vendor already has a device with this serial number"));
        }
    }

    private boolean taken(String condition, UUID self, Object... values) {
        Object[] params = new Object[values.length + 1];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = self;
        return jdbc.sql("select count(*) from device where " + condition + " and id <> ?")
                        .params(params)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private MapSqlParameterSource columns(DeviceId id, DeviceDraft given) {
        DeviceDraft draft = withBaseController(given);
        return new MapSqlParameterSource()
                .addValue("id", id.value())
                .addValue("kommune", draft.kommunenummer().strip())
                .addValue(
                        "type",
                        DeviceDraft.parse(DeviceType.class, draft.type()).name())
                .addValue("vendor", draft.vendor().strip())
                .addValue("model", draft.model().strip())
                .addValue("cid", ResidentDraft.emptyToNull(draft.scaipControllerId()))
                .addValue("did", ResidentDraft.emptyToNull(draft.scaipDeviceId()))
                .addValue("sia", ResidentDraft.emptyToNull(draft.siaAccount()))
                .addValue("imei", ResidentDraft.emptyToNull(draft.imei()))
                .addValue("serial", ResidentDraft.emptyToNull(draft.serialNumber()))
                .addValue("resident", DeviceDraft.parseUuid(draft.residentId()))
                .addValue("placement", ResidentDraft.emptyToNull(draft.placement()))
                .addValue("status", draft.statusOrDefault().name())
                .addValue("base", DeviceDraft.parseUuid(draft.baseDeviceId()));
    }

    private Optional<Device> load(AccessScope scope, DeviceId id) {
        return jdbc.sql(SELECT + "where d.id = :id and" + NeedToKnow.within("d.kommunenummer"))
                .param("id", id.value())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> device(rs))
                .optional();
    }

    private static Device device(ResultSet rs) throws SQLException {
        UUID resident = rs.getObject("resident_id", UUID.class);
        UUID base = rs.getObject("base_device_id", UUID.class);
        return new Device(
                new DeviceId(rs.getObject("id", UUID.class)),
                new Kommunenummer(rs.getString("kommunenummer")),
                DeviceType.valueOf(rs.getString("type")),
                rs.getString("vendor"),
                rs.getString("model"),
                rs.getString("scaip_controller_id"),
                rs.getString("scaip_device_id"),
                rs.getString("sia_account"),
                rs.getString("imei"),
                rs.getString("serial_number"),
                resident == null ? null : new ResidentId(resident),
                rs.getString("resident_name"),
                rs.getString("placement"),
                DeviceStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                base == null ? null : new DeviceId(base));
    }
}
