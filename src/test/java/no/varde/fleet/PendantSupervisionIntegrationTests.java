package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.fleet.FleetTestSupport.Device;
import no.varde.fleet.FleetTestSupport.SubDevice;
import no.varde.ingest.scaip.ScaipReceiver;
import no.varde.ingest.scaip.Sipp;
import no.varde.registry.AccessScope;
import no.varde.registry.DeviceId;
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
 * Pendants and detectors supervised through their base unit: registered as their own devices linked to the base,
 * heard when the base's radio test names them (SCAIP {@code 0102}/{@code 0103} with their did), never by the base's
 * own heartbeats; a radio test missing ({@code 0123}) goes to its rule; a personal trigger silent past its rule's
 * 24 h is raised to the operator as a safety risk, once per silence. Real SCAIP over SIPp where it matters; time is
 * driven by explicit {@code now} calls.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PendantSupervisionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Supervision supervision;

    @Autowired
    SilentTriggers silentTriggers;

    @Autowired
    ScaipReceiver receiver;

    @Autowired
    DeviceSupervisions supervisions;

    @Autowired
    UserDetailsService users;

    FleetTestSupport fleet;

    @BeforeEach
    void support() {
        fleet = new FleetTestSupport(mvc, jdbc);
    }

    @Test
    void aPendantRegisteredUnderItsBaseIsHeardOverScaipOnlyWhenTheBasesRadioTestNamesIt() throws Exception {
        Device base = fleet.newBase();
        SubDevice pendant = fleet.newPendant(base, "SAFETY_ALARM", "2");
        mvc.perform(get("/api/v1/devices/" + pendant.id()).with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andExpect(jsonPath("$.baseDeviceId").value(base.id().toString()))
                .andExpect(jsonPath("$.scaipControllerId").value(base.cid()))
                .andExpect(jsonPath("$.scaipDeviceId").value("2"));
        supervisionOf(pendant.id())
                .andExpect(jsonPath("$.supervised").value(false))
                .andExpect(jsonPath("$.supervisionClass").value("HOURS_25"))
                .andExpect(jsonPath("$.classSource").value("BASE_RADIO_TEST"));

        Sipp.Run heartbeat = Sipp.run(
                "scaip-device-heartbeat",
                "u1",
                receiver.port(),
                Map.of("cid", base.cid(), "cidtext", base.cid(), "ref", ref()));
        assertThat(heartbeat.exitCode()).as(heartbeat.errors()).isZero();
        supervisionOf(base.id())
                .andExpect(jsonPath("$.supervised").value(true))
                .andExpect(jsonPath("$.scaipHbi").value("3"));
        // the base's class follows the hbi code it was told (the test profile assigns "3"), not one per protocol
        DeviceSupervision told3 = supervisions
                .status(AccessScope.all(), base.id(), hbiClasses(Map.of("3", SupervisionClass.MINUTES_3)))
                .orElseThrow();
        assertThat(told3.supervisionClass()).isEqualTo(SupervisionClass.MINUTES_3);
        assertThat(told3.classSource()).isEqualTo("PROTOCOL");
        DeviceSupervision notTold = supervisions
                .status(AccessScope.all(), base.id(), hbiClasses(Map.of("10", SupervisionClass.MINUTES_30)))
                .orElseThrow();
        assertThat(notTold.supervisionClass()).isEqualTo(SupervisionClass.HOURS_25);
        assertThat(notTold.classSource()).isEqualTo("DEVICE_TYPE");
        // the base's heartbeat is not the pendant's
        supervisionOf(pendant.id())
                .andExpect(jsonPath("$.lastHeardAt").isEmpty())
                .andExpect(jsonPath("$.supervised").value(false));

        Sipp.Run radioTest = Sipp.run(
                "scaip-base-subdevice",
                "u1",
                receiver.port(),
                Map.of("cid", base.cid(), "ref", ref(), "dty", "3", "did", "2", "stc", "102"));
        assertThat(radioTest.exitCode()).as(radioTest.errors()).isZero();
        assertThat(radioTest.log()).contains("mrs snu=0");
        supervisionOf(pendant.id())
                .andExpect(jsonPath("$.supervised").value(true))
                .andExpect(jsonPath("$.lastHeardSource").value("SCAIP"))
                .andExpect(jsonPath("$.lastTestAt").isNotEmpty())
                .andExpect(jsonPath("$.classSource").value("BASE_RADIO_TEST"));
        assertThat(jdbc.sql("select count(*) from alarm where device_id = ?")
                        .param(pendant.id().value())
                        .query(Long.class)
                        .single())
                .as("a radio test is supervision, never an alarm")
                .isZero();
    }

    @Test
    void aPendantLosesContactWhenTheBasesTestsStopNamingItWhileTheBaseHeartbeatsContinue() throws Exception {
        Device base = fleet.newBase();
        SubDevice pendant = fleet.newPendant(base, "SAFETY_ALARM", "7");
        // a short class for this test's own pendant only; the base keeps the 25 h of its type
        fleet.setClass(pendant.id(), "SECONDS_90");
        fleet.send(pendant, "TEST");
        Instant tested = fleet.lastHeard(pendant.id());
        fleet.heartbeatOfBase(base);
        fleet.heartbeatOfBase(base);
        assertThat(fleet.lastHeard(pendant.id()))
                .as("heartbeats of the base move the base only")
                .isEqualTo(tested);
        assertThat(fleet.lastHeard(base.id())).isAfterOrEqualTo(tested);

        supervision.check(tested.plusSeconds(200));
        assertThat(fleet.alarms(pendant.id(), "FLEET", "LOST_CONTACT")).containsExactly("RECEIVED|TECHNICAL|-");
        assertThat(fleet.alarms(base.id(), "FLEET", "LOST_CONTACT")).isEmpty();

        // the base's next radio test names the pendant again: contact restored, closed by rule
        fleet.send(pendant, "TEST");
        supervision.check(fleet.lastHeard(pendant.id()).plusSeconds(5));
        assertThat(fleet.alarms(pendant.id(), "FLEET", "LOST_CONTACT"))
                .containsExactly("CLOSED|TECHNICAL|TECHNICAL_HANDLED");
    }

    @Test
    void aRadioTestMissingFromTheBaseIsTheSubDevicesTechnicalAlarmAndItsRuleRaisesASafetyRisk() throws Exception {
        Device base = fleet.newBase();
        SubDevice pendant = fleet.newPendant(base, "SAFETY_ALARM", "3");
        String ref = ref();
        Sipp.Run missing = Sipp.run(
                "scaip-base-subdevice",
                "u1",
                receiver.port(),
                Map.of("cid", base.cid(), "ref", ref, "dty", "0003", "did", "3", "stc", "0123"));
        assertThat(missing.exitCode()).as(missing.errors()).isZero();

        UUID technical = jdbc.sql("select id from alarm where device_id = ? and source = 'SCAIP'"
                        + " and source_code = '0003:0123' and category = 'TECHNICAL'")
                .param(pendant.id().value())
                .query(UUID.class)
                .single();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(fleet.alarms(pendant.id(), "FLEET", "SAFETY_RISK"))
                        .containsExactly("RECEIVED|ALARM|-"));
        assertThat(fleet.timeline(technical.toString()))
                .anyMatch(entry -> entry.contains(":RAISE_TO_OPERATOR|") && entry.contains("operatørkøen"));
        assertThat(jdbc.sql("select count(*) from alarm where device_id = ? and source = 'SCAIP'")
                        .param(base.id().value())
                        .query(Long.class)
                        .single())
                .as("the base's message about its pendant is the pendant's alarm")
                .isZero();
    }

    @Test
    void aPersonalTriggerNotHeardFor24HoursRaisesOneSafetyRiskPerSilence() throws Exception {
        Device base = fleet.newBase();
        SubDevice pendant = fleet.newPendant(base, "SAFETY_ALARM", "4");
        fleet.send(pendant, "TEST");
        fleet.heartbeatOfBase(base);
        Instant heard = fleet.lastHeard(pendant.id());

        silentTriggers.check(heard.plus(Duration.ofHours(23)));
        assertThat(fleet.alarms(pendant.id(), "FLEET", "SAFETY_RISK")).isEmpty();

        silentTriggers.check(heard.plus(Duration.ofHours(24)).plusSeconds(60));
        silentTriggers.check(heard.plus(Duration.ofHours(25)));
        silentTriggers.check(heard.plus(Duration.ofHours(30)));
        assertThat(fleet.alarms(pendant.id(), "FLEET", "SAFETY_RISK"))
                .as("once per silence, whatever the passes")
                .containsExactly("RECEIVED|ALARM|-");
        assertThat(fleet.alarms(base.id(), "FLEET", "SAFETY_RISK"))
                .as("a base unit is no personal trigger")
                .isEmpty();
        String raised = jdbc.sql(
                        "select cast(id as text) from alarm where device_id = ? and source_code = 'SAFETY_RISK'")
                .param(pendant.id().value())
                .query(String.class)
                .single();
        long rule = jdbc.sql(
                        "select id from fleet_rule where kind = 'RAISE_WHEN_SILENT' and device_type = 'SAFETY_ALARM'")
                .query(Long.class)
                .single();
        assertThat(fleet.timeline(raised))
                .anyMatch(entry -> entry.startsWith("NOTE|system:fleet-rule:" + rule + "v")
                        && entry.contains(":RAISE_WHEN_SILENT|")
                        && entry.contains("ikke hørt siden"));
        String humanQueue = mvc.perform(get("/api/v1/alarms?state=RECEIVED&category=ALARM&limit=1000")
                        .with(httpBasic("operator", FleetTestSupport.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(humanQueue).as("in the operator's queue").contains(raised);

        // heard again, then silent again: a new silence, a new safety risk
        fleet.send(pendant, "TEST");
        Instant again = fleet.lastHeard(pendant.id());
        silentTriggers.check(again.plus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(fleet.alarms(pendant.id(), "FLEET", "SAFETY_RISK")).hasSize(2);
    }

    @Test
    void theDevicePageShowsAndKeepsThePendantsBaseUnit() throws Exception {
        Device base = fleet.newBase();
        SubDevice pendant = fleet.newPendant(base, "SAFETY_ALARM", "6");
        String form = mvc.perform(
                        get("/devices/" + pendant.id() + "/edit").with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("name=\"draft.baseDeviceId\"", "value=\"" + base.id() + "\"");
        mvc.perform(post("/devices")
                        .with(user(users.loadUserByUsername("sysadmin")))
                        .with(csrf())
                        .param("id", pendant.id().toString())
                        .param("version", "0")
                        .param("draft.kommunenummer", "1813")
                        .param("draft.type", "SAFETY_ALARM")
                        .param("draft.vendor", "Fleettest")
                        .param("draft.model", "Pendant 2")
                        .param("draft.scaipControllerId", base.cid())
                        .param("draft.scaipDeviceId", "6")
                        .param("draft.status", "ACTIVE")
                        .param("draft.baseDeviceId", base.id().toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select model || '|' || base_device_id from device where id = ?")
                        .param(pendant.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("Pendant 2|" + base.id());
    }

    @Test
    void aBaseLinkMustNameAVisibleBaseOfTheSameMunicipalityWithTheSameControllerId() throws Exception {
        Device base = fleet.newBase();
        String unknown = UUID.randomUUID().toString();
        registerPendant("1813", "{\"scaipDeviceId\": \"5\", \"baseDeviceId\": \"" + unknown + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("baseDeviceId"));
        registerPendant("1820", "{\"scaipDeviceId\": \"5\", \"baseDeviceId\": \"" + base.id() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("baseDeviceId"));
        registerPendant(
                        "1813",
                        "{\"scaipControllerId\": \"123\", \"scaipDeviceId\": \"5\", \"baseDeviceId\": \"" + base.id()
                                + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scaipControllerId"));
        registerPendant("1813", "{\"baseDeviceId\": \"" + base.id() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scaipDeviceId"));
        assertThat(jdbc.sql("select count(*) from device where base_device_id = ?")
                        .param(base.id().value())
                        .query(Long.class)
                        .single())
                .as("nothing half-written")
                .isZero();
    }

    @Test
    void aSilenceRuleIsDataThatSystemAdministratorsEditWithinLimits() throws Exception {
        String rules = mvc.perform(get("/api/v1/fleet/rules").with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rules).contains("\"kind\":\"RAISE_WHEN_SILENT\"").contains("TRIGGER_SILENT");
        postRule("{\"source\": \"FLEET\", \"code\": \"TRIGGER_SILENT\", \"deviceType\": \"FALL_SENSOR\","
                        + " \"kind\": \"RAISE_WHEN_SILENT\", \"waitMinutes\": 30}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("waitMinutes"));
        postRule("{\"source\": \"FLEET\", \"code\": \"LOST_CONTACT\", \"deviceType\": \"FALL_SENSOR\","
                        + " \"kind\": \"RAISE_WHEN_SILENT\", \"waitMinutes\": 1440}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("code"));
        postRule("{\"source\": \"FLEET\", \"code\": \"TRIGGER_SILENT\", \"deviceType\": \"FALL_SENSOR\","
                        + " \"kind\": \"AUTO_CLOSE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
    }

    private static FleetProperties hbiClasses(Map<String, SupervisionClass> classes) {
        return new FleetProperties(
                true,
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                null,
                null,
                null,
                SupervisionClass.HOURS_25,
                classes,
                new FleetProperties.Storm(true, 25, 0.2, Duration.ofMinutes(10), Map.of()));
    }

    private ResultActions postRule(String json) throws Exception {
        return mvc.perform(post("/api/v1/fleet/rules")
                .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                .contentType("application/json")
                .content(json));
    }

    private ResultActions registerPendant(String kommunenummer, String identity) throws Exception {
        String json = "{\"kommunenummer\": \"" + kommunenummer + "\", \"type\": \"SAFETY_ALARM\", \"vendor\":"
                + " \"Fleettest\", \"model\": \"Pendant\", " + identity.substring(1);
        return mvc.perform(post("/api/v1/devices")
                .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD))
                .contentType("application/json")
                .content(json));
    }

    private ResultActions supervisionOf(DeviceId device) throws Exception {
        return mvc.perform(get("/api/v1/fleet/devices/" + device + "/supervision")
                        .with(httpBasic("sysadmin", FleetTestSupport.PASSWORD)))
                .andExpect(status().isOk());
    }

    private static String ref() {
        return "p" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
