package no.varde.benefits;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.YearMonth;
import no.varde.economics.SplitDriver;
import no.varde.shared.Kommunenummer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Facts from real operations (alarms received, answered and closed through the API) and the plan's API. */
@SpringBootTest
@AutoConfigureMockMvc
class BenefitsIntegrationTests {

    static final String KOMMUNE = "1824";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OperationalFacts facts;

    @Autowired
    UsageCounts usage;

    @Autowired
    UserDetailsService users;

    @Autowired
    DevicesInService devicesInService;

    @Autowired
    no.varde.registry.Devices devices;

    @Autowired
    no.varde.economics.analysis.Analyses analyses;

    @Autowired
    no.varde.economics.scenario.ScenarioCatalogue scenarios;

    @Test
    @org.springframework.security.test.context.support.WithUserDetails("sysadmin")
    void devicesInServiceAreInTheFactsAndSplitTheCostByDevices() throws Exception {
        Kommunenummer hattfjelldal = new Kommunenummer("1826");
        YearMonth now = facts.currentMonth();
        long before = devicesInService.now().get(hattfjelldal);
        for (String status : new String[] {"ACTIVE", "ACTIVE", "IN_STOCK", "RETIRED"}) {
            devices.create(
                    no.varde.registry.AccessScope.all(),
                    new no.varde.registry.DeviceDraft(
                            "1826",
                            "SAFETY_ALARM",
                            "Fiktiv AS",
                            "Trygg 1",
                            null,
                            null,
                            null,
                            null,
                            "SN-" + java.util.UUID.randomUUID(),
                            null,
                            null,
                            status));
        }
        // only devices in service count: the two ACTIVE ones, not the one in stock or the retired one
        assertThat(devicesInService.now().get(hattfjelldal)).isEqualTo(before + 2);
        assertThat(devicesInService.now()).hasSize(18);
        MonthFacts month = facts.facts(now, now).stream()
                .filter(f -> f.kommunenummer().equals("1826"))
                .findFirst()
                .orElseThrow();
        assertThat(month.devicesInService()).isEqualTo(before + 2);
        long regionDevices = devicesInService.now().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        assertThat(OperationalFacts.region(facts.facts(now, now)).getLast().devicesInService())
                .isEqualTo(regionDevices);
        // a past month nobody recorded has no figure rather than today's
        assertThat(facts.facts(now.minusMonths(30), now.minusMonths(30)).stream()
                        .filter(f -> f.devicesInService() != null))
                .isEmpty();

        // recorded as the month goes: the current month's row holds today's count
        devicesInService.record();
        assertThat(jdbc.sql("select devices from benefits_devices_in_service where kommunenummer = '1826'"
                                + " and month = :month")
                        .param("month", java.sql.Date.valueOf(now.atDay(1)))
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 2);

        // the economics' split by devices uses the measured count and says so
        assertThat(usage.countsFor(SplitDriver.ACTIVE_DEVICES)).containsEntry(hattfjelldal, before + 2);
        var result = analyses.result(scenarios.all().getFirst().id(), null);
        assertThat(result.driverNotes())
                .filteredOn(note -> note.driver() == SplitDriver.ACTIVE_DEVICES)
                .singleElement()
                .satisfies(note ->
                        assertThat(note.source()).isEqualTo(no.varde.economics.model.DriverNote.Source.MEASURED));

        // the facts API shows the figure to analysts (a count this size is not suppressed)
        mvc.perform(get("/api/v1/benefits/facts")
                        .param("from", now.toString())
                        .param("to", now.toString())
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.region[0].devicesInService").value((int) regionDevices));
    }

    @Test
    void factsCountWhatOperatorsDid() throws Exception {
        YearMonth now = facts.currentMonth();
        MonthFacts before = current(now);
        long alarmsBefore = usage.counts(SplitDriver.ALARMS, now, now).getOrDefault(new Kommunenummer(KOMMUNE), 0L);
        java.util.Map<String, Long> typesBefore = types(now);
        for (int i = 0; i < 6; i++) {
            String id = receive("BUTTON_PRESSED", i);
            if (i < 3) {
                act(id, "claim", "{}");
                act(id, "calls", "{\"callee\": \"resident\", \"result\": \"VERBAL_CONTACT\"}");
                act(id, "close", "{\"outcome\": \"RESOLVED_BY_PHONE\"}");
            }
        }
        String technical = receive("BATTERY_LOW", 7);
        receive("BATTERY_LOW", 8);
        act(technical, "claim", "{}");
        act(technical, "close", "{\"outcome\": \"TECHNICAL_HANDLED\"}");

        MonthFacts after = current(now);
        // by type: the six button presses and the two low batteries under their VKP alert codes
        java.util.Map<String, Long> typesAfter = types(now);
        long added = typesAfter.entrySet().stream()
                .mapToLong(e -> e.getValue() - typesBefore.getOrDefault(e.getKey(), 0L))
                .sum();
        assertThat(added).isEqualTo(8);
        assertThat(typesAfter.keySet()).hasSizeGreaterThanOrEqualTo(2);
        mvc.perform(get("/api/v1/benefits/facts/types")
                        .param("from", now.toString())
                        .param("to", now.toString())
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressBelow").value(5))
                .andExpect(jsonPath("$.municipalities[?(@.kommunenummer == '" + KOMMUNE + "')]")
                        .isNotEmpty());
        assertThat(after.alarms() - before.alarms()).isEqualTo(6);
        assertThat(after.technical() - before.technical()).isEqualTo(2);
        assertThat(after.resolvedByPhone() - before.resolvedByPhone()).isEqualTo(3);
        assertThat(after.answered() - before.answered()).isEqualTo(3);
        assertThat(after.answeredWithinTarget() - before.answeredWithinTarget()).isEqualTo(3);
        assertThat(after.technicalClosedByPeople() - before.technicalClosedByPeople())
                .isEqualTo(1);
        assertThat(after.technicalClosedByRules() - before.technicalClosedByRules())
                .isZero();
        assertThat(after.handlingMinutes()).isGreaterThanOrEqualTo(before.handlingMinutes());
        // the economics' split by alarms counts them (all 18 municipalities, a measured zero is a zero)
        var counts = usage.counts(SplitDriver.ALARMS, now, now);
        assertThat(counts).hasSize(18);
        assertThat(counts.get(new Kommunenummer(KOMMUNE)) - alarmsBefore).isEqualTo(8);

        mvc.perform(get("/api/v1/benefits/facts").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suppressBelow").value(5))
                .andExpect(jsonPath(
                        "$.municipalities[?(@.kommunenummer == '" + KOMMUNE + "')].alarms",
                        hasItem(Matchers.greaterThanOrEqualTo(6))));
        mvc.perform(get("/benefits").with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-section=\"region-facts\"")));
    }

    @Test
    void theDemoPlanHasThePromiseAndBadInputIsNamedFieldByField() throws Exception {
        mvc.perform(get("/api/v1/benefits/indicators").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.source == 'RULE_HOURS')].target", hasItem(1483.33)));
        mvc.perform(post("/api/v1/benefits/indicators")
                        .with(httpBasic("analytiker", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"name\": \"\", \"area\": \"WEALTH\", \"unit\": \"h\", \"baseline\": \"x\","
                                + " \"target\": \"10\", \"startMonth\": \"2026-13\", \"targetMonth\": \"2027-01\","
                                + " \"source\": \"RULE_HOURS\", \"owner\": \"9999\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        Matchers.hasItems("name", "area", "baseline", "startMonth", "minutesPerAlarm", "owner")));
        mvc.perform(get("/api/v1/benefits/facts?from=2026-xx").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/benefits/indicators/nope/realisation").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/benefits/facts").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aManualValueIsRecordedWithWhoAndOnlyForTheOwnMunicipality() throws Exception {
        String created = mvc.perform(
                        post("/api/v1/benefits/indicators")
                                .with(httpBasic("analytiker", "varde-demo"))
                                .contentType("application/json")
                                .content(
                                        "{\"name\": \"Unngåtte turer\", \"area\": \"COST_AVOIDED\", \"unit\": \"stk\","
                                                + " \"owner\": \"1813\", \"baseline\": \"0\", \"target\": \"12\","
                                                + " \"startMonth\": \"2026-01\", \"targetMonth\": \"2026-12\", \"source\": \"MANUAL\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String month = facts.currentMonth().toString();
        mvc.perform(post("/api/v1/benefits/indicators/{id}/measurements", id)
                        .with(httpBasic("admin.bronnoy", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"month\": \"" + month + "\", \"kommunenummer\": \"1813\", \"value\": \"7\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.months[-1:].realised", hasItem(7.0)))
                .andExpect(jsonPath("$.months[-1:].entries[0].enteredBy", hasItem("admin.bronnoy")));
        mvc.perform(post("/api/v1/benefits/indicators/{id}/measurements", id)
                        .with(httpBasic("admin.bronnoy", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"month\": \"" + month + "\", \"kommunenummer\": \"1833\", \"value\": \"7\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/benefits/indicators/{id}/realisation", id).with(httpBasic("analytiker", "varde-demo")))
                .andExpect(jsonPath("$.months", hasSize(Matchers.greaterThan(0))));
        mvc.perform(get("/benefits/indicators/{id}", id).with(user(users.loadUserByUsername("analytiker"))))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("admin.bronnoy")));
    }

    private java.util.Map<String, Long> types(YearMonth month) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        facts.byType(month, month).stream()
                .filter(t -> t.kommunenummer().equals(KOMMUNE))
                .forEach(t -> counts.merge(String.valueOf(t.alertCode()), t.alarms(), Long::sum));
        return counts;
    }

    private MonthFacts current(YearMonth month) {
        return facts.facts(month, month).stream()
                .filter(f -> f.kommunenummer().equals(KOMMUNE))
                .findFirst()
                .orElse(MonthFacts.empty(KOMMUNE, month));
    }

    private String receive(String code, int offset) throws Exception {
        String body = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content(event(uniqueEventId(), code, safetyAlarmController(jdbc, KOMMUNE, offset))))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.alarmId");
    }

    private ResultActions act(String id, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/alarms/" + id + "/" + action)
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType("application/json")
                        .content(json))
                .andExpect(status().isOk());
    }
}
