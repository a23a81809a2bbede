package no.varde.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What technicians' work needs of the registry: a device without whose it is, the visit (name and address, audited),
 * the device's history, and the swap that moves a resident's service from one device to another.
 */
@Service
public class DeviceMaintenance {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    DeviceMaintenance(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The device within the scope, without personal data (so not audited). */
    public Optional<DeviceSummary> summary(AccessScope scope, DeviceId id) {
        return jdbc.sql("select * from device d where d.id = :id and" + NeedToKnow.within("d.kommunenummer"))
                .param("id", id.value())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> new DeviceSummary(
                        new DeviceId(rs.getObject("id", UUID.class)),
                        new Kommunenummer(rs.getString("kommunenummer")),
                        DeviceType.valueOf(rs.getString("type")),
                        rs.getString("vendor"),
                        rs.getString("model"),
                        rs.getString("serial_number"),
                        rs.getString("placement"),
                        DeviceStatus.valueOf(rs.getString("status")),
                        rs.getObject("resident_id") != null))
                .optional();
    }

    /**
     * The resident's name, address and entry for a visit to the device, audited as a read of the resident with
     * {@code why}; empty when the device belongs to nobody (or is outside the scope).
     */
    @Transactional
    public Optional<DeviceVisit> visit(AccessScope scope, DeviceId id, String why) {
        Optional<DeviceVisit> visit = jdbc.sql("""
                        select r.id, r.kommunenummer, r.given_name || ' ' || r.family_name as name, r.street_address,
                            r.postal_code, r.postal_place, r.entry_method, r.entry_details, d.placement
                        from device d join resident r on r.id = d.resident_id
                        where d.id = :id and""" + NeedToKnow.within("d.kommunenummer"))
                .param("id", id.value())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> new DeviceVisit(
                        new ResidentId(rs.getObject("id", UUID.class)),
                        rs.getString("name"),
                        rs.getString("street_address"),
                        rs.getString("postal_code"),
                        rs.getString("postal_place"),
                        EntryMethod.valueOf(rs.getString("entry_method")),
                        rs.getString("entry_details"),
                        rs.getString("placement")))
                .optional();
        visit.ifPresent(v -> audit.resident(AuditAction.READ, v.residentId().value(), kommuneOf(id), why));
        return visit;
    }

    /** The one device in the municipality with this serial number, whatever its vendor. */
    public Optional<DeviceId> findBySerial(AccessScope scope, Kommunenummer kommunenummer, String serialNumber) {
        List<DeviceId> found = jdbc.sql("select d.id from device d where d.kommunenummer = :kommune"
                        + " and d.serial_number = :serial and" + NeedToKnow.within("d.kommunenummer") + " limit 2")
                .param("kommune", kommunenummer.value())
                .param("serial", serialNumber.strip())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> new DeviceId(rs.getObject(1, UUID.class)))
                .list();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    /** The device's history, newest first. */
    public List<DeviceHistoryEntry> history(AccessScope scope, DeviceId id) {
        return jdbc.sql("select h.* from device_history h join device d on d.id = h.device_id"
                        + " where h.device_id = :id and" + NeedToKnow.within("d.kommunenummer")
                        + " order by h.id desc")
                .param("id", id.value())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> new DeviceHistoryEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        rs.getObject("other_device_id") == null
                                ? null
                                : new DeviceId(rs.getObject("other_device_id", UUID.class)),
                        rs.getString("placement"),
                        rs.getString("note")))
                .list();
    }

    /**
     * Replaces a device: the replacement (in stock, nobody's, same municipality and type) takes over the resident,
     * the placement and service (ACTIVE); the replaced device leaves service as {@code leavesAs} (SERVICE or RETIRED)
     * without resident or placement. Both devices' history records it, and it is audited on the resident. The
     * resident's alarms keep naming the device that sent them, so their history stays whole.
     *
     * @param replacementField the input field that named the replacement, for the problem when it does not fit
     */
    @Transactional
    public DeviceSwapped swap(
            AccessScope scope,
            DeviceId replaced,
            DeviceId replacement,
            DeviceStatus leavesAs,
            String why,
            String replacementField) {
        List<Row> rows = jdbc.sql("select id, kommunenummer, type, resident_id, placement, status from device d"
                        + " where d.id in (:a, :b) and" + NeedToKnow.within("d.kommunenummer")
                        + " order by d.id for update")
                .param("a", replaced.value())
                .param("b", replacement.value())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("kommunenummer"),
                        rs.getString("type"),
                        rs.getObject("resident_id", UUID.class),
                        rs.getString("placement"),
                        DeviceStatus.valueOf(rs.getString("status"))))
                .list();
        Row old = rows.stream()
                .filter(r -> r.id().equals(replaced.value()))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("device", replaced));
        Optional<Row> found =
                rows.stream().filter(r -> r.id().equals(replacement.value())).findFirst();
        List<FieldProblem> problems = new ArrayList<>();
        if (replaced.equals(replacement)) {
            problems.add(new FieldProblem(replacementField, "a device cannot replace itself"));
        } else if (found.isEmpty()) {
            problems.add(new FieldProblem(replacementField, "no such device in your municipalities"));
        } else {
            Row fresh = found.get();
            if (!fresh.kommunenummer().equals(old.kommunenummer())) {
                problems.add(new FieldProblem(replacementField, "the new device belongs to another municipality"));
            } else if (!fresh.type().equals(old.type())) {
                problems.add(new FieldProblem(
                        replacementField, "the new device is a " + fresh.type() + ", not a " + old.type()));
            } else if (fresh.status() != DeviceStatus.IN_STOCK || fresh.resident() != null) {
                problems.add(new FieldProblem(replacementField, "the new device must be in stock and nobody's"));
            }
        }
        if (leavesAs != DeviceStatus.SERVICE && leavesAs != DeviceStatus.RETIRED) {
            problems.add(new FieldProblem("replacedStatus", "must be SERVICE or RETIRED"));
        }
        if (old.status() != DeviceStatus.ACTIVE && old.status() != DeviceStatus.SERVICE) {
            problems.add(new FieldProblem("deviceId", "only a device in service can be replaced"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The device cannot be swapped", problems);
        }
        Instant now = clock.instant();
        String actor = CurrentUser.get().username();
        jdbc.sql("update device set resident_id = ?, placement = ?, status = 'ACTIVE', version = version + 1,"
                        + " updated_at = now() where id = ?")
                .params(old.resident(), old.placement(), replacement.value())
                .update();
        jdbc.sql("update device set resident_id = null, placement = null, status = ?, version = version + 1,"
                        + " updated_at = now() where id = ?")
                .params(leavesAs.name(), replaced.value())
                .update();
        history(replaced, now, actor, "SWAPPED_OUT", replacement, old, why);
        history(replacement, now, actor, "SWAPPED_IN", replaced, old, why);
        Kommunenummer kommune = new Kommunenummer(old.kommunenummer());
        String what = "device swap: " + replaced + " replaced by " + replacement + " (" + why + ")";
        if (old.resident() != null) {
            audit.resident(AuditAction.UPDATE, old.resident(), kommune, what);
        } else {
            audit.general(AuditAction.UPDATE, kommune, what + ", no resident");
        }
        return new DeviceSwapped(
                replaced,
                replacement,
                kommune,
                old.resident() == null ? null : new ResidentId(old.resident()),
                old.placement(),
                leavesAs,
                actor,
                now);
    }

    private void history(DeviceId device, Instant at, String actor, String kind, DeviceId other, Row old, String note) {
        jdbc.sql("""
                        insert into device_history (device_id, at, actor, kind, other_device_id, resident_id, placement,
                            note)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        device.value(),
                        Timestamp.from(at),
                        actor,
                        kind,
                        other.value(),
                        old.resident(),
                        old.placement(),
                        note)
                .update();
    }

    private Kommunenummer kommuneOf(DeviceId id) {
        return new Kommunenummer(jdbc.sql("select kommunenummer from device where id = ?")
                .param(id.value())
                .query(String.class)
                .single());
    }

    private record Row(
            UUID id,
            String kommunenummer,
            String type,
            @Nullable UUID resident,
            @Nullable String placement,
            DeviceStatus status) {}
}
