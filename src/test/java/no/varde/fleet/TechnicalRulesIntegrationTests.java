package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import no.varde.fleet.FleetTestSupport.Device;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each rule kind on real events posted through HTTP ingest from fresh devices: the decision is on the alarm's
 * timeline with the rule as its actor, and a close is the aggregate's close by rule.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TechnicalRulesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Supervision supervision;

    @Autowired
    Clock clock;

    @Autowired
    UserDetailsService users;

    FleetTestSupport fleet;

    @BeforeEach
    void support() {
        fleet = new FleetTestSupport(mvc, jdbc);
    }

    @Test
    void aPowerFailureRestoredWithinTheWaitClosesItself() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        String power = fleet.send(device, "POWER_LOSS");
        awaitTimeline(
                power,
                entry -> entry.startsWith("NOTE|system:fleet-rule:")
                        && entry.contains("WAIT_FOR_RESTORE")
                        && entry.contains("POWER_RESTORED"));
        assertThat(fleet.state(power)).isEqualTo("RECEIVED|-");

        String restored = fleet.send(device, "POWER_RESTORED");
        awaitTimeline(
                power,
                entry -> entry.startsWith("CLOSED_BY_RULE|system:fleet-rule:")
                        && entry.contains(":WAIT_FOR_RESTORE|")
                        && entry.contains("Strøm tilbake"));
        assertThat(fleet.state(power)).isEqualTo("CLOSED|TECHNICAL_HANDLED");
        assertThat(fleet.state(restored))
                .as("the restore itself is information")
                .isEqualTo("CLOSED|OTHER");
    }

    @Test
    void aPowerFailureNotRestoredWithinTheWaitIsLeftToTheOperatorWithTheRuleNamed() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        String power = fleet.send(device, "POWER_LOSS");
        awaitTimeline(power, entry -> entry.contains(":WAIT_FOR_RESTORE|"));

        supervision.check(clock.instant().plus(Duration.ofMinutes(31)));
        assertThat(fleet.timeline(power))
                .anyMatch(entry -> entry.startsWith("NOTE|system:fleet-rule:") && entry.contains("Ikke gjenopprettet"));
        assertThat(fleet.state(power)).isEqualTo("RECEIVED|-");
    }

    @Test
    void batteryLowIsClosedByTheBatteryOkEventAndAHumanAlarmIsNeverTouched() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        String battery = fleet.send(device, "BATTERY_LOW");
        String button = fleet.send(device, "BUTTON_PRESSED");
        awaitTimeline(battery, entry -> entry.contains(":AUTO_CLOSE|") && entry.contains("BATTERY_OK"));

        fleet.send(device, "BATTERY_OK");
        awaitTimeline(
                battery,
                entry -> entry.startsWith("CLOSED_BY_RULE|system:fleet-rule:") && entry.contains(":AUTO_CLOSE|"));
        assertThat(fleet.state(battery)).isEqualTo("CLOSED|TECHNICAL_HANDLED");
        assertThat(fleet.state(button)).isEqualTo("RECEIVED|-");
        assertThat(fleet.timeline(button)).noneMatch(entry -> entry.contains("fleet-rule"));
    }

    @Test
    void aRuleForTheDeviceTypeRaisesASafetyRiskToTheOperatorQueueAndEveryVersionIsKept() throws Exception {
        // a rule only for e-locks: the seeded DEVICE_FAULT rule (AUTO_CLOSE, every type) stays for the rest
        long rule = eLockFaultRule();
        try {
            Device device = fleet.newDevice("E_LOCK");
            String fault = fleet.send(device, "DEVICE_FAULT");
            awaitTimeline(fault, entry -> entry.contains(":RAISE_TO_OPERATOR|") && entry.contains("alarm"));
            UUID raised = jdbc.sql("select raised_alarm_id from fleet_rule_decision where alarm_id = ?")
                    .param(UUID.fromString(fault))
                    .query(UUID.class)
                    .single();
            assertThat(jdbc.sql("select category || '|' || source || '|' || source_code || '|' || state from alarm"
                                    + " where id = ?")
                            .param(raised)
                            .query(String.class)
                            .single())
                    .isEqualTo("ALARM|FLEET|SAFETY_RISK|RECEIVED");
            assertThat(fleet.timeline(raised.toString()))
                    .anyMatch(entry -> entry.contains(":RAISE_TO_OPERATOR|") && entry.contains(fault));
            String humanQueue = mvc.perform(get("/api/v1/alarms?state=RECEIVED&category=ALARM&limit=1000")
                            .with(httpBasic("operator", FleetTestSupport.PASSWORD)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(humanQueue).contains(raised.toString());
        } finally {
            saveRule(
                    rule,
                    "{\"source\": \"HTTP\", \"code\": \"DEVICE_FAULT\", \"deviceType\": \"E_LOCK\","
                            + " \"kind\": \"RAISE_TO_OPERATOR\", \"enabled\": false, \"note\": \"test over\"}");
        }
        String versions = mvc.perform(get("/api/v1/fleet/rules/" + rule + "/versions")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Boolean> enabled = JsonPath.read(versions, "$[*].enabled");
        assertThat(enabled).hasSizeGreaterThanOrEqualTo(2).startsWith(false, true);
        assertThat(jdbc.sql("select count(*) from audit_event where what like ?")
                        .param("technical-alarm rule regel #" + rule + " v%")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRuleHandsBatteryEmptyOfAnELockToATechnicianTaskDueInThreeDaysAndClosesTheAlarm() throws Exception {
        long rule = ruleFor(
                "BATTERY_EMPTY",
                "E_LOCK",
                "{\"source\": \"HTTP\", \"code\": \"BATTERY_EMPTY\","
                        + " \"deviceType\": \"E_LOCK\", \"kind\": \"TECHNICIAN_TASK\", \"taskDueHours\": 72}");
        try {
            Device device = fleet.newDevice("E_LOCK", "1833");
            String battery = fleet.send(device, "BATTERY_EMPTY");
            awaitTimeline(
                    battery,
                    entry -> entry.startsWith("CLOSED_BY_RULE|system:fleet-rule:" + rule + "v")
                            && entry.contains(":TECHNICIAN_TASK|")
                            && entry.contains("teknikeroppgave #"));
            assertThat(fleet.state(battery)).isEqualTo("CLOSED|TECHNICAL_HANDLED");
            String tasks = mvc.perform(get("/api/v1/fleet/tasks?limit=1000")
                            .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<String> due = JsonPath.read(tasks, "$[?(@.alarmId == '" + battery + "')].dueAt");
            List<String> received = jdbc.sql("select received_at from alarm where id = ?")
                    .param(UUID.fromString(battery))
                    .query((rs, row) -> rs.getTimestamp(1)
                            .toInstant()
                            .plus(Duration.ofHours(72))
                            .toString())
                    .list();
            assertThat(due).hasSize(1);
            assertThat(java.time.Instant.parse(due.getFirst())).isEqualTo(java.time.Instant.parse(received.getFirst()));
            // another municipality's administrator does not see the task (a device of Rana)
            String bronnoy = mvc.perform(get("/api/v1/fleet/tasks?limit=1000")
                            .with(httpBasic("admin.bronnoy", FleetTestSupport.PASSWORD)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(bronnoy).doesNotContain(battery);
        } finally {
            saveRule(
                    rule,
                    "{\"source\": \"HTTP\", \"code\": \"BATTERY_EMPTY\", \"deviceType\": \"E_LOCK\","
                            + " \"kind\": \"TECHNICIAN_TASK\", \"taskDueHours\": 72, \"enabled\": false}");
        }
    }

    @Test
    void rulesAreEditedBySystemAdministratorsOnlyAndOnlyForTechnicalCodes() throws Exception {
        mvc.perform(post("/api/v1/fleet/rules")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content("{\"source\": \"HTTP\", \"code\": \"BUTTON_PRESSED\", \"kind\": \"AUTO_CLOSE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        mvc.perform(post("/api/v1/fleet/rules")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content("{\"source\": \"HTTP\", \"code\": \"POWER_LOSS\", \"deviceType\": \"OTHER\","
                                + " \"kind\": \"WAIT_FOR_RESTORE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("waitMinutes"));
        mvc.perform(post("/api/v1/fleet/rules")
                        .with(httpBasic("operator", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content("{\"source\": \"HTTP\", \"code\": \"POWER_LOSS\", \"kind\": \"AUTO_CLOSE\"}"))
                .andExpect(status().isForbidden());
        long seeded = jdbc.sql("select id from fleet_rule where source = 'HTTP' and code = 'POWER_LOSS'"
                        + " and device_type is null")
                .query(Long.class)
                .single();
        mvc.perform(put("/api/v1/fleet/rules/" + seeded)
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content("{\"version\": 999, \"source\": \"HTTP\", \"code\": \"POWER_LOSS\","
                                + " \"kind\": \"WAIT_FOR_RESTORE\", \"waitMinutes\": 30}"))
                .andExpect(status().isConflict());
    }

    @Test
    void theRulesPageShowsEveryRuleAndSupervisionAndSavesAnEditAsANewVersion() throws Exception {
        long rule = jdbc.sql("select id from fleet_rule where source = 'SIA' and code = 'E302' and device_type is null")
                .query(Long.class)
                .single();
        int version = jdbc.sql("select version from fleet_rule where id = ?")
                .param(rule)
                .query(Integer.class)
                .single();
        mvc.perform(get("/fleet/rules").with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-rule=\"" + rule + "\"")))
                .andExpect(content().string(containsString("id=\"fleet-supervision\"")));
        mvc.perform(post("/fleet/rules/" + rule)
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("kind", "AUTO_CLOSE")
                        .param("enabled", "true")
                        .param("note", "System battery: closed when the centre reports it OK (edited on the page)"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("saved"));
        assertThat(jdbc.sql("select version || '|' || note from fleet_rule where id = ?")
                        .param(rule)
                        .query(String.class)
                        .single())
                .isEqualTo(
                        (version + 1) + "|System battery: closed when the centre reports it OK (edited on the page)");
        mvc.perform(post("/fleet/rules/" + rule)
                        .with(user(users.loadUserByUsername("operator")))
                        .with(csrf())
                        .param("version", String.valueOf(version + 1))
                        .param("kind", "AUTO_CLOSE"))
                .andExpect(status().isForbidden());
    }

    private long eLockFaultRule() throws Exception {
        return ruleFor(
                "DEVICE_FAULT",
                "E_LOCK",
                "{\"source\": \"HTTP\", \"code\": \"DEVICE_FAULT\","
                        + " \"deviceType\": \"E_LOCK\", \"kind\": \"RAISE_TO_OPERATOR\","
                        + " \"note\": \"e-lock fault: the resident may be locked in\"}");
    }

    /** The rule for this HTTP code and device type, created or (a suite run before on this database) saved anew. */
    private long ruleFor(String code, String deviceType, String json) throws Exception {
        List<Long> existing = jdbc.sql(
                        "select id from fleet_rule where source = 'HTTP' and code = ?" + " and device_type = ?")
                .params(code, deviceType)
                .query(Long.class)
                .list();
        if (!existing.isEmpty()) {
            saveRule(existing.getFirst(), json);
            return existing.getFirst();
        }
        String body = mvc.perform(post("/api/v1/fleet/rules")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content(json))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void saveRule(long id, String json) throws Exception {
        int version = jdbc.sql("select version from fleet_rule where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        mvc.perform(put("/api/v1/fleet/rules/" + id)
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content("{\"version\": " + version + ", " + json.substring(1)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(version + 1));
    }

    private void awaitTimeline(String alarm, Predicate<String> entry) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(fleet.timeline(alarm)).anyMatch(entry));
    }
}
