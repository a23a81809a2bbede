package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * Maintenance windows on real PostgreSQL: events in a window are recorded, technical alarms are closed by the window's
 * rule and lost contact is not raised (and after the window the silence counts from its end), while an alarm that
 * needs a person reaches the operator as always. Windows here name this test's own fresh devices only, so no other
 * test's devices fall silent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MaintenanceWindowIntegrationTests {

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

    @Autowired
    SilentTriggers silentTriggers;

    FleetTestSupport fleet;

    @BeforeEach
    void support() {
        fleet = new FleetTestSupport(mvc, jdbc);
    }

    @Test
    void aTechnicalAlarmInAWindowIsClosedByTheWindowsRuleAndAButtonAlarmStillReachesTheOperator() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        Instant now = clock.instant();
        long window = create("sysadmin", devices(device, "1813", now.minusSeconds(60), now.plus(Duration.ofHours(1))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .transform(body -> ((Number) JsonPath.read(body, "$.window.id")).longValue());

        String button = fleet.send(device, "BUTTON_PRESSED");
        String battery = fleet.send(device, "BATTERY_LOW");
        awaitTimeline(
                battery,
                entry -> entry.startsWith("CLOSED_BY_RULE|system:fleet:maintenance-window:" + window + "|")
                        && entry.contains("Vedlikeholdsvindu #" + window));
        assertThat(fleet.state(battery)).isEqualTo("CLOSED|TECHNICAL_HANDLED");
        assertThat(fleet.timeline(battery))
                .as("the window decided; no other rule did")
                .noneMatch(entry -> entry.contains("fleet-rule:"));

        assertThat(fleet.state(button)).isEqualTo("RECEIVED|-");
        assertThat(fleet.timeline(button)).noneMatch(entry -> entry.contains("maintenance-window"));
        String humanQueue = mvc.perform(get("/api/v1/alarms?state=RECEIVED&category=ALARM&limit=1000")
                        .with(httpBasic("operator", FleetTestSupport.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(humanQueue).as("a window never hides a human alarm").contains(button);
    }

    @Test
    void lostContactIsNotRaisedInAWindowAndAfterItTheSilenceCountsFromItsEnd() throws Exception {
        Device device = fleet.newDevice("FALL_SENSOR");
        fleet.setClass(device, "SECONDS_90");
        fleet.send(device, "HEARTBEAT");
        Instant heard = fleet.lastHeard(device.id());
        Instant end = heard.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        create("sysadmin", devices(device, null, heard.minusSeconds(60), end)).andExpect(status().isCreated());

        supervision.check(heard.plus(Duration.ofMinutes(5)));
        supervision.check(end.minusSeconds(1));
        assertThat(fleet.lostContactAlarms(device))
                .as("silent in the window: nothing raised")
                .isEmpty();
        supervision.check(end.plusSeconds(100));
        assertThat(fleet.lostContactAlarms(device))
                .as("after the window it has its whole interval + grace (120 s) from the window's end")
                .isEmpty();
        supervision.check(end.plusSeconds(130));
        assertThat(fleet.lostContactAlarms(device)).containsExactly("RECEIVED|TECHNICAL|-");
    }

    @Test
    void aPersonalTriggerInAWindowIsNotRaisedAsSilentUntilItsWholeSilenceHasPassedAfterTheWindow() throws Exception {
        Device base = fleet.newBase();
        FleetTestSupport.SubDevice pendant = fleet.newPendant(base, "SAFETY_ALARM", "8");
        fleet.send(pendant, "TEST");
        Instant heard = fleet.lastHeard(pendant.id());
        Instant end = heard.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        create(
                        "sysadmin",
                        body(
                                null,
                                null,
                                null,
                                "[\"" + pendant.id() + "\"]",
                                heard.minusSeconds(60),
                                end,
                                "fleet test: bytte av alarmknapp"))
                .andExpect(status().isCreated());

        silentTriggers.check(heard.plus(Duration.ofHours(25)));
        assertThat(fleet.alarms(pendant.id(), "FLEET", "SAFETY_RISK"))
                .as("24 h since the last test, but less than 24 h since the window ended")
                .isEmpty();
        silentTriggers.check(end.plus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(fleet.alarms(pendant.id(), "FLEET", "SAFETY_RISK")).containsExactly("RECEIVED|ALARM|-");
    }

    @Test
    void aMunicipalAdministratorPlansAndEndsWindowsForTheirOwnMunicipalityOnly() throws Exception {
        Device own = fleet.newDevice("SAFETY_ALARM", "1813");
        Device other = fleet.newDevice("SAFETY_ALARM", "1820");
        Instant now = clock.instant();
        Instant later = now.plus(Duration.ofHours(2));
        String reason = "role test " + UUID.randomUUID();

        create("admin.bronnoy", body("1820", null, null, null, now, later, reason))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kommunenummer"));
        create("admin.bronnoy", body(null, "Fleettest", null, null, now, later, reason))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kommunenummer"));
        create("admin.bronnoy", body("1813", null, null, "[\"" + other.id() + "\"]", now, later, reason))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deviceIds"));
        create("operator", body("1813", null, null, "[\"" + own.id() + "\"]", now, later, reason))
                .andExpect(status().isForbidden());
        assertThat(windowsWith(reason)).as("nothing written").isZero();

        long window = create("admin.bronnoy", body("1813", null, null, "[\"" + own.id() + "\"]", now, later, reason))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.window.kommunenummer").value("1813"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .transform(json -> ((Number) JsonPath.read(json, "$.window.id")).longValue());
        assertThat(audited("maintenance window #" + window + " ")).isEqualTo(1);

        mvc.perform(post("/api/v1/fleet/maintenance-windows/" + window + "/end")
                        .with(httpBasic("admin.bronnoy", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PAST"))
                .andExpect(jsonPath("$.window.endedBy").value("admin.bronnoy"));
        mvc.perform(post("/api/v1/fleet/maintenance-windows/" + window + "/end")
                        .with(httpBasic("admin.bronnoy", FleetTestSupport.PASSWORD)))
                .andExpect(status().isConflict());
        assertThat(audited("maintenance window ended early #" + window + " ")).isEqualTo(1);

        // another municipality's window: Brønnøy's administrator neither sees nor ends it
        long others = create("sysadmin", body("1820", null, null, "[\"" + other.id() + "\"]", now, later, reason))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .transform(json -> ((Number) JsonPath.read(json, "$.window.id")).longValue());
        mvc.perform(get("/api/v1/fleet/maintenance-windows/" + others)
                        .with(httpBasic("admin.bronnoy", FleetTestSupport.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/fleet/maintenance-windows/" + others + "/end")
                        .with(httpBasic("admin.bronnoy", FleetTestSupport.PASSWORD)))
                .andExpect(status().isNotFound());
        String listed = mvc.perform(get("/api/v1/fleet/maintenance-windows")
                        .with(httpBasic("admin.bronnoy", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed).contains("\"id\":" + window + ",").doesNotContain("\"id\":" + others + ",");
        mvc.perform(post("/api/v1/fleet/maintenance-windows/" + others + "/end")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void badWindowsAreProblemsNamingTheField() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        Instant now = clock.instant();
        String reason = "validation " + UUID.randomUUID();
        String ids = "[\"" + device.id() + "\"]";
        create("sysadmin", body(null, null, null, ids, now.plusSeconds(3600), now.plusSeconds(60), reason))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endsAt"))
                .andExpect(jsonPath("$.errors[0].message").value("must be after startsAt"));
        create("sysadmin", body(null, null, null, ids, now.minusSeconds(7200), now.minusSeconds(3600), reason))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endsAt"));
        create("sysadmin", body(null, null, null, ids, now, now.plus(Duration.ofDays(40)), reason))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("endsAt"));
        create("sysadmin", body(null, null, null, null, now, now.plusSeconds(3600), reason))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deviceIds"));
        create("sysadmin", body(null, null, "TOASTER", ids, now, now.plusSeconds(3600), reason))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deviceType"));
        create("sysadmin", body(null, null, null, ids, now, now.plusSeconds(3600), " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        assertThat(windowsWith(reason)).isZero();
    }

    @Test
    void theMaintenancePageListsCreatesAndEndsWindowsInBokmalAndEnglish() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        String reason = "page " + UUID.randomUUID();
        LocalDateTime local =
                LocalDateTime.now(clock.withZone(ZoneId.of("Europe/Oslo"))).withNano(0);
        mvc.perform(post("/fleet/maintenance")
                        .with(user(users.loadUserByUsername("admin.bronnoy")))
                        .with(csrf())
                        .param("kommunenummer", "1813")
                        .param("deviceIds", device.id().toString())
                        .param("startsAt", local.minusMinutes(5).toString())
                        .param("endsAt", local.plusHours(3).toString())
                        .param("reason", reason))
                .andExpect(status().is3xxRedirection());
        long window = jdbc.sql("select id from fleet_maintenance_window where reason = ?")
                .param(reason)
                .query(Long.class)
                .single();
        String page = mvc.perform(get("/fleet/maintenance").with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Vedlikeholdsvinduer", "Pågår nå", reason, "/fleet/maintenance/" + window + "/end");
        String english = mvc.perform(
                        get("/fleet/maintenance?lang=en").with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("Maintenance windows", "End now");

        mvc.perform(post("/fleet/maintenance/" + window + "/end")
                        .with(user(users.loadUserByUsername("admin.bronnoy")))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select ended_by from fleet_maintenance_window where id = ?")
                        .param(window)
                        .query(String.class)
                        .single())
                .isEqualTo("admin.bronnoy");
        mvc.perform(get("/fleet/maintenance").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isForbidden());
    }

    private ResultActions create(String user, String json) throws Exception {
        return mvc.perform(post("/api/v1/fleet/maintenance-windows")
                .with(httpBasic(user, FleetTestSupport.PASSWORD))
                .contentType("application/json")
                .content(json));
    }

    private static String devices(Device device, String kommunenummer, Instant starts, Instant ends) {
        return body(
                kommunenummer, null, null, "[\"" + device.id() + "\"]", starts, ends, "fleet test: bytte av sentral");
    }

    private static String body(
            String kommunenummer,
            String vendor,
            String deviceType,
            String deviceIds,
            Instant starts,
            Instant ends,
            String reason) {
        return "{\"kommunenummer\": " + quoted(kommunenummer) + ", \"vendor\": " + quoted(vendor)
                + ", \"deviceType\": " + quoted(deviceType) + ", \"deviceIds\": " + deviceIds + ", \"startsAt\": "
                + quoted(starts.toString()) + ", \"endsAt\": " + quoted(ends.toString()) + ", \"reason\": "
                + quoted(reason) + "}";
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private long windowsWith(String reason) {
        return jdbc.sql("select count(*) from fleet_maintenance_window where reason = ?")
                .param(reason)
                .query(Long.class)
                .single();
    }

    private long audited(String what) {
        return jdbc.sql("select count(*) from audit_event where what like ?")
                .param(what + "%")
                .query(Long.class)
                .single();
    }

    private void awaitTimeline(String alarm, Predicate<String> entry) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(fleet.timeline(alarm)).anyMatch(entry));
    }
}
