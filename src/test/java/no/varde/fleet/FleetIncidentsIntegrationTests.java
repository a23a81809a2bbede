package no.varde.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.fleet.FleetTestSupport.Device;
import no.varde.registry.DeviceId;
import no.varde.registry.NationalId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Storms grouped into incidents, and the cross-device rule "lost contact of a resident with no other working device",
 * on real PostgreSQL with fresh devices and residents made through the APIs. Each storm test groups devices of a
 * vendor name of its own, so other tests' devices (and a shared database's thousands) never join it; time is driven
 * by explicit {@code check(now)} calls. The test profile sets the storm threshold to 25 devices.
 */
@SpringBootTest(properties = "varde.fleet.storm.admin-phones.1813=+4791100113,+4791100213")
@AutoConfigureMockMvc
class FleetIncidentsIntegrationTests {

    static final String PASSWORD = FleetTestSupport.PASSWORD;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Supervision supervision;

    @Autowired
    UserDetailsService users;

    @Autowired
    java.time.Clock clock;

    FleetTestSupport fleet;

    @BeforeEach
    void support() {
        fleet = new FleetTestSupport(mvc, jdbc);
    }

    @Test
    void aLostContactOfAResidentWithNoOtherWorkingDeviceRaisesOneSafetyRiskAndOneWithAnotherRaisesNone()
            throws Exception {
        String vendor = uniqueVendor();
        UUID alone = newResident();
        Device only = newDevice(vendor, "SAFETY_ALARM", alone);
        Device door = newDevice(vendor, "DOOR_SENSOR", alone); // reports conditions, cannot raise a personal alarm
        UUID covered = newResident();
        Device first = newDevice(vendor, "SAFETY_ALARM", covered);
        Device second = newDevice("Fleettest", "FALL_SENSOR", covered);
        for (Device device : List.of(only, first)) {
            fleet.setClass(device, "SECONDS_90");
        }
        for (Device device : List.of(only, door, first, second)) {
            fleet.send(device, "HEARTBEAT");
        }
        Instant heard = lastHeard(first);

        supervision.check(heard.plusSeconds(200));
        fleet.send(door, "HEARTBEAT");
        fleet.send(second, "HEARTBEAT");
        supervision.check(heard.plusSeconds(260));
        supervision.check(heard.plusSeconds(900));

        UUID lost = fleet.onlyLostContactAlarm(only);
        List<UUID> risks = safetyRisks(only);
        assertThat(risks).as("one safety risk, however many passes").hasSize(1);
        UUID risk = risks.getFirst();
        assertThat(fleet.state(risk.toString())).isEqualTo("RECEIVED|-");
        assertThat(jdbc.sql("select category from alarm where id = ?")
                        .param(risk)
                        .query(String.class)
                        .single())
                .isEqualTo("ALARM");
        assertThat(fleet.timeline(lost.toString()))
                .anyMatch(entry -> entry.startsWith("NOTE|system:fleet:unprotected-resident|")
                        && entry.contains(risk.toString())
                        && entry.contains("fleet:unprotected-resident"));
        assertThat(fleet.timeline(risk.toString()))
                .anyMatch(entry ->
                        entry.startsWith("NOTE|system:fleet:unprotected-resident|") && entry.contains(lost.toString()));
        assertThat(jdbc.sql("select resident_id from alarm where id = ?")
                        .param(risk)
                        .query(UUID.class)
                        .single())
                .as("the safety risk is the resident's, for the operator to call")
                .isEqualTo(alone);

        fleet.onlyLostContactAlarm(first);
        assertThat(safetyRisks(first))
                .as("the resident's fall sensor still works: no safety risk")
                .isEmpty();
    }

    @Test
    void aStormIsOneIncidentItsLostContactIsInhibitedAndAButtonAlarmInItStillGoesFirst() throws Exception {
        String vendor = uniqueVendor();
        UUID unprotected = newResident();
        UUID protectedResident = newResident();
        List<Device> storm = new ArrayList<>();
        storm.add(newDevice(vendor, "SAFETY_ALARM", unprotected));
        storm.add(newDevice(vendor, "SAFETY_ALARM", protectedResident));
        while (storm.size() < 30) {
            // five of them in Rana: Brønnøy's administrator sees only Brønnøy's part
            storm.add(newDevice(vendor, "SMOKE_DETECTOR", null, storm.size() < 25 ? "1813" : "1833"));
        }
        Device spare = newDevice("Fleettest", "GPS_TRACKER", protectedResident);
        for (Device device : storm) {
            fleet.setClass(device, "SECONDS_90");
            fleet.send(device, "HEARTBEAT");
        }
        fleet.send(spare, "HEARTBEAT");
        Instant heard =
                storm.stream().map(this::lastHeard).max(Instant::compareTo).orElseThrow();
        Instant stormAt = heard.plusSeconds(200);
        long smsBefore = smsCount();

        supervision.check(stormAt);
        supervision.check(stormAt.plusSeconds(30));

        long incident = incidentOf(vendor);
        for (Device device : storm) {
            assertThat(fleet.lostContactAlarms(device))
                    .as("the incident inhibits the member's own lost contact")
                    .isEmpty();
        }
        assertThat(jdbc.sql("select count(*) from fleet_incident_device where incident_id = ? and restored_at is null")
                        .param(incident)
                        .query(Integer.class)
                        .single())
                .isEqualTo(30);
        assertThat(jdbc.sql("select resident_id from fleet_incident_resident where incident_id = ?")
                        .param(incident)
                        .query(UUID.class)
                        .list())
                .as("listed once: only the resident with no other working device")
                .containsExactly(unprotected);
        UUID item = jdbc.sql("select operator_alarm_id from fleet_incident where id = ?")
                .param(incident)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select category || '|' || source || '|' || source_code from alarm where id = ?")
                        .param(item)
                        .query(String.class)
                        .single())
                .isEqualTo("ALARM|FLEET|INCIDENT");
        assertThat(jdbc.sql("select technical_alarm_id is null from fleet_incident where id = ?")
                        .param(incident)
                        .query(Boolean.class)
                        .single())
                .as("one item for operators (the alarm listing the residents), not one per device")
                .isTrue();
        assertThat(jdbc.sql("select count(*) from alarm where device_id = any(?) and source = 'FLEET'")
                        .param(storm.stream().map(d -> d.id().value()).toArray(UUID[]::new))
                        .query(Integer.class)
                        .single())
                .as("no individual safety risk inside a storm")
                .isZero();
        assertThat(jdbc.sql("select devices || '|' || sms_queued from fleet_incident_notice"
                                + " where incident_id = ? and kommunenummer = '1813'")
                        .param(incident)
                        .query(String.class)
                        .single())
                .isEqualTo("25|2");
        assertThat(jdbc.sql("select devices || '|' || sms_queued from fleet_incident_notice"
                                + " where incident_id = ? and kommunenummer = '1833'")
                        .param(incident)
                        .query(String.class)
                        .single())
                .as("Rana is told in the app; no phone is configured for Rana")
                .isEqualTo("5|0");
        assertThat(smsCount() - smsBefore)
                .as("Brønnøy's two administrators told through the outbox")
                .isGreaterThanOrEqualTo(2);

        // a technical fault of a member is stored and closed by the incident rule, naming the incident
        String fault = fleet.send(storm.get(5), "DEVICE_FAULT");
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> fleet.state(fault).startsWith("CLOSED"));
        assertThat(fleet.timeline(fault))
                .anyMatch(entry -> entry.startsWith("CLOSED_BY_RULE|system:fleet:incident:" + incident + "|")
                        && entry.contains("#" + incident));

        // a human alarm from a device of the storm: untouched, and before the incident's item in the queue
        String button = fleet.send(storm.get(7), "BUTTON_PRESSED");
        String queue = mvc.perform(get("/api/v1/alarms?state=RECEIVED&category=ALARM&limit=1000")
                        .with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> ids = JsonPath.read(queue, "$[*].id");
        assertThat(ids).contains(button, item.toString());
        assertThat(ids.indexOf(button)).isLessThan(ids.indexOf(item.toString()));
        assertThat(fleet.state(button)).isEqualTo("RECEIVED|-");

        // the incident as people see it: once, within their municipalities, residents' names audited
        mvc.perform(get("/api/v1/fleet/incidents/" + incident).with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incident.devices").value(25))
                .andExpect(jsonPath("$.incident.municipalities.length()").value(1))
                .andExpect(jsonPath("$.incident.municipalities[0]").value("1813"))
                .andExpect(jsonPath("$.devices.length()").value(25))
                .andExpect(jsonPath("$.incident.dimension").value("VENDOR"))
                .andExpect(jsonPath("$.residents.length()").value(1))
                .andExpect(jsonPath("$.residents[0].residentId").value(unprotected.toString()));
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'admin.bronnoy' and resident_id = ?")
                        .param(unprotected)
                        .query(Integer.class)
                        .single())
                .isPositive();
        mvc.perform(get("/api/v1/fleet/incidents/" + incident).with(httpBasic("hjemme.bronnoy", PASSWORD)))
                .andExpect(status().isForbidden());
        String operatorList = mvc.perform(
                        get("/api/v1/fleet/incidents?open=true").with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> counted = JsonPath.read(operatorList, "$[?(@.id == " + incident + ")].devices");
        List<Integer> still = JsonPath.read(operatorList, "$[?(@.id == " + incident + ")].stillAffected");
        assertThat(counted).as("the operator sees the whole incident").containsExactly(30);
        assertThat(still).containsExactly(30);
        String page = mvc.perform(
                        get("/fleet/incidents/" + incident).with(user(users.loadUserByUsername("admin.bronnoy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Flåtehendelse #" + incident).contains("Storm Stormsen");
        assertThat(mvc.perform(get("/fleet/incidents").with(user(users.loadUserByUsername("admin.bronnoy"))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-incident=\"" + incident + "\"");
        // the fleet dashboard counts the open incident and Brønnøy's 25 devices in it (others' incidents may add)
        String dashboard = mvc.perform(
                        get("/api/v1/fleet/dashboard?kommunenummer=1813").with(httpBasic("admin.bronnoy", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(((Number) JsonPath.read(dashboard, "$.municipalities[0].openIncidents")).intValue())
                .isPositive();
        assertThat(((Number) JsonPath.read(dashboard, "$.municipalities[0].incidentDevices")).intValue())
                .isGreaterThanOrEqualTo(25);
        mvc.perform(get("/api/v1/fleet/incidents?limit=0").with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));

        // the incident ends when every device has reported again (the button counted for its device)
        for (Device device : storm.subList(0, 20)) {
            fleet.send(device, "HEARTBEAT");
        }
        supervision.check(lastHeard(storm.get(19)).plusSeconds(5));
        assertThat(stillAffected(incident))
                .as("still affected: the ten not heard yet")
                .isEqualTo(10);
        for (Device device : storm.subList(20, 30)) {
            fleet.send(device, "HEARTBEAT");
        }
        supervision.check(lastHeard(storm.get(29)).plusSeconds(5));
        assertThat(stillAffected(incident)).isZero();
        assertThat(jdbc.sql("select ended_at is not null from fleet_incident where id = ?")
                        .param(incident)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(fleet.timeline(item.toString()))
                .as("the operator's item is told, never closed by a rule")
                .anyMatch(entry -> entry.contains("er over"));
        assertThat(fleet.state(item.toString())).isEqualTo("RECEIVED|-");
        for (Device device : storm) {
            assertThat(fleet.lostContactAlarms(device)).isEmpty();
        }
    }

    @Test
    void aFaultStormWithNobodyUnprotectedIsOneTechnicalItemThatEndsWhenTheFaultsClear() throws Exception {
        String vendor = uniqueVendor();
        List<Device> storm = new ArrayList<>();
        while (storm.size() < 25) {
            storm.add(newDevice(vendor, "SMOKE_DETECTOR", null));
        }
        List<String> faults = new ArrayList<>();
        for (Device device : storm) {
            fleet.send(device, "HEARTBEAT");
            faults.add(fleet.send(device, "DEVICE_FAULT"));
        }
        // the fleet listener has seen every fault (its rule waits for DEVICE_OK) before the pass looks
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from fleet_rule_decision where alarm_id = any(?)")
                                .param(faults.stream().map(UUID::fromString).toArray(UUID[]::new))
                                .query(Integer.class)
                                .single()
                        == faults.size());
        supervision.check(clock.instant().plusSeconds(1));

        long incident = incidentOf(vendor);
        UUID item = jdbc.sql("select technical_alarm_id from fleet_incident where id = ? and operator_alarm_id is null")
                .param(incident)
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("select category || '|' || source_code from alarm where id = ?")
                        .param(item)
                        .query(String.class)
                        .single())
                .isEqualTo("TECHNICAL|INCIDENT_TECHNICAL");
        for (String fault : faults) {
            assertThat(fleet.state(fault)).isEqualTo("CLOSED|TECHNICAL_HANDLED");
            assertThat(fleet.timeline(fault))
                    .anyMatch(entry -> entry.startsWith("CLOSED_BY_RULE|system:fleet:incident:" + incident + "|"));
        }

        for (Device device : storm) {
            fleet.send(device, "DEVICE_OK");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stillAffected(incident) == 0);
        supervision.check(clock.instant().plusSeconds(2));
        assertThat(fleet.state(item.toString()))
                .as("the technical item is closed by the rule when every fault has cleared")
                .isEqualTo("CLOSED|TECHNICAL_HANDLED");
        assertThat(jdbc.sql("select ended_at is not null from fleet_incident where id = ?")
                        .param(incident)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private int stillAffected(long incident) {
        return jdbc.sql("select count(*) from fleet_incident_device where incident_id = ? and restored_at is null")
                .param(incident)
                .query(Integer.class)
                .single();
    }

    private long incidentOf(String vendor) {
        return jdbc.sql("select id from fleet_incident where dimension = 'VENDOR' and dimension_key = ?")
                .param(vendor)
                .query(Long.class)
                .single();
    }

    private long smsCount() {
        return jdbc.sql("select count(*) from sms_message where text like 'Varde: flåtehendelse%'")
                .query(Long.class)
                .single();
    }

    private List<UUID> safetyRisks(Device device) {
        return jdbc.sql("select id from alarm where device_id = ? and source = 'FLEET' and source_code = 'SAFETY_RISK'")
                .param(device.id().value())
                .query(UUID.class)
                .list();
    }

    private Instant lastHeard(Device device) {
        return jdbc.sql("select last_heard_at from device where id = ?")
                .param(device.id().value())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private static String uniqueVendor() {
        return "Storm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Device newDevice(String vendor, String type, UUID resident) throws Exception {
        return newDevice(vendor, type, resident, "1813");
    }

    private Device newDevice(String vendor, String type, UUID resident, String kommunenummer) throws Exception {
        String cid = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String body = mvc.perform(post("/api/v1/devices")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("""
                                {"kommunenummer": "%s", "type": "%s", "vendor": "%s", "model": "S1",
                                 "scaipControllerId": "%s", "scaipDeviceId": "1", "status": "ACTIVE"%s}
                                """.formatted(
                                        kommunenummer,
                                        type,
                                        vendor,
                                        cid,
                                        resident == null ? "" : ", \"residentId\": \"" + resident + "\"")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Device(DeviceId.of(JsonPath.read(body, "$.id")), cid);
    }

    private UUID newResident() throws Exception {
        for (int attempt = 0; ; attempt++) {
            var result = mvc.perform(post("/api/v1/residents")
                            .with(httpBasic("admin.bronnoy", PASSWORD))
                            .contentType("application/json")
                            .content("""
                                    {"kommunenummer": "1813", "givenName": "Storm", "familyName": "Stormsen",
                                     "birthDate": "1936-01-01", "nationalId": "%s", "streetAddress": "Stormveien 1",
                                     "postalCode": "8900", "postalPlace": "Brønnøysund", "entryMethod": "KEY_BOX"}
                                    """.formatted(nationalId())))
                    .andReturn();
            if (result.getResponse().getStatus() == 201 || attempt == 5) {
                assertThat(result.getResponse().getStatus())
                        .as(result.getResponse().getContentAsString())
                        .isEqualTo(201);
                return UUID.fromString(JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
            }
        }
    }

    /** A synthetic national id of the 1900s (individual numbers 000–499), random day, month and year. */
    private static String nationalId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String date =
                    String.format("%02d%02d%02d", random.nextInt(1, 29), random.nextInt(1, 13), random.nextInt(20, 46));
            try {
                return NationalId.withCheckDigits(date + String.format("%03d", random.nextInt(0, 500)));
            } catch (IllegalArgumentException noCheckDigit) {
                // that individual number has no valid check digit; try another
            }
        }
    }
}
