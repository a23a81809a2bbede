package no.varde.fleet;

import java.time.Clock;
import java.util.Map;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceType;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision settings and state as users see them: a device's supervision within the user's municipalities (read
 * audited when the device belongs to a resident), an administrator's class per device, and the class per device
 * type (system administrators).
 */
@Service
public class FleetSupervision {

    private final DeviceSupervisions supervisions;
    private final AccessScopes scopes;
    private final AuditLog audit;
    private final FleetProperties properties;
    private final Clock clock;

    FleetSupervision(
            DeviceSupervisions supervisions,
            AccessScopes scopes,
            AuditLog audit,
            FleetProperties properties,
            Clock clock) {
        this.supervisions = supervisions;
        this.scopes = scopes;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public DeviceSupervision status(VardeUser user, DeviceId id) {
        DeviceSupervision status = supervisions
                .status(scopes.forUser(user), id, properties)
                .orElseThrow(() -> new NotFoundException("device", id));
        if (status.residentId() != null) {
            audit.resident(
                    AuditAction.READ, status.residentId().value(), status.kommunenummer(), "device supervision " + id);
        }
        return status;
    }

    /** Sets the device's own class (null: back to its protocol's or type's); municipal or system administrators. */
    @Transactional
    public DeviceSupervision setDeviceClass(VardeUser admin, DeviceId id, @Nullable SupervisionClass supervisionClass) {
        if (admin.role() != Role.SYSTEM_ADMIN && admin.role() != Role.MUNICIPAL_ADMIN) {
            throw new AccessDeniedException("only administrators set a device's supervision");
        }
        if (!supervisions.setDeviceClass(
                scopes.forUser(admin), id, supervisionClass, admin.username(), clock.instant())) {
            throw new NotFoundException("device", id);
        }
        DeviceSupervision after =
                supervisions.status(scopes.forUser(admin), id, properties).orElseThrow();
        String what =
                "device " + id + " supervision class " + (supervisionClass == null ? "removed" : supervisionClass);
        if (after.residentId() != null) {
            audit.resident(AuditAction.UPDATE, after.residentId().value(), after.kommunenummer(), what);
        } else {
            audit.general(AuditAction.UPDATE, after.kommunenummer(), what);
        }
        return after;
    }

    public Map<DeviceType, SupervisionClass> typeClasses() {
        return supervisions.typeClasses();
    }

    @Transactional
    public Map<DeviceType, SupervisionClass> setTypeClass(
            VardeUser admin, DeviceType type, SupervisionClass supervisionClass) {
        if (admin.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedException("only system administrators set a device type's supervision");
        }
        supervisions.setTypeClass(type, supervisionClass, admin.username(), clock.instant());
        audit.general(AuditAction.UPDATE, null, "supervision class of device type " + type + ": " + supervisionClass);
        return supervisions.typeClasses();
    }
}
