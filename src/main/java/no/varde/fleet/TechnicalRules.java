package no.varde.fleet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmTypeMapping;
import no.varde.alarm.AlarmTypeMappings;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.registry.DeviceType;
import no.varde.shared.EventSource;
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
 * The technical-alarm rule table: data that system administrators read and edit. Every change is a new version
 * (the old ones are kept) and an audit entry. Rules apply to technical alarm types only: a rule can never close an
 * alarm that needs a person.
 */
@Service
public class TechnicalRules {

    private final JdbcClient jdbc;
    private final AlarmTypeMappings types;
    private final AuditLog audit;
    private final Clock clock;

    TechnicalRules(JdbcClient jdbc, AlarmTypeMappings types, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.types = types;
        this.audit = audit;
        this.clock = clock;
    }

    public List<TechnicalRule> all() {
        return jdbc.sql("select * from fleet_rule order by source, code, device_type nulls first")
                .query((rs, row) -> rule(rs))
                .list();
    }

    public TechnicalRule get(long id) {
        return jdbc.sql("select * from fleet_rule where id = ?")
                .param(id)
                .query((rs, row) -> rule(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("rule", id));
    }

    /** Every version of a rule, newest first. */
    public List<TechnicalRule> history(long id) {
        get(id);
        return jdbc.sql("""
                        select rule_id as id, source, code, device_type, kind, wait_s, task_due_s, enabled, note,
                               version,
                               changed_by as updated_by, changed_at as updated_at
                        from fleet_rule_version where rule_id = ? order by version desc
                        """).param(id).query((rs, row) -> rule(rs)).list();
    }

    /** The enabled rule for this code and device type: one for the type wins over one for every type. */
    Optional<TechnicalRule> find(String source, String code, DeviceType deviceType) {
        return jdbc.sql("""
                        select * from fleet_rule where source = ? and code = ? and enabled
                          and (device_type = ? or device_type is null)
                        order by device_type nulls last limit 1
                        """)
                .params(source, code, deviceType.name())
                .query((rs, row) -> rule(rs))
                .optional();
    }

    /** The enabled silence rules, for {@link SilentTriggers}. */
    List<TechnicalRule> silenceRules() {
        return jdbc.sql("select * from fleet_rule where kind = 'RAISE_WHEN_SILENT' and enabled order by id")
                .query((rs, row) -> rule(rs))
                .list();
    }

    /** The codes an event of (source, code) clears: the alarm types' "clears" relation. */
    List<String> clearedBy(String source, String code) {
        return jdbc.sql("select clears from alarm_type_clears where source = ? and code = ? order by clears")
                .params(source, code)
                .query(String.class)
                .list();
    }

    /** The codes that clear (source, code), for showing what a rule waits for. */
    List<String> clearing(String source, String code) {
        return jdbc.sql("select code from alarm_type_clears where source = ? and clears = ? order by code")
                .params(source, code)
                .query(String.class)
                .list();
    }

    @Transactional
    public TechnicalRule create(VardeUser admin, RuleDraft draft) {
        requireAdmin(admin);
        Valid valid = validate(draft, null);
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into fleet_rule (source, code, device_type, kind, wait_s, task_due_s, enabled, note,
                            version, updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) returning id
                        """)
                .params(
                        valid.source(),
                        valid.code(),
                        valid.deviceType(),
                        valid.kind().name(),
                        valid.waitSeconds(),
                        valid.taskDueSeconds(),
                        valid.enabled(),
                        valid.note(),
                        admin.username(),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        return recorded(AuditAction.CREATE, get(id));
    }

    /** Saves a new version; refused when someone saved another version since {@code expectedVersion}. */
    @Transactional
    public TechnicalRule update(VardeUser admin, long id, int expectedVersion, RuleDraft draft) {
        requireAdmin(admin);
        get(id);
        Valid valid = validate(draft, id);
        int updated = jdbc.sql("""
                        update fleet_rule set source = ?, code = ?, device_type = ?, kind = ?, wait_s = ?,
                            task_due_s = ?, enabled = ?, note = ?, version = version + 1, updated_by = ?,
                            updated_at = ?
                        where id = ? and version = ?
                        """)
                .params(
                        valid.source(),
                        valid.code(),
                        valid.deviceType(),
                        valid.kind().name(),
                        valid.waitSeconds(),
                        valid.taskDueSeconds(),
                        valid.enabled(),
                        valid.note(),
                        admin.username(),
                        Timestamp.from(clock.instant()),
                        id,
                        expectedVersion)
                .update();
        if (updated == 0) {
            throw new ConflictException("VARDE-FLEET-0003: rule " + id + " was changed by someone else (version "
                    + expectedVersion + " is not the current one); reload and try again");
        }
        return recorded(AuditAction.UPDATE, get(id));
    }

    private TechnicalRule recorded(AuditAction action, TechnicalRule rule) {
        jdbc.sql("""
                        insert into fleet_rule_version (rule_id, version, source, code, device_type, kind, wait_s,
                            task_due_s, enabled, note, changed_by, changed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        rule.id(),
                        rule.version(),
                        rule.source(),
                        rule.code(),
                        rule.deviceType() == null ? null : rule.deviceType().name(),
                        rule.kind().name(),
                        rule.waitFor() == null ? null : (int) rule.waitFor().toSeconds(),
                        rule.taskDue() == null ? null : (int) rule.taskDue().toSeconds(),
                        rule.enabled(),
                        rule.note(),
                        rule.updatedBy(),
                        Timestamp.from(rule.updatedAt()))
                .update();
        audit.general(action, null, "technical-alarm rule " + rule.describe() + (rule.enabled() ? "" : " disabled"));
        return rule;
    }

    private record Valid(
            String source,
            String code,
            @Nullable String deviceType,
            RuleKind kind,
            @Nullable Integer waitSeconds,
            @Nullable Integer taskDueSeconds,
            boolean enabled,
            @Nullable String note) {}

    private Valid validate(RuleDraft draft, @Nullable Long self) {
        List<FieldProblem> problems = new ArrayList<>();
        EventSource source = parse(EventSource.class, "source", draft.source(), problems);
        String code = draft.code() == null ? "" : draft.code().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            problems.add(new FieldProblem("code", "must name an event code of the alarm-type table"));
        } else if (source != null) {
            Optional<AlarmTypeMapping> type = types.find(source, code);
            if (type.isEmpty()) {
                problems.add(new FieldProblem("code", "no alarm type " + source + " " + code));
            } else if (type.get().category() != AlarmCategory.TECHNICAL) {
                problems.add(new FieldProblem(
                        "code",
                        "rules handle technical alarms only; " + code + " is "
                                + type.get().category()));
            }
        }
        DeviceType deviceType = draft.deviceType() == null || draft.deviceType().isBlank()
                ? null
                : parse(DeviceType.class, "deviceType", draft.deviceType(), problems);
        RuleKind kind = parse(RuleKind.class, "kind", draft.kind(), problems);
        Integer wait = null;
        if (kind == RuleKind.WAIT_FOR_RESTORE) {
            if (draft.waitMinutes() == null || draft.waitMinutes() < 1 || draft.waitMinutes() > 1440) {
                problems.add(new FieldProblem("waitMinutes", "WAIT_FOR_RESTORE needs a wait of 1 to 1440 minutes"));
            } else {
                wait = draft.waitMinutes() * 60;
            }
        } else if (kind == RuleKind.RAISE_WHEN_SILENT) {
            // the silence allowed before the resident counts as unprotected: an hour to a week
            if (draft.waitMinutes() == null || draft.waitMinutes() < 60 || draft.waitMinutes() > 10080) {
                problems.add(new FieldProblem(
                        "waitMinutes", "RAISE_WHEN_SILENT needs a silence of 60 to 10080 minutes (1 h to 7 days)"));
            } else {
                wait = draft.waitMinutes() * 60;
            }
            if (!(EventSource.FLEET.equals(source) && SilentTriggers.CODE.equals(code))) {
                problems.add(new FieldProblem(
                        "code", "RAISE_WHEN_SILENT is the condition FLEET " + SilentTriggers.CODE + " only"));
            }
        } else if (draft.waitMinutes() != null) {
            problems.add(new FieldProblem("waitMinutes", "only WAIT_FOR_RESTORE and RAISE_WHEN_SILENT wait"));
        }
        if (kind != RuleKind.RAISE_WHEN_SILENT
                && EventSource.FLEET.equals(source)
                && SilentTriggers.CODE.equals(code)) {
            problems.add(
                    new FieldProblem("kind", "FLEET " + SilentTriggers.CODE + " is a RAISE_WHEN_SILENT condition"));
        }
        Integer due = null;
        if (kind == RuleKind.TECHNICIAN_TASK) {
            if (draft.taskDueHours() == null || draft.taskDueHours() < 1 || draft.taskDueHours() > 720) {
                problems.add(new FieldProblem("taskDueHours", "TECHNICIAN_TASK needs a due time of 1 to 720 hours"));
            } else {
                due = draft.taskDueHours() * 3600;
            }
        } else if (draft.taskDueHours() != null) {
            problems.add(new FieldProblem("taskDueHours", "only TECHNICIAN_TASK has a due time"));
        }
        if (draft.note() != null && draft.note().length() > 500) {
            problems.add(new FieldProblem("note", "at most 500 characters"));
        }
        if (problems.isEmpty()) {
            Optional<Long> other = jdbc.sql("select id from fleet_rule where source = ? and code = ?"
                            + " and coalesce(device_type, '*') = ? and id <> ?")
                    .params(source.name(), code, deviceType == null ? "*" : deviceType.name(), self == null ? -1 : self)
                    .query(Long.class)
                    .optional();
            other.ifPresent(id -> problems.add(new FieldProblem(
                    "code", "rule #" + id + " already handles " + source + " " + code + " for this device type")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The rule has invalid fields", problems);
        }
        String note = draft.note() == null || draft.note().isBlank()
                ? null
                : draft.note().strip();
        return new Valid(
                source.name(),
                code,
                deviceType == null ? null : deviceType.name(),
                kind,
                wait,
                due,
                draft.enabled() == null || draft.enabled(),
                note);
    }

    private static <E extends Enum<E>> @Nullable E parse(
            Class<E> type, String field, @Nullable String value, List<FieldProblem> problems) {
        try {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException();
            }
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static void requireAdmin(VardeUser user) {
        if (user.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedException("only system administrators edit technical-alarm rules");
        }
    }

    private static TechnicalRule rule(ResultSet rs) throws SQLException {
        String deviceType = rs.getString("device_type");
        Integer wait = (Integer) rs.getObject("wait_s");
        Integer due = (Integer) rs.getObject("task_due_s");
        return new TechnicalRule(
                rs.getLong("id"),
                rs.getString("source"),
                rs.getString("code"),
                deviceType == null ? null : DeviceType.valueOf(deviceType),
                RuleKind.valueOf(rs.getString("kind")),
                wait == null ? null : Duration.ofSeconds(wait),
                due == null ? null : Duration.ofSeconds(due),
                rs.getBoolean("enabled"),
                rs.getString("note"),
                rs.getInt("version"),
                rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
