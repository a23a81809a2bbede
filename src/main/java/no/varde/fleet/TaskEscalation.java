package no.varde.fleet;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.dispatch.sms.SmsDelivery;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.StaffDirectory;
import no.varde.shared.security.SystemUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates overdue technician tasks, once each, to the municipality's administrators: the task is marked escalated
 * (the tasks page shows it), its history says to whom, and every administrator with a mobile number gets a text
 * message through the dispatch outbox, in the same transaction. Runs on every node each check period; a task is
 * claimed with {@code FOR UPDATE SKIP LOCKED} and marked before commit, so two nodes never escalate it twice.
 */
@Component
public class TaskEscalation {

    static final String ACTOR = "fleet:task-escalation";
    private static final Logger log = LoggerFactory.getLogger(TaskEscalation.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Oslo"));

    private final JdbcClient jdbc;
    private final TechnicianTasks tasks;
    private final StaffDirectory staff;
    private final SmsDelivery sms;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final FleetProperties properties;
    private final Clock clock;

    TaskEscalation(
            JdbcClient jdbc,
            TechnicianTasks tasks,
            StaffDirectory staff,
            SmsDelivery sms,
            AuditLog audit,
            TransactionTemplate transactions,
            FleetProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.staff = staff;
        this.sms = sms;
        this.audit = audit;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${varde.fleet.check-period:30s}",
            fixedDelayString = "${varde.fleet.check-period:30s}")
    void tick() {
        if (properties.supervisionEnabled()) {
            escalate(clock.instant());
        }
    }

    private record Due(long id, Kommunenummer kommunenummer, String title, Instant dueAt, String state) {}

    /** Escalates the tasks overdue at {@code now} that were not escalated before; returns how many. */
    public int escalate(Instant now) {
        int total = 0;
        int batch;
        do {
            batch = escalateBatch(now);
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            log.info("VARDE-FLEET-0020: {} overdue technician tasks escalated to their municipal admins", total);
        }
        return total;
    }

    private static final int BATCH = 500;

    private int escalateBatch(Instant now) {
        int[] escalated = {0};
        SystemUser.runAs(
                ACTOR,
                Role.SYSTEM_ADMIN,
                () -> transactions.executeWithoutResult(status -> {
                    List<Due> due = jdbc.sql("""
                            select id, kommunenummer, title, due_at, state from fleet_task
                            where state in ('OPEN', 'ASSIGNED') and escalated_at is null and due_at < ?
                            order by due_at, id limit ? for update skip locked""")
                            .param(Timestamp.from(now))
                            .param(BATCH)
                            .query((rs, row) -> new Due(
                                    rs.getLong("id"),
                                    new Kommunenummer(rs.getString("kommunenummer")),
                                    rs.getString("title"),
                                    rs.getTimestamp("due_at").toInstant(),
                                    rs.getString("state")))
                            .list();
                    for (Due task : due) {
                        escalate(task, now);
                        escalated[0]++;
                    }
                }));
        return escalated[0];
    }

    private void escalate(Due task, Instant now) {
        jdbc.sql("update fleet_task set escalated_at = ? where id = ?")
                .params(Timestamp.from(now), task.id())
                .update();
        List<StaffDirectory.Contact> admins = staff.municipalAdmins(task.kommunenummer());
        String text = "Varde: teknikeroppgave #" + task.id() + " (" + task.title() + ") i kommune "
                + task.kommunenummer() + " er forfalt siden " + TIME.format(task.dueAt())
                + (task.state().equals("OPEN") ? ", ikke tatt av noen." : ", ikke utført.")
                + " Se /fleet/tasks/" + task.id();
        List<UUID> messages = admins.stream()
                .filter(admin -> admin.phone() != null)
                .map(admin -> sms.queue(null, admin.displayName(), admin.phone(), text))
                .toList();
        String notified = admins.isEmpty()
                ? "ingen kommuneadministrator å varsle"
                : admins.stream()
                        .map(admin -> admin.displayName() + (admin.phone() == null ? " (i Varde)" : " (SMS)"))
                        .collect(Collectors.joining(", "));
        tasks.event(task.id(), now, "system:" + ACTOR, "ESCALATED", "Forfalt; varslet " + notified);
        audit.general(
                AuditAction.UPDATE,
                task.kommunenummer(),
                "technician task #" + task.id() + " overdue: escalated to " + admins.size() + " administrators, "
                        + messages.size() + " text messages");
    }
}
