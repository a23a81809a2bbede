package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import no.varde.fleet.FleetTestSupport.Device;
import no.varde.registry.AccessScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Supervision on real PostgreSQL with devices made and heard through the real paths. Time is driven by explicit
 * {@code check(now)} calls, never by sleeping; only these tests' own fresh devices get a short class.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FleetSupervisionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Supervision supervision;

    @Autowired
    FleetProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    DeviceSupervisions supervisions;

    FleetTestSupport fleet;

    @BeforeEach
    void support() {
        fleet = new FleetTestSupport(mvc, jdbc);
    }

    @Test
    void aSilentDeviceRaisesOneLostContactAlarmAndReportingAgainClosesItByRule() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        fleet.setClass(device, "SECONDS_90");
        // never heard: not supervised, whatever its class
        supervisionOf(device)
                .andExpect(jsonPath("$.supervised").value(false))
                .andExpect(jsonPath("$.supervisionClass").value("SECONDS_90"))
                .andExpect(jsonPath("$.classSource").value("DEVICE"));

        assertThat(fleet.send(device, "HEARTBEAT")).isNull();
        Instant heard = lastHeard(device);
        String supervised = supervisionOf(device)
                .andExpect(jsonPath("$.supervised").value(true))
                .andExpect(jsonPath("$.lastHeardSource").value("HTTP"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Instant.parse(JsonPath.read(supervised, "$.lostContactAfter")))
                .as("90 s interval + 30 s grace")
                .isEqualTo(heard.plusSeconds(120));

        supervision.check(heard.plusSeconds(100));
        assertThat(fleet.lostContactAlarms(device))
                .as("within interval + grace")
                .isEmpty();

        supervision.check(heard.plusSeconds(180));
        supervision.check(heard.plusSeconds(240));
        supervision.check(heard.plusSeconds(900));
        assertThat(fleet.lostContactAlarms(device))
                .as("raised once, however many passes see the silence")
                .containsExactly("RECEIVED|TECHNICAL|-");
        UUID lost = fleet.onlyLostContactAlarm(device);
        supervisionOf(device).andExpect(jsonPath("$.lostContactAlarm").value(lost.toString()));
        assertThat(fleet.timeline(lost.toString()))
                .anyMatch(entry -> entry.startsWith("NOTE|system:fleet:lost-contact|Reist av tilsynet"));

        fleet.send(device, "HEARTBEAT");
        supervision.check(clock.instant());
        assertThat(fleet.lostContactAlarms(device)).containsExactly("CLOSED|TECHNICAL|TECHNICAL_HANDLED");
        assertThat(fleet.timeline(lost.toString()))
                .last()
                .satisfies(entry -> assertThat(entry)
                        .startsWith("CLOSED_BY_RULE|system:fleet:lost-contact-restored|")
                        .contains("fleet:lost-contact-restored"));
        supervisionOf(device).andExpect(jsonPath("$.lostContactAlarm").isEmpty());

        // a new silence is a new lost contact
        supervision.check(lastHeard(device).plusSeconds(180));
        assertThat(fleet.lostContactAlarms(device))
                .containsExactly("CLOSED|TECHNICAL|TECHNICAL_HANDLED", "RECEIVED|TECHNICAL|-");
    }

    @Test
    void anAlarmFromTheDeviceCountsAsHearingFromItAndLostContactStaysOutOfTheHumanQueue() throws Exception {
        Device device = fleet.newDevice("FALL_SENSOR");
        fleet.setClass(device, "SECONDS_90");
        fleet.send(device, "HEARTBEAT");
        supervision.check(lastHeard(device).plusSeconds(200));
        UUID lost = fleet.onlyLostContactAlarm(device);

        String humanQueue = mvc.perform(get("/api/v1/alarms?state=RECEIVED&category=ALARM&limit=1000")
                        .with(httpBasic("operator", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(humanQueue).doesNotContain(lost.toString());

        String fall = fleet.send(device, "FALL");
        // reception records the device's last alarm in the alarm's own commit
        assertThat(jdbc.sql("select last_alarm_at is not null from device where id = ?")
                        .param(device.id().value())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        supervision.check(clock.instant());
        assertThat(fleet.lostContactAlarms(device)).containsExactly("CLOSED|TECHNICAL|TECHNICAL_HANDLED");
        assertThat(fleet.state(fall)).as("the human alarm is untouched").isEqualTo("RECEIVED|-");
    }

    @Test
    void aDeviceTypeClassAppliesUnlessTheDeviceHasItsOwnAndOnlyAdministratorsSetThem() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        fleet.send(device, "HEARTBEAT");
        supervisionOf(device)
                .andExpect(jsonPath("$.supervisionClass").value("HOURS_25"))
                .andExpect(jsonPath("$.classSource").value("DEVICE_TYPE"))
                .andExpect(jsonPath("$.supervised").value(true));
        mvc.perform(put("/api/v1/fleet/devices/" + device.id() + "/supervision")
                        .with(httpBasic("operator", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content("{\"supervisionClass\": \"SECONDS_90\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/fleet/devices/" + device.id() + "/supervision")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                        .contentType("application/json")
                        .content("{\"supervisionClass\": \"EVERY_DAY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("supervisionClass"));
        fleet.setClass(device, "MINUTES_30");
        supervisionOf(device).andExpect(jsonPath("$.classSource").value("DEVICE"));
        fleet.setClass(device, "");
        supervisionOf(device).andExpect(jsonPath("$.classSource").value("DEVICE_TYPE"));
    }

    @Test
    void theClassTableHoldsExactlyTheClassesWithTheirIntervalsAndGrace() {
        assertThat(jdbc.sql("select name || '|' || interval_s || '|' || grace_s from fleet_supervision_class")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(SupervisionClass.values())
                        .map(c -> c.name() + "|" + c.interval().toSeconds() + "|"
                                + c.grace().toSeconds())
                        .toList());
    }

    @Test
    void theProtocolsClassAppliesToDevicesHeardThroughItUnlessTheDeviceHasItsOwn() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        fleet.send(device, "HEARTBEAT");
        Instant heard = lastHeard(device);
        // as configured in production: HTTP heartbeats every 3 minutes (the test profile configures no protocol)
        FleetProperties httpEvery3Minutes = new FleetProperties(
                true,
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                SupervisionClass.MINUTES_30,
                null,
                SupervisionClass.MINUTES_3);
        DeviceSupervision status = supervisions
                .status(AccessScope.all(), device.id(), httpEvery3Minutes)
                .orElseThrow();
        assertThat(status.supervisionClass()).isEqualTo(SupervisionClass.MINUTES_3);
        assertThat(status.classSource()).isEqualTo("PROTOCOL");
        assertThat(supervisions.silent(heard.plusSeconds(250), httpEvery3Minutes, 100000))
                .extracting(DeviceSupervisions.Silent::id)
                .contains(device.id());
        assertThat(supervisions.silent(heard.plusSeconds(230), httpEvery3Minutes, 100000))
                .extracting(DeviceSupervisions.Silent::id)
                .doesNotContain(device.id());

        fleet.setClass(device, "MINUTES_30");
        status = supervisions
                .status(AccessScope.all(), device.id(), httpEvery3Minutes)
                .orElseThrow();
        assertThat(status.supervisionClass()).isEqualTo(SupervisionClass.MINUTES_30);
        assertThat(status.classSource()).isEqualTo("DEVICE");
        assertThat(supervisions.silent(heard.plusSeconds(250), httpEvery3Minutes, 100000))
                .extracting(DeviceSupervisions.Silent::id)
                .doesNotContain(device.id());
    }

    @Test
    void whenTheSupervisingNodeStopsAnotherTakesOverAndSupervises() throws Exception {
        Device device = fleet.newDevice("SAFETY_ALARM");
        fleet.setClass(device, "SECONDS_90");
        fleet.send(device, "HEARTBEAT");
        Instant heard = lastHeard(device);
        String lease = "test-" + UUID.randomUUID();
        SupervisionJob nodeA = new SupervisionJob(
                supervision, new SupervisionLease(jdbc, lease, "node-a", Duration.ofSeconds(60)), properties, clock);
        SupervisionJob nodeB = new SupervisionJob(
                supervision, new SupervisionLease(jdbc, lease, "node-b", Duration.ofSeconds(60)), properties, clock);

        assertThat(nodeA.runOnce(heard.plusSeconds(10))).isPresent();
        assertThat(nodeB.runOnce(heard.plusSeconds(20))).as("A holds the lease").isEmpty();
        assertThat(nodeA.runOnce(heard.plusSeconds(40))).as("A renews").isPresent();
        assertThat(nodeB.runOnce(heard.plusSeconds(95)))
                .as("A's renewed lease lasts until +100 s")
                .isEmpty();
        assertThat(fleet.lostContactAlarms(device)).isEmpty();

        // node A stops: no more renewals. Once its lease expires, B takes over and raises the lost contact.
        assertThat(nodeB.runOnce(heard.plusSeconds(180))).isPresent();
        assertThat(fleet.lostContactAlarms(device)).containsExactly("RECEIVED|TECHNICAL|-");
        SupervisionStatus status = nodeB.status(heard.plusSeconds(181));
        assertThat(status.lease().holder()).isEqualTo("node-b");
        assertThat(status.lease().lastPassBy()).isEqualTo("node-b");
        assertThat(status.running()).isTrue();
        assertThat(nodeA.runOnce(heard.plusSeconds(190)))
                .as("A, back, finds B supervising")
                .isEmpty();

        // nobody passes any more: any node sees supervision itself has stopped
        assertThat(nodeA.status(heard.plusSeconds(180)
                                .plus(properties.staleAfter())
                                .plusSeconds(1))
                        .running())
                .isFalse();
    }

    private org.springframework.test.web.servlet.ResultActions supervisionOf(Device device) throws Exception {
        return mvc.perform(get("/api/v1/fleet/devices/" + device.id() + "/supervision")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk());
    }

    private Instant lastHeard(Device device) throws Exception {
        String body = supervisionOf(device).andReturn().getResponse().getContentAsString();
        return Instant.parse(JsonPath.read(body, "$.lastHeardAt"));
    }
}
