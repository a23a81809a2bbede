package no.varde.alarm;

import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.varde.accounts.UserAccounts;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import no.varde.shared.security.VardeUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14's backlog: 10,000 overdue BUTTON_PRESSED alarms cannot hide a fresh FIRE alarm (the queue orders by the
 * type's severity, then age; escalation never rewrites priority), one escalation run works through the whole
 * backlog (no fixed batch per tick), and a supervisor closes the flood in bulk, recorded on every timeline.
 */
// Its own database, and the context closed afterwards: ten thousand alarms and their after-commit listeners must
// not become other test classes' background load.
@SpringBootTest(properties = "varde.embedded-database.database-name=varde_backlog")
@AutoConfigureMockMvc
@DirtiesContext
class AlarmBacklogIntegrationTests {

    static final int BACKLOG = 10_000;

    @Autowired
    Alarms alarms;

    @Autowired
    AlarmDeadlines deadlines;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Clock clock;

    private final List<AlarmId> backlog = new ArrayList<>();

    /**
     * On the embedded database this class has a database of its own; against an external server (CI's second run)
     * it shares one with every other class, so it leaves no open backlog behind to truncate their queues.
     */
    @org.junit.jupiter.api.AfterEach
    void closeTheBacklog() {
        for (int from = 0; from < backlog.size(); from += 1000) {
            java.util.UUID[] ids = backlog.subList(from, Math.min(backlog.size(), from + 1000)).stream()
                    .map(AlarmId::value)
                    .toArray(java.util.UUID[]::new);
            jdbc.sql("update alarm set state = 'CLOSED', closed_at = now(), outcome = 'FALSE_ALARM'"
                            + " where id = any(?) and state <> 'CLOSED'")
                    .param(ids)
                    .update();
        }
    }

    @Test
    void aFreshFireAlarmTopsTenThousandOverdueButtonPressesAndAStaleFloodIsClosedInBulk() throws Exception {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        for (int chunk = 0; chunk < BACKLOG / 1000; chunk++) {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < 1000; i++) {
                    backlog.add(alarms.receive(event("BUTTON_PRESSED", unknownDevice())));
                }
            });
        }
        // one run works through the backlog, however large (not a fixed batch per tick); other contexts' deadline
        // jobs on the same database may take a few rows at the same moment (SKIP LOCKED), hence "more than"
        int escalated = deadlines.escalateOverdue(clock.instant().plusSeconds(61));
        assertThat(escalated).isGreaterThan(BACKLOG / 2);
        assertThat(jdbc.sql("select count(*) from alarm where id = any(?) and 'ESCALATED' = any(flags)"
                                + " and escalation_level >= 1 and priority = 2")
                        .param(backlog.stream().map(AlarmId::value).toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(BACKLOG);

        AlarmId fire = alarms.receive(event("FIRE", unknownDevice()));
        VardeUser operator = accounts.findByUsername("operator").orElseThrow().toVardeUser();
        List<Alarm> queue =
                alarms.list(operator, EnumSet.complementOf(EnumSet.of(AlarmState.CLOSED)), AlarmCategory.ALARM, 200);
        List<AlarmId> shown = queue.stream().map(Alarm::id).toList();
        assertThat(shown)
                .as("the fresh FIRE alarm is on the queue's first page")
                .contains(fire);
        assertThat(queue.subList(0, shown.indexOf(fire)))
                .as("only alarms of the highest priority may come before it, none of the backlog")
                .allSatisfy(above -> {
                    assertThat(above.priority()).isEqualTo(Priority.of(1));
                    assertThat(backlog).doesNotContain(above.id());
                });
        assertThat(queue.get(shown.indexOf(fire)).isOverdue()).isFalse();
        String api = mvc.perform(
                        get("/api/v1/alarms?category=ALARM&limit=1000").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.sourceCode == 'BUTTON_PRESSED' && @.overdue == true)]")
                        .isNotEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(api, "$[*].id");
        List<Integer> priorities = JsonPath.read(api, "$[*].priority");
        assertThat(ids).contains(fire.toString());
        assertThat(priorities.subList(0, ids.indexOf(fire.toString()) + 1)).containsOnly(1);

        // a supervisor closes a stale flood of one code (here DOOR_OPENED from a misconfigured sender); an alarm of a
        // resident among it is audited; other codes (the FIRE alarm, the BUTTON_PRESSED backlog) are not touched
        List<AlarmId> flood = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            flood.add(alarms.receive(event("DOOR_OPENED", unknownDevice())));
        }
        String cid = safetyAlarmController(jdbc, "1818", 0);
        AlarmId residents = alarms.receive(event("DOOR_OPENED", new DeviceIdentity(cid, "1", null, null, null, null)));
        flood.add(residents);
        Instant before = clock.instant().plusMillis(1);
        long closed = 0;
        long round;
        do {
            String answer = mvc.perform(post("/api/v1/alarms/bulk-close")
                            .with(httpBasic("sysadmin", "varde-demo"))
                            .contentType("application/json")
                            .content("{\"code\": \"DOOR_OPENED\", \"receivedBefore\": \"%s\",".formatted(before)
                                    + " \"reason\": \"Feilkonfigurert sender\", \"max\": 20}"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            round = ((Number) JsonPath.read(answer, "$.closed")).longValue();
            closed += round;
        } while (round > 0);
        assertThat(closed).isEqualTo(flood.size());
        assertThat(jdbc.sql("select count(*) from alarm a where a.id = any(?) and a.state = 'CLOSED'"
                                + " and exists (select 1 from alarm_timeline t where t.alarm_id = a.id"
                                + " and t.kind = 'CLOSED_IN_BULK' and t.actor = 'sysadmin'"
                                + " and t.text = 'Feilkonfigurert sender')")
                        .param(flood.stream().map(AlarmId::value).toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(flood.size());
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'sysadmin' and action = 'UPDATE'"
                                + " and what = ?")
                        .param("alarm " + residents + ": closed in bulk")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(alarms.findForSystem(fire).orElseThrow().state()).isEqualTo(AlarmState.RECEIVED);
        assertThat(jdbc.sql("select count(*) from alarm where id = any(?) and state = 'RECEIVED'")
                        .param(backlog.stream().map(AlarmId::value).toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(BACKLOG);
        mvc.perform(
                        post("/api/v1/alarms/bulk-close")
                                .with(httpBasic("operator", "varde-demo"))
                                .contentType("application/json")
                                .content(
                                        "{\"code\": \"FIRE\", \"receivedBefore\": \"2100-01-01T00:00:00Z\", \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
    }

    private static DeviceIdentity unknownDevice() {
        return new DeviceIdentity(
                null, null, null, "97" + String.format("%013d", (long) (Math.random() * 1e13)), null, null);
    }

    private DeviceEvent event(String code, DeviceIdentity device) {
        Instant now = clock.instant();
        return new DeviceEvent(
                EventSource.HTTP,
                "test:" + UUID.randomUUID(),
                device,
                null,
                null,
                code,
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                Map.of());
    }
}
