package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.fleet.FleetTestSupport.Device;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The fleet dashboard on real PostgreSQL. Each test makes its own municipality (a fresh kommunenummer), so the
 * counts are exact even on a database other tests share; devices report through HTTP ingest and rules act as in
 * production.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FleetDashboardIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FleetDashboard dashboard;

    @Autowired
    UserDetailsService users;

    FleetTestSupport fleet;

    @BeforeEach
    void support() {
        fleet = new FleetTestSupport(mvc, jdbc);
    }

    @Test
    void countsDevicesSilenceBatteriesAndTechnicalAlarmsClosedWithoutAPerson() throws Exception {
        String kommune = freshMunicipality();
        Device alarm = fleet.newDevice("SAFETY_ALARM", kommune);
        Device fall = fleet.newDevice("FALL_SENSOR", kommune);
        fleet.setClass(alarm, "SECONDS_90");
        fleet.setClass(fall, "SECONDS_90");
        inStock(kommune);

        send(alarm, "HEARTBEAT", 15);
        send(fall, "HEARTBEAT", 80);
        // battery low from the fall sensor itself (an alarm event carrying its level), then battery OK: the
        // auto-close rule closes the battery alarm without a person
        String batteryLow = send(fall, "BATTERY_LOW", 12);
        send(fall, "BATTERY_OK", null);
        // power failure waits for its restore: still open
        String power = send(alarm, "POWER_LOSS", null);
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(fleet.state(batteryLow)).isEqualTo("CLOSED|TECHNICAL_HANDLED"));
        assertThat(fleet.state(power)).startsWith("RECEIVED");

        VardeUser admin = admin(kommune);
        Instant now = Instant.now();
        FleetDashboard.Overview fresh = dashboard.overview(admin, null, now, Duration.ofDays(30));
        assertThat(fresh.municipalities()).singleElement().satisfies(m -> {
            assertThat(m.kommunenummer()).isEqualTo(kommune);
            assertThat(m.active()).isEqualTo(2);
            assertThat(m.inStock()).isEqualTo(1);
            assertThat(m.supervised()).isEqualTo(2);
            assertThat(m.silent()).as("both heard just now").isZero();
            assertThat(m.lowBattery())
                    .as("15 %% from a heartbeat, 12 %% from an alarm")
                    .isEqualTo(2);
            assertThat(m.technical()).isEqualTo(2);
            assertThat(m.closedWithoutHuman()).isEqualTo(1);
            assertThat(m.closedByPeople()).isZero();
            assertThat(m.technicalOpen()).isEqualTo(1);
            assertThat(m.shareClosedWithoutHuman()).isEqualTo(1.0);
        });
        assertThat(fresh.total().active()).isEqualTo(2);
        assertThat(fresh.lowBattery())
                .extracting(FleetDashboard.BatteryDevice::id, FleetDashboard.BatteryDevice::batteryPercent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(fall.id(), 12),
                        org.assertj.core.groups.Tuple.tuple(alarm.id(), 15));
        assertThat(fresh.silentDevices()).isEmpty();

        // five minutes on, both are past 90 s + 30 s grace: silent, not yet raised (no pass has run for them)
        FleetDashboard.Overview later = dashboard.overview(admin, null, now.plusSeconds(300), Duration.ofDays(30));
        assertThat(later.total().silent()).isEqualTo(2);
        assertThat(later.silentDevices())
                .extracting(FleetDashboard.SilentDevice::id)
                .containsExactlyInAnyOrder(alarm.id(), fall.id());
        assertThat(later.silentDevices()).allSatisfy(d -> {
            assertThat(d.supervisionClass()).isEqualTo(SupervisionClass.SECONDS_90);
            assertThat(d.lostContactAlarm()).isNull();
        });

        // the battery OK later from the fall sensor replaces its level
        send(fall, "HEARTBEAT", 95);
        assertThat(dashboard
                        .overview(admin, null, Instant.now(), Duration.ofDays(30))
                        .lowBattery())
                .extracting(FleetDashboard.BatteryDevice::id)
                .containsExactly(alarm.id());
    }

    @Test
    void needToKnowByMunicipalityAndAnalystsGetCountsOnly() throws Exception {
        String kommune = freshMunicipality();
        Device device = fleet.newDevice("SAFETY_ALARM", kommune);
        send(device, "HEARTBEAT", 5);

        // another municipality's administrator sees only their own and may not ask for this one
        assertThat(dashboard
                        .overview(admin("1813"), null, Instant.now(), Duration.ofDays(1))
                        .municipalities())
                .extracting(FleetDashboard.Figures::kommunenummer)
                .containsExactly("1813");
        assertThat(dashboard
                        .overview(admin("1813"), null, Instant.now(), Duration.ofDays(1))
                        .lowBattery())
                .extracting(FleetDashboard.BatteryDevice::id)
                .doesNotContain(device.id());
        assertThatThrownBy(() -> dashboard.overview(
                        admin("1813"), new Kommunenummer(kommune), Instant.now(), Duration.ofDays(1)))
                .isInstanceOf(FleetDashboard.NotInScope.class);
        mvc.perform(get("/api/v1/fleet/dashboard")
                        .param("kommunenummer", kommune)
                        .with(httpBasic("admin.bronnoy", FleetTestSupport.PASSWORD)))
                .andExpect(status().isForbidden());

        // the system administrator narrows to it
        mvc.perform(get("/api/v1/fleet/dashboard")
                        .param("kommunenummer", kommune)
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalities.length()").value(1))
                .andExpect(jsonPath("$.municipalities[0].kommunenummer").value(kommune))
                .andExpect(jsonPath("$.municipalities[0].lowBattery").value(1))
                .andExpect(jsonPath("$.lowBattery[0].id").value(device.id().toString()))
                .andExpect(jsonPath("$.lists").value(true));

        // the regional analyst: counts of the whole region, no device lists
        String body = mvc.perform(
                        get("/api/v1/fleet/dashboard").with(httpBasic("analytiker", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lists").value(false))
                .andExpect(jsonPath("$.lowBattery.length()").value(0))
                .andExpect(jsonPath("$.silentDevices.length()").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((java.util.List<String>) JsonPath.read(body, "$.municipalities[*].kommunenummer"))
                .contains("1813", "1833", kommune);

        // home care has no business here
        mvc.perform(get("/fleet").with(user(users.loadUserByUsername("hjemme.rana"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/fleet/dashboard")
                        .param("days", "0")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("days"));
        mvc.perform(get("/api/v1/fleet/dashboard")
                        .param("kommunenummer", "18x3")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kommunenummer"));
    }

    @Test
    void thePageShowsTheFiguresInNorwegianAndEnglish() throws Exception {
        String kommune = freshMunicipality();
        Device device = fleet.newDevice("SAFETY_ALARM", kommune);
        send(device, "HEARTBEAT", 9);
        mvc.perform(get("/fleet").param("kommunenummer", kommune).with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Utstyrsoversikt")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Lavt batteri")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(device.id().toString())))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("9 %")));
        mvc.perform(get("/fleet")
                        .param("kommunenummer", kommune)
                        .param("lang", "en")
                        .with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Fleet overview")));
    }

    /** A municipality nobody else uses, made by the system administrator through the registry API. */
    private String freshMunicipality() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            String kommune = String.valueOf(ThreadLocalRandom.current().nextInt(9100, 9990));
            boolean taken = jdbc.sql("select count(*) from municipality where kommunenummer = ?")
                            .param(kommune)
                            .query(Integer.class)
                            .single()
                    > 0;
            if (!taken) {
                mvc.perform(put("/api/v1/municipalities/" + kommune)
                                .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                                .contentType("application/json")
                                .content("{\"name\": \"Flåtekommune " + kommune + "\", \"population\": 1000}"))
                        .andExpect(status().isOk());
                return kommune;
            }
        }
        throw new IllegalStateException("no free kommunenummer");
    }

    private void inStock(String kommune) throws Exception {
        mvc.perform(post("/api/v1/devices")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content("""
                                {"kommunenummer": "%s", "type": "SAFETY_ALARM", "vendor": "Fleettest", "model": "Lager",
                                 "serialNumber": "LAGER-%s", "status": "IN_STOCK"}
                                """.formatted(kommune, UUID.randomUUID())))
                .andExpect(status().isCreated());
    }

    private static VardeUser admin(String kommune) {
        return new VardeUser(
                UUID.randomUUID(),
                "dash-admin-" + kommune,
                "Admin",
                Role.MUNICIPAL_ADMIN,
                new Kommunenummer(kommune),
                null);
    }

    private @Nullable String send(Device device, String code, @Nullable Integer battery) throws Exception {
        return fleet.send(device, code, battery);
    }
}
