package no.varde.fleet;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceMaintenance;
import no.varde.registry.DeviceStatus;
import no.varde.registry.DeviceSwapped;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces a device for the fleet: the registry moves the resident and placement to the new device and records the
 * swap in both devices' history (audited); the fleet moves the old device's own supervision class to the new one,
 * so the new device is watched as closely as the old one was.
 */
@Service
public class DeviceSwaps {

    private final DeviceMaintenance devices;
    private final AccessScopes scopes;
    private final JdbcClient jdbc;

    DeviceSwaps(DeviceMaintenance devices, AccessScopes scopes, JdbcClient jdbc) {
        this.devices = devices;
        this.scopes = scopes;
        this.jdbc = jdbc;
    }

    /**
     * The new device named by id or by serial number in the municipality; adds a problem naming the field and
     * returns null when there is none.
     */
    @Nullable
    DeviceId replacement(
            VardeUser user,
            Kommunenummer kommunenummer,
            @Nullable String newDeviceId,
            @Nullable String newSerialNumber,
            List<FieldProblem> problems) {
        String id = TechnicianTasks.strip(newDeviceId);
        if (!id.isEmpty()) {
            try {
                return new DeviceId(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("newDeviceId", "must be a device id"));
                return null;
            }
        }
        String serial = TechnicianTasks.strip(newSerialNumber);
        if (serial.isEmpty()) {
            problems.add(new FieldProblem("newSerialNumber", "the new device's serial number is required for a swap"));
            return null;
        }
        return devices.findBySerial(scopes.forUser(user), kommunenummer, serial).orElseGet(() -> {
            problems.add(new FieldProblem(
                    "newSerialNumber", "no device with serial number " + serial + " registered in " + kommunenummer));
            return null;
        });
    }

    /** Swaps the devices (technicians and administrators, within their municipalities). */
    @Transactional
    public DeviceSwapped swap(
            VardeUser user,
            DeviceId replaced,
            DeviceId replacement,
            DeviceStatus leavesAs,
            String why,
            String replacementField) {
        if (!TechnicianTasks.works(user)) {
            throw new AccessDeniedException("VARDE-FLEET-0017: " + user.role() + " may not swap devices");
        }
        DeviceSwapped swapped =
                devices.swap(scopes.forUser(user), replaced, replacement, leavesAs, why, replacementField);
        jdbc.sql("""
                        insert into fleet_device (device_id, supervision_class, class_set_by, class_set_at)
                        select :replacement, supervision_class, :by, :at from fleet_device
                        where device_id = :replaced and supervision_class is not null
                        on conflict (device_id) do update set supervision_class = excluded.supervision_class,
                            class_set_by = excluded.class_set_by, class_set_at = excluded.class_set_at""")
                .param("replacement", replacement.value())
                .param("replaced", replaced.value())
                .param("by", user.username() + " (device swap)")
                .param("at", Timestamp.from(swapped.at()))
                .update();
        return swapped;
    }

    /** A swap from the device page: the new device by id or serial number. */
    @Transactional
    public DeviceSwapped swap(
            VardeUser user,
            DeviceId replaced,
            @Nullable String newDeviceId,
            @Nullable String newSerialNumber,
            @Nullable String replacedStatus,
            @Nullable String note) {
        java.util.List<FieldProblem> problems = new java.util.ArrayList<>();
        var device = devices.summary(scopes.forUser(user), replaced)
                .orElseThrow(() -> new no.varde.shared.web.NotFoundException("device", replaced));
        DeviceId replacement = replacement(user, device.kommunenummer(), newDeviceId, newSerialNumber, problems);
        DeviceStatus leavesAs = DeviceStatus.SERVICE;
        String status = TechnicianTasks.strip(replacedStatus);
        if (!status.isEmpty()) {
            try {
                leavesAs = DeviceStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("replacedStatus", "must be SERVICE or RETIRED"));
            }
        }
        String why = TechnicianTasks.strip(note);
        if (why.length() > 2000) {
            problems.add(new FieldProblem("note", "must be at most 2000 characters"));
        }
        if (!problems.isEmpty() || replacement == null) {
            throw new no.varde.shared.web.InvalidInputException("The device cannot be swapped", problems);
        }
        return swap(
                user,
                replaced,
                replacement,
                leavesAs,
                why.isEmpty() ? "device swap" : why,
                TechnicianTasks.strip(newDeviceId).isEmpty() ? "newSerialNumber" : "newDeviceId");
    }
}
