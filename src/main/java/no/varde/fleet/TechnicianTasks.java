package no.varde.fleet;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceId;
import no.varde.registry.NeedToKnow;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.VardeUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Technician tasks made by rules, per municipality. A task names a device, never a resident; users see the tasks
 * of their municipalities only.
 */
@Service
public class TechnicianTasks {

    private final JdbcClient jdbc;
    private final AccessScopes scopes;

    TechnicianTasks(JdbcClient jdbc, AccessScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** Creates the alarm's task, once: the id, or the existing task's id when it was made before. */
    long create(
            DeviceSupervisions.DeviceFacts device,
            AlarmId alarm,
            TechnicalRule rule,
            String title,
            Instant now,
            Instant due) {
        jdbc.sql("""
                        insert into fleet_task (kommunenummer, device_id, alarm_id, rule_id, rule_version, title,
                            created_at, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (alarm_id) do nothing
                        """)
                .params(
                        device.kommunenummer().value(),
                        device.id().value(),
                        alarm.value(),
                        rule.id(),
                        rule.version(),
                        title,
                        Timestamp.from(now),
                        Timestamp.from(due))
                .update();
        return jdbc.sql("select id from fleet_task where alarm_id = ?")
                .param(alarm.value())
                .query(Long.class)
                .single();
    }

    /** Open tasks in the user's municipalities, the earliest due first. */
    public List<TechnicianTask> open(VardeUser user, int limit) {
        AccessScope scope = scopes.forUser(user);
        return jdbc.sql("select * from fleet_task t where t.state = 'OPEN' and" + NeedToKnow.within("t.kommunenummer")
                        + " order by t.due_at, t.id limit :limit")
                .params(NeedToKnow.params(scope))
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query((rs, row) -> new TechnicianTask(
                        rs.getLong("id"),
                        new Kommunenummer(rs.getString("kommunenummer")),
                        new DeviceId(rs.getObject("device_id", UUID.class)),
                        new AlarmId(rs.getObject("alarm_id", UUID.class)),
                        rs.getLong("rule_id"),
                        rs.getInt("rule_version"),
                        rs.getString("title"),
                        rs.getString("state"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }
}
