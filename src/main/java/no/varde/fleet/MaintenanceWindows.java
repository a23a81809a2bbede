package no.varde.fleet;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.Alarms;
import no.varde.alarm.Outcome;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceType;
import no.varde.registry.Municipalities;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.ConflictException;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance windows: planned silence for a set of devices, made and ended early by system administrators (any
 * devices) and municipal administrators (their own municipalities' devices only), every change audited. The windows
 * name devices by municipality, vendor, type or id, never a resident, so reading them is not a read of personal data.
 */
@Service
public class MaintenanceWindows {

    /** The rule (system actor) that closes technical alarms of devices in a window. */
    public static final String RULE = "fleet:maintenance-window";

    /** The longest window: a window is planned work, never a way to switch supervision off for good. */
    static final Duration LONGEST = Duration.ofDays(31);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Oslo"));

    /** Window {@code w} covers device row {@code d}: every selector given matches. */
    static final String COVERS = """
            (w.kommunenummer is null or w.kommunenummer = d.kommunenummer)
            and (w.vendor is null or w.vendor = d.vendor)
            and (w.device_type is null or w.device_type = d.type)
            and (w.device_ids is null or d.id = any (w.device_ids))""";

    /** When window {@code w} really ends: its planned end, or earlier when it was ended early. */
    static final String END = "least(w.ends_at, coalesce(w.ended_at, w.ends_at))";

    /**
     * For the lost-contact pass (device {@code d}, class {@code c}, time {@code :now}): the device is in no window
     * that has started and whose end is less than the class's interval + grace ago. In a window lost contact is not
     * raised, and after it the silence counts from the window's end, so the device has its whole interval to report.
     */
    static final String NOT_SILENCED = "not exists (select 1 from fleet_maintenance_window w where"
            + " w.starts_at <= cast(:now as timestamptz) and " + END + " > w.starts_at"
            + " and " + END + " + make_interval(secs => c.interval_s + c.grace_s) > cast(:now as timestamptz)"
            + " and " + COVERS + ")";

    private final JdbcClient jdbc;
    private final Alarms alarms;
    private final AccessScopes scopes;
    private final Municipalities municipalities;
    private final AuditLog audit;
    private final Clock clock;

    MaintenanceWindows(
            JdbcClient jdbc,
            Alarms alarms,
            AccessScopes scopes,
            Municipalities municipalities,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.scopes = scopes;
        this.municipalities = municipalities;
        this.audit = audit;
        this.clock = clock;
    }

    /** The windows the user may see (a municipal administrator: their municipalities' and the region-wide ones). */
    public List<MaintenanceWindow> visibleTo(VardeUser user) {
        AccessScope scope = scopes.forUser(user);
        return jdbc.sql("select * from fleet_maintenance_window w where (w.kommunenummer is null or"
                        + NeedToKnow.within("w.kommunenummer") + ") order by w.starts_at desc, w.id desc limit 500")
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> window(rs))
                .list();
    }

    public MaintenanceWindow get(VardeUser user, long id) {
        return find(id).filter(window ->
                        window.kommunenummer() == null || scopes.forUser(user).allows(window.kommunenummer()))
                .orElseThrow(() -> new NotFoundException("maintenance window", id));
    }

    @Transactional
    public MaintenanceWindow create(VardeUser admin, MaintenanceWindowDraft draft) {
        requireAdmin(admin);
        Instant now = clock.instant();
        AccessScope scope = scopes.forUser(admin);
        List<FieldProblem> problems = new ArrayList<>();
        Kommunenummer kommune = null;
        if (draft.kommunenummer() != null && !draft.kommunenummer().isBlank()) {
            if (!Kommunenummer.isValid(draft.kommunenummer().strip())) {
                problems.add(new FieldProblem("kommunenummer", "must be four digits"));
            } else {
                kommune = Kommunenummer.of(draft.kommunenummer().strip());
                if (!municipalities.exists(kommune)) {
                    problems.add(new FieldProblem("kommunenummer", "no municipality " + kommune + " in the region"));
                } else if (!scope.allows(kommune)) {
                    problems.add(new FieldProblem(
                            "kommunenummer", "you may not plan maintenance for devices in " + kommune));
                }
            }
        } else if (admin.role() != Role.SYSTEM_ADMIN) {
            problems.add(new FieldProblem(
                    "kommunenummer", "a municipal administrator plans maintenance for one of their municipalities"));
        }
        String vendor = blankToNull(draft.vendor());
        DeviceType type = null;
        if (blankToNull(draft.deviceType()) != null) {
            try {
                type = DeviceType.valueOf(draft.deviceType().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("deviceType", "must be one of " + Arrays.toString(DeviceType.values())));
            }
        }
        List<UUID> devices = deviceIds(draft.deviceIds(), scope, kommune, problems);
        if (kommune == null && vendor == null && blankToNull(draft.deviceType()) == null && devices == null) {
            problems.add(new FieldProblem(
                    "deviceIds", "name the devices: a municipality, a vendor, a device type or a list of devices"));
        }
        if (draft.startsAt() == null) {
            problems.add(new FieldProblem("startsAt", "must be given"));
        }
        if (draft.endsAt() == null) {
            problems.add(new FieldProblem("endsAt", "must be given"));
        } else if (draft.startsAt() != null && !draft.endsAt().isAfter(draft.startsAt())) {
            problems.add(new FieldProblem("endsAt", "must be after startsAt"));
        } else if (!draft.endsAt().isAfter(now)) {
            problems.add(new FieldProblem("endsAt", "must be in the future"));
        } else if (draft.startsAt() != null
                && Duration.between(draft.startsAt(), draft.endsAt()).compareTo(LONGEST) > 0) {
            problems.add(new FieldProblem("endsAt", "a window lasts at most " + LONGEST.toDays() + " days"));
        }
        String reason = blankToNull(draft.reason());
        if (reason == null) {
            problems.add(new FieldProblem("reason", "must say why the devices will be silent"));
        } else if (reason.length() > 500) {
            problems.add(new FieldProblem("reason", "at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The maintenance window has invalid fields", problems);
        }
        long id = jdbc.sql("""
                        insert into fleet_maintenance_window (kommunenummer, vendor, device_type, device_ids,
                            starts_at, ends_at, reason, created_by, created_at)
                        values (:kommune, :vendor, :type, cast(string_to_array(:devices, ',') as uuid[]), :starts, :ends,
                            :reason, :by, :at)
                        returning id
                        """)
                .param("kommune", kommune == null ? null : kommune.value(), java.sql.Types.VARCHAR)
                .param("vendor", vendor, java.sql.Types.VARCHAR)
                .param("type", type == null ? null : type.name(), java.sql.Types.VARCHAR)
                .param("devices", devices == null ? null : join(devices), java.sql.Types.VARCHAR)
                .param("starts", Timestamp.from(draft.startsAt()))
                .param("ends", Timestamp.from(draft.endsAt()))
                .param("reason", reason)
                .param("by", admin.username())
                .param("at", Timestamp.from(now))
                .query(Long.class)
                .single();
        MaintenanceWindow created = find(id).orElseThrow();
        audit.general(AuditAction.CREATE, kommune, "maintenance window " + describe(created));
        return created;
    }

    /** Ends a current window now, or cancels a planned one; a window that is over cannot be ended again. */
    @Transactional
    public MaintenanceWindow end(VardeUser admin, long id) {
        requireAdmin(admin);
        MaintenanceWindow window = get(admin, id);
        if (window.kommunenummer() == null && admin.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedException("only system administrators end region-wide maintenance windows");
        }
        Instant now = clock.instant();
        if (window.stateAt(now) == MaintenanceWindow.State.PAST) {
            throw new ConflictException("VARDE-FLEET-0004: maintenance window " + id + " is already over");
        }
        jdbc.sql("update fleet_maintenance_window set ended_at = ?, ended_by = ? where id = ? and ended_at is null")
                .params(Timestamp.from(now), admin.username(), id)
                .update();
        MaintenanceWindow ended = find(id).orElseThrow();
        audit.general(AuditAction.UPDATE, window.kommunenummer(), "maintenance window ended early " + describe(ended));
        return ended;
    }

    /**
     * A technical alarm of a device in a window when it was received is recorded and closed at once by the window's
     * rule, its timeline naming the window. Never an alarm that needs a person (the aggregate refuses that too).
     *
     * @return whether the window closed it
     */
    boolean closeIfInWindow(Alarm alarm) {
        if (alarm.category() != AlarmCategory.TECHNICAL || !alarm.isOpen() || alarm.deviceId() == null) {
            return false;
        }
        Optional<MaintenanceWindow> window = covering(alarm.deviceId(), alarm.receivedAt());
        window.ifPresent(w -> alarms.closeByRule(
                alarm.id(),
                w.actorName(),
                Outcome.TECHNICAL_HANDLED,
                "Vedlikeholdsvindu #" + w.id() + " (" + w.reason() + ", til " + TIME.format(w.effectiveEnd())
                        + "): registrert, ikke reist; lukket av regelen " + w.actorName()));
        return window.isPresent();
    }

    /** The window the device is in at {@code at}, if any (the first made, when several cover it). */
    Optional<MaintenanceWindow> covering(DeviceId device, Instant at) {
        return jdbc.sql("select w.* from fleet_maintenance_window w join device d on d.id = :device"
                        + " where w.starts_at <= :at and " + END + " > :at and " + COVERS
                        + " order by w.id limit 1")
                .param("device", device.value())
                .param("at", Timestamp.from(at))
                .query((rs, row) -> window(rs))
                .optional();
    }

    private Optional<MaintenanceWindow> find(long id) {
        return jdbc.sql("select * from fleet_maintenance_window where id = ?")
                .param(id)
                .query((rs, row) -> window(rs))
                .optional();
    }

    /** The explicit device list: ids of devices the administrator may see (and in the window's municipality). */
    private @Nullable List<UUID> deviceIds(
            @Nullable List<String> given,
            AccessScope scope,
            @Nullable Kommunenummer kommune,
            List<FieldProblem> problems) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        List<UUID> ids = new ArrayList<>();
        for (String text : given) {
            try {
                ids.add(UUID.fromString(text.strip()));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new FieldProblem("deviceIds", "not a device id: " + text));
                return null;
            }
        }
        List<UUID> distinct = ids.stream().distinct().toList();
        List<String> found = jdbc.sql(
                        "select d.id, d.kommunenummer from device d where d.id = any (cast(string_to_array(:ids, ',') as uuid[]))"
                                + " and" + NeedToKnow.within("d.kommunenummer"))
                .param("ids", join(distinct))
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> rs.getString(2))
                .list();
        if (found.size() != distinct.size()) {
            problems.add(new FieldProblem("deviceIds", "names devices that do not exist or that you may not see"));
        } else if (kommune != null && found.stream().anyMatch(k -> !k.equals(kommune.value()))) {
            problems.add(new FieldProblem("deviceIds", "names devices outside municipality " + kommune));
        }
        return distinct;
    }

    private static String join(List<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }

    private static String describe(MaintenanceWindow window) {
        return "#" + window.id() + " " + window.startsAt() + "–" + window.effectiveEnd() + " ("
                + (window.kommunenummer() == null ? "" : "kommune " + window.kommunenummer() + " ")
                + (window.vendor() == null ? "" : "vendor " + window.vendor() + " ")
                + (window.deviceType() == null ? "" : "type " + window.deviceType() + " ")
                + (window.deviceIds().isEmpty() ? "" : window.deviceIds().size() + " devices ")
                + "): " + window.reason();
    }

    private static void requireAdmin(VardeUser user) {
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.MUNICIPAL_ADMIN) {
            throw new AccessDeniedException("only administrators plan maintenance windows");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static MaintenanceWindow window(ResultSet rs) throws SQLException {
        String kommune = rs.getString("kommunenummer");
        String type = rs.getString("device_type");
        Array array = rs.getArray("device_ids");
        List<DeviceId> devices = array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(id -> new DeviceId((UUID) id))
                        .toList();
        Timestamp ended = rs.getTimestamp("ended_at");
        return new MaintenanceWindow(
                rs.getLong("id"),
                kommune == null ? null : Kommunenummer.of(kommune),
                rs.getString("vendor"),
                type == null ? null : DeviceType.valueOf(type),
                devices,
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getString("reason"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("ended_by"),
                ended == null ? null : ended.toInstant());
    }
}
