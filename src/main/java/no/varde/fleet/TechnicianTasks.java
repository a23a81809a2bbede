package no.varde.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceMaintenance;
import no.varde.registry.DeviceStatus;
import no.varde.registry.DeviceSummary;
import no.varde.registry.DeviceSwapped;
import no.varde.registry.DeviceVisit;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.StaffDirectory;
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
 * Technician tasks (work orders) per municipality: made by rules or by people, taken by a technician or assigned by
 * an administrator, done with what was done and a note, or cancelled with a reason. Every change names the version
 * it was made on (a stale or illegal change is a conflict), is written to the task's history and audited. Users see
 * the tasks of their municipalities only; a task names a device, and the resident's name and address are shown only
 * to the technician who has the task (and administrators), as a read of that resident.
 */
@Service
public class TechnicianTasks {

    /** Which tasks a list shows. */
    public enum View {
        /** Active tasks assigned to the user. */
        MINE,
        /** Active tasks nobody has taken. */
        OPEN,
        /** Active tasks past their due time. */
        OVERDUE,
        /** Every active task. */
        ACTIVE,
        /** Every task, the finished ones too. */
        ALL
    }

    /** A task someone asks to create: for a device, with a title, a due time and a description. */
    public record NewTask(
            @Nullable String deviceId,
            @Nullable String title,
            @Nullable String description,
            @Nullable Instant dueAt) {}

    /**
     * What was done: the outcome, a note, and for a swap the new device (by id or serial number) and what becomes
     * of the old one (SERVICE unless RETIRED is asked for).
     */
    public record Completion(
            @Nullable String outcome,
            @Nullable String note,
            @Nullable String newDeviceId,
            @Nullable String newSerialNumber,
            @Nullable String replacedStatus) {}

    private static final int TEXT_MAX = 2000;

    private final JdbcClient jdbc;
    private final AccessScopes scopes;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final DeviceMaintenance devices;
    private final DeviceSwaps swaps;

    TechnicianTasks(
            JdbcClient jdbc,
            AccessScopes scopes,
            AuditLog audit,
            StaffDirectory staff,
            DeviceMaintenance devices,
            DeviceSwaps swaps) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.staff = staff;
        this.devices = devices;
        this.swaps = swaps;
    }

    /** Creates the alarm's task, once: the id, or the existing task's id when it was made before. */
    long create(
            DeviceSupervisions.DeviceFacts device,
            AlarmId alarm,
            TechnicalRule rule,
            String title,
            Instant now,
            Instant due) {
        List<Long> created = jdbc.sql("""
                        insert into fleet_task (kommunenummer, device_id, alarm_id, rule_id, rule_version, title,
                            created_by, created_at, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (alarm_id) do nothing returning id
                        """)
                .params(
                        device.kommunenummer().value(),
                        device.id().value(),
                        alarm.value(),
                        rule.id(),
                        rule.version(),
                        title,
                        rule.actorName(),
                        Timestamp.from(now),
                        Timestamp.from(due))
                .query(Long.class)
                .list();
        if (!created.isEmpty()) {
            event(created.getFirst(), now, rule.actorName(), "CREATED", title);
            return created.getFirst();
        }
        return jdbc.sql("select id from fleet_task where alarm_id = ?")
                .param(alarm.value())
                .query(Long.class)
                .single();
    }

    /** The user's tasks of a view, the earliest due first (finished ones: the latest first). */
    public List<TechnicianTask> list(VardeUser user, View view, Instant now, int limit) {
        AccessScope scope = scopes.forUser(user);
        String filter = switch (view) {
            case MINE -> "t.state = 'ASSIGNED' and t.assignee = :me";
            case OPEN -> "t.state = 'OPEN'";
            case OVERDUE -> "t.state in ('OPEN', 'ASSIGNED') and t.due_at < :now";
            case ACTIVE -> "t.state in ('OPEN', 'ASSIGNED')";
            case ALL -> "true";
        };
        String order = view == View.ALL
                ? " order by t.state in ('OPEN', 'ASSIGNED') desc, coalesce(t.closed_at, t.due_at) desc, t.id desc"
                : " order by t.due_at, t.id";
        return jdbc.sql("select * from fleet_task t where " + filter + " and" + NeedToKnow.within("t.kommunenummer")
                        + order + " limit :limit")
                .params(NeedToKnow.params(scope))
                .param("me", user.username())
                .param("now", Timestamp.from(now))
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query((rs, row) -> task(rs))
                .list();
    }

    /** How many active tasks in the user's municipalities are past their due time at {@code now}. */
    public int countOverdue(VardeUser user, Instant now) {
        return jdbc.sql("select count(*) from fleet_task t where t.state in ('OPEN', 'ASSIGNED') and t.due_at < :now"
                        + " and" + NeedToKnow.within("t.kommunenummer"))
                .params(NeedToKnow.params(scopes.forUser(user)))
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
    }

    /** One task in the user's municipalities. */
    public TechnicianTask get(VardeUser user, long id) {
        return jdbc.sql("select * from fleet_task t where t.id = :id and" + NeedToKnow.within("t.kommunenummer"))
                .param("id", id)
                .params(NeedToKnow.params(scopes.forUser(user)))
                .query((rs, row) -> task(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("task", id));
    }

    /** The task's history, oldest first. */
    public List<TaskEvent> history(VardeUser user, long id) {
        get(user, id);
        return jdbc.sql("select * from fleet_task_event where task_id = ? order by id")
                .param(id)
                .query((rs, row) -> new TaskEvent(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"),
                        rs.getString("kind"),
                        rs.getString("text")))
                .list();
    }

    /** The task's device as the task page shows it (no resident). */
    public DeviceSummary device(VardeUser user, TechnicianTask task) {
        return devices.summary(scopes.forUser(user), task.deviceId())
                .orElseThrow(() -> new NotFoundException("device", task.deviceId()));
    }

    /**
     * The resident's name, address and entry for the visit, for the technician who has the task or an administrator
     * (a read of the resident, audited); empty for anyone else, for a finished task and for a device of nobody.
     */
    @Transactional
    public java.util.Optional<DeviceVisit> visit(VardeUser user, TechnicianTask task) {
        boolean needs = task.state().isActive()
                && (isAdmin(user)
                        || (user.role() == Role.TECHNICIAN && user.username().equals(task.assignee())));
        if (!needs) {
            return java.util.Optional.empty();
        }
        return devices.visit(
                scopes.forUser(user), task.deviceId(), "technician task #" + task.id() + ": visit to the device");
    }

    /** The technicians a task may be assigned to: those bound to its municipality. */
    public List<VardeUser> technicians(TechnicianTask task) {
        return staff.technicians(task.kommunenummer());
    }

    /** Whether the user may create, assign to others and cancel tasks (their municipalities' administrators). */
    public static boolean isAdmin(VardeUser user) {
        return user.role() == Role.MUNICIPAL_ADMIN || user.role() == Role.SYSTEM_ADMIN;
    }

    /** Whether the user works tasks (takes them, marks them done): technicians and administrators. */
    public static boolean works(VardeUser user) {
        return user.role() == Role.TECHNICIAN || isAdmin(user);
    }

    /** A task made by a person for a device of their municipalities. */
    @Transactional
    public TechnicianTask create(VardeUser user, NewTask request, Instant now) {
        if (!works(user)) {
            throw new AccessDeniedException("VARDE-FLEET-0010: " + user.role() + " may not create technician tasks");
        }
        List<FieldProblem> problems = new ArrayList<>();
        DeviceSummary device = null;
        DeviceId deviceId = parseDevice(request.deviceId());
        if (deviceId == null) {
            problems.add(new FieldProblem("deviceId", "must be the id of a device in your municipalities"));
        } else {
            device = devices.summary(scopes.forUser(user), deviceId).orElse(null);
            if (device == null) {
                problems.add(new FieldProblem("deviceId", "no such device in your municipalities"));
            }
        }
        String title = strip(request.title());
        if (title.isEmpty() || title.length() > 200) {
            problems.add(new FieldProblem("title", "must be 1 to 200 characters"));
        }
        String description = strip(request.description());
        if (description.length() > TEXT_MAX) {
            problems.add(new FieldProblem("description", "must be at most " + TEXT_MAX + " characters"));
        }
        if (request.dueAt() == null) {
            problems.add(new FieldProblem("dueAt", "must be a time, e.g. 2026-12-05T12:00:00Z"));
        } else if (!request.dueAt().isAfter(now)) {
            problems.add(new FieldProblem("dueAt", "must be in the future"));
        }
        if (!problems.isEmpty() || device == null) {
            throw new InvalidInputException("The task has invalid fields", problems);
        }
        long id = jdbc.sql("""
                        insert into fleet_task (kommunenummer, device_id, title, description, created_by, created_at,
                            due_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        device.kommunenummer().value(),
                        device.id().value(),
                        title,
                        description.isEmpty() ? null : description,
                        user.username(),
                        Timestamp.from(now),
                        Timestamp.from(request.dueAt()))
                .query(Long.class)
                .single();
        event(id, now, user.username(), "CREATED", title);
        audit.general(
                AuditAction.CREATE,
                device.kommunenummer(),
                "technician task #" + id + " for device " + device.id() + ": " + title);
        return get(user, id);
    }

    /**
     * Gives the task to a technician: the technician takes it ({@code assignee} null or themselves, from OPEN), or
     * an administrator assigns (or reassigns) it to a technician bound to the task's municipality.
     */
    @Transactional
    public TechnicianTask assign(VardeUser user, long id, int version, @Nullable String assignee, Instant now) {
        TechnicianTask task = get(user, id);
        String to =
                strip(assignee).isEmpty() ? user.username() : strip(assignee).toLowerCase(Locale.ROOT);
        boolean self = to.equals(user.username());
        if (self && user.role() != Role.TECHNICIAN) {
            throw InvalidInputException.of("assignee", "only a technician can take a task; name the technician");
        }
        if (!self) {
            if (!isAdmin(user)) {
                throw new AccessDeniedException("VARDE-FLEET-0011: only an administrator assigns tasks to others");
            }
            boolean technicianHere = staff.find(to)
                    .filter(u -> u.role() == Role.TECHNICIAN && u.kommuner().contains(task.kommunenummer()))
                    .isPresent();
            if (!technicianHere) {
                throw InvalidInputException.of(
                        "assignee", "must be the username of a technician of municipality " + task.kommunenummer());
            }
        }
        if (self && task.state() == TaskState.ASSIGNED && !user.username().equals(task.assignee())) {
            throw new ConflictException("VARDE-FLEET-0012: task #" + id + " was taken by " + task.assignee());
        }
        requireState(task, version, task.state().mayAssign(), "assigned");
        change(
                task,
                version,
                "state = 'ASSIGNED', assignee = :assignee, assigned_at = :now",
                Map.of("assignee", to),
                now);
        String text = self ? "Tok oppgaven" : "Tildelt " + to;
        event(id, now, user.username(), "ASSIGNED", text);
        audit.general(AuditAction.UPDATE, task.kommunenummer(), "technician task #" + id + " assigned to " + to);
        return get(user, id);
    }

    /** Marks the task done with what was done and a note; a swap replaces the device in the same transaction. */
    @Transactional
    public TechnicianTask complete(VardeUser user, long id, int version, Completion completion, Instant now) {
        TechnicianTask task = get(user, id);
        if (!isAdmin(user)
                && !(user.role() == Role.TECHNICIAN && user.username().equals(task.assignee()))) {
            throw new AccessDeniedException(
                    "VARDE-FLEET-0013: only the technician who has the task or an" + " administrator marks it done");
        }
        List<FieldProblem> problems = new ArrayList<>();
        TaskOutcome outcome = null;
        try {
            outcome = TaskOutcome.valueOf(strip(completion.outcome()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("outcome", "must be one of " + List.of(TaskOutcome.values())));
        }
        String note = strip(completion.note());
        if (note.isEmpty() || note.length() > TEXT_MAX) {
            problems.add(new FieldProblem("note", "must say what was done, 1 to " + TEXT_MAX + " characters"));
        }
        DeviceStatus leavesAs = DeviceStatus.SERVICE;
        if (!strip(completion.replacedStatus()).isEmpty()) {
            try {
                leavesAs =
                        DeviceStatus.valueOf(strip(completion.replacedStatus()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("replacedStatus", "must be SERVICE or RETIRED"));
            }
        }
        DeviceId replacement = null;
        String replacementField = strip(completion.newDeviceId()).isEmpty() ? "newSerialNumber" : "newDeviceId";
        if (outcome == TaskOutcome.DEVICE_SWAPPED) {
            replacement = swaps.replacement(
                    user, task.kommunenummer(), completion.newDeviceId(), completion.newSerialNumber(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The task cannot be marked done", problems);
        }
        requireState(task, version, task.state().mayComplete(), "marked done");
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("outcome", outcome.name());
        values.put("note", note);
        values.put("me", user.username());
        values.put("replacement", replacement == null ? null : replacement.value());
        change(
                task,
                version,
                "state = 'DONE', outcome = :outcome, note = :note, closed_at = :now, closed_by = :me,"
                        + " replacement_device_id = cast(:replacement as uuid)",
                values,
                now);
        if (replacement != null) {
            DeviceSwapped swapped = swaps.swap(
                    user,
                    task.deviceId(),
                    replacement,
                    leavesAs,
                    "technician task #" + id + ": " + note,
                    replacementField);
            event(
                    id,
                    now,
                    user.username(),
                    "DEVICE_SWAPPED",
                    "Enhet " + swapped.replaced() + " byttet med " + swapped.replacement());
        }
        event(id, now, user.username(), "DONE", outcome.name() + ": " + note);
        audit.general(
                AuditAction.UPDATE, task.kommunenummer(), "technician task #" + id + " done: " + outcome + ": " + note);
        return get(user, id);
    }

    /** Cancels an active task with a reason (administrators). */
    @Transactional
    public TechnicianTask cancel(VardeUser user, long id, int version, @Nullable String reason, Instant now) {
        TechnicianTask task = get(user, id);
        if (!isAdmin(user)) {
            throw new AccessDeniedException("VARDE-FLEET-0014: only an administrator cancels tasks");
        }
        String why = strip(reason);
        if (why.isEmpty() || why.length() > TEXT_MAX) {
            throw InvalidInputException.of(
                    "reason", "must say why the task is cancelled, 1 to " + TEXT_MAX + " characters");
        }
        requireState(task, version, task.state().mayCancel(), "cancelled");
        change(
                task,
                version,
                "state = 'CANCELLED', cancel_reason = :reason, closed_at = :now, closed_by = :me",
                Map.of("reason", why, "me", user.username()),
                now);
        event(id, now, user.username(), "CANCELLED", why);
        audit.general(AuditAction.UPDATE, task.kommunenummer(), "technician task #" + id + " cancelled: " + why);
        return get(user, id);
    }

    void event(long task, Instant at, String actor, String kind, @Nullable String text) {
        jdbc.sql("insert into fleet_task_event (task_id, at, actor, kind, text) values (?, ?, ?, ?, ?)")
                .params(task, Timestamp.from(at), actor, kind, text)
                .update();
    }

    private static void requireState(TechnicianTask task, int version, boolean allowed, String what) {
        if (task.version() != version) {
            throw new ConflictException("VARDE-FLEET-0015: task #" + task.id() + " was changed (version "
                    + task.version() + ", not " + version + "); reload and try again");
        }
        if (!allowed) {
            throw new ConflictException(
                    "VARDE-FLEET-0016: task #" + task.id() + " is " + task.state() + " and cannot be " + what);
        }
    }

    private void change(TechnicianTask task, int version, String set, Map<String, ?> values, Instant now) {
        int updated = jdbc.sql("update fleet_task set " + set + ", version = version + 1 where id = :id"
                        + " and version = :version")
                .params(values)
                .param("id", task.id())
                .param("version", version)
                .param("now", Timestamp.from(now))
                .update();
        if (updated == 0) {
            throw new ConflictException(
                    "VARDE-FLEET-0015: task #" + task.id() + " was changed meanwhile; reload and" + " try again");
        }
    }

    private static @Nullable DeviceId parseDevice(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : new DeviceId(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String strip(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    static TechnicianTask task(ResultSet rs) throws SQLException {
        return new TechnicianTask(
                rs.getLong("id"),
                new Kommunenummer(rs.getString("kommunenummer")),
                new DeviceId(rs.getObject("device_id", UUID.class)),
                rs.getObject("alarm_id") == null ? null : new AlarmId(rs.getObject("alarm_id", UUID.class)),
                rs.getObject("rule_id") == null ? null : rs.getLong("rule_id"),
                rs.getObject("rule_version") == null ? null : rs.getInt("rule_version"),
                rs.getString("title"),
                rs.getString("description"),
                TaskState.valueOf(rs.getString("state")),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(),
                rs.getString("assignee"),
                instant(rs, "assigned_at"),
                instant(rs, "closed_at"),
                rs.getString("closed_by"),
                rs.getString("outcome") == null ? null : TaskOutcome.valueOf(rs.getString("outcome")),
                rs.getString("note"),
                rs.getString("cancel_reason"),
                rs.getObject("replacement_device_id") == null
                        ? null
                        : new DeviceId(rs.getObject("replacement_device_id", UUID.class)),
                instant(rs, "escalated_at"),
                rs.getInt("version"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
