package no.varde.fleet;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.audit.AuditSubjects;
import no.varde.fleet.ChainSupervision.ChainLink;
import no.varde.fleet.ChainSupervision.Colour;
import no.varde.fleet.ChainSupervision.Reason;
import no.varde.fleet.ChainSupervision.ResidentChain;
import no.varde.registry.AccessScope;
import no.varde.shared.ResidentId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Chain supervision on real PostgreSQL with fresh devices (a vendor name of their own, so the vendor's distribution
 * is this test's alarms only) and residents registered through the API, events posted with explicit device times,
 * and the resident's chain judged at explicit times.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChainSupervisionIntegrationTests {

    static final String PASSWORD = "varde-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    UserDetailsService users;

    @Autowired
    ChainSupervision chains;

    @Autowired
    SupervisionJob supervision;

    @Test
    void anAlarmPostedShownAndClaimedHasEveryTimeOfItsChain() throws Exception {
        String vendor = uniqueVendor();
        String cid = device(vendor, null);
        Instant pressed = clock.instant().minusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        String alarm = send(cid, "BUTTON_PRESSED", pressed);
        assertThat(chainOf(alarm))
                .as("received, not yet shown to anyone")
                .containsEntry("firstShownAt", null)
                .containsEntry("claimedAt", null);

        // an administrator looking at it is not an operator: still not shown
        mvc.perform(get("/api/v1/alarms/" + alarm).with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/console/alarms/" + alarm).with(user(users.loadUserByUsername("sysadmin"))));
        assertThat(chainOf(alarm)).containsEntry("firstShownAt", null);

        // the operator's console renders its queue row (as for the live change that announced it): shown, once
        mvc.perform(get("/console/queue/rows/" + alarm).with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).contains(alarm));
        Map<String, Object> shown = chainOf(alarm);
        assertThat(shown).containsEntry("firstShownBy", "operator");
        Instant firstShown = Instant.parse((String) shown.get("firstShownAt"));
        mvc.perform(get("/console/alarms/" + alarm).with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk());
        assertThat(Instant.parse((String) chainOf(alarm).get("firstShownAt")))
                .as("the first time stays")
                .isEqualTo(firstShown);

        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(httpBasic("operator", PASSWORD)))
                .andExpect(status().isOk());
        Map<String, Object> chain = chainOf(alarm);
        Instant occurred = Instant.parse((String) chain.get("occurredAt"));
        Instant received = Instant.parse((String) chain.get("receivedAt"));
        Instant claimed = Instant.parse((String) chain.get("claimedAt"));
        assertThat(occurred).as("the device's own time").isEqualTo(pressed);
        assertThat(received).isAfter(occurred);
        assertThat(firstShown).isAfterOrEqualTo(received);
        assertThat(claimed).isAfterOrEqualTo(firstShown);
        assertThat(chain).containsEntry("claimedBy", "operator").containsEntry("protocol", "HTTP");

        // and it is in its vendor's distribution: one alarm with every link
        Map<String, Object> group = group(summary(received, vendor), "VENDOR", vendor);
        assertThat(group).containsEntry("alarms", 1);
        assertThat(seconds(group, "occurredToReceived", "max"))
                .isCloseTo(Duration.between(occurred, received).toMillis() / 1000.0, within(0.11));
        assertThat(seconds(group, "pressToClaimed", "p50"))
                .isCloseTo(Duration.between(occurred, claimed).toMillis() / 1000.0, within(0.11));
        assertThat(count(group, "receivedToShown")).isEqualTo(1);
        assertThat(count(group, "shownToClaimed")).isEqualTo(1);
    }

    @Test
    void devicesWhoseClockIsFiveMinutesBehindOrAheadAreListedWithTheirDrift() throws Exception {
        String vendor = uniqueVendor();
        String behind = device(vendor, null);
        String ahead = device(vendor, null);
        String fine = device(vendor, null);
        Instant now = clock.instant();
        send(behind, "BUTTON_PRESSED", now.minus(Duration.ofMinutes(5)));
        send(ahead, "BUTTON_PRESSED", now.plus(Duration.ofMinutes(5)));
        send(fine, "BUTTON_PRESSED", now.minusSeconds(1));

        String body = summary(now, vendor);
        List<Map<String, Object>> listed = JsonPath.read(body, "$.abnormalDevices[?(@.vendor == '" + vendor + "')]");
        Map<String, Double> drift = new java.util.HashMap<>();
        for (Map<String, Object> device : listed) {
            drift.put((String) device.get("serialNumber"), ((Number) device.get("medianDrift")).doubleValue());
            assertThat(device).containsEntry("alarms", 1).containsEntry("protocols", "HTTP");
        }
        assertThat(drift).as("the device within a second is not listed").containsOnlyKeys(behind, ahead);
        assertThat(drift.get(behind)).as("received − occurred: 5 min late").isBetween(299.0, 330.0);
        assertThat(drift.get(ahead)).as("its clock 5 min ahead").isBetween(-301.0, -270.0);

        Map<String, Object> group = group(body, "VENDOR", vendor);
        assertThat(group).containsEntry("alarms", 3);
        assertThat(seconds(group, "occurredToReceived", "max")).isBetween(299.0, 330.0);
        assertThat(count(group, "receivedToShown"))
                .as("nobody has looked at them yet")
                .isZero();

        // the page shows the figures and the listed devices (by serial number), to operators too
        String page = mvc.perform(
                        get("/fleet/chain").param("days", "1").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Enheter med avvik")
                .contains("<td>" + behind + "</td>")
                .contains("<td>" + ahead + "</td>")
                .doesNotContain("<td>" + fine + "</td>")
                .contains("data-key=\"" + vendor + "\"");
        mvc.perform(get("/fleet/chain").with(user(users.loadUserByUsername("hjemme.rana"))))
                .andExpect(status().isForbidden());

        // home-care workers get no chain figures
        mvc.perform(get("/api/v1/fleet/chain").with(httpBasic("hjemme.rana", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/fleet/chain").param("from", "yesterday").with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void aResidentsChainIsGreenWhileTheTriggerReportsAndRedWithTheReasonWhenItFallsSilent() throws Exception {
        AuditSubjects.Resident resident = AuditSubjects.resident(this::api, "Kjede");
        String cid = device(uniqueVendor(), resident.id());
        // its own class, whatever the device type's is set to meanwhile
        UUID deviceId = jdbc.sql("select id from device where scaip_controller_id = ?")
                .param(cid)
                .query(UUID.class)
                .single();
        mvc.perform(put("/api/v1/fleet/devices/" + deviceId + "/supervision")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("{\"supervisionClass\": \"HOURS_25\"}"))
                .andExpect(status().isOk());
        assertThat(send(cid, "HEARTBEAT", null)).as("a heartbeat is no alarm").isNull();
        Instant heard = lastHeard(cid);
        ResidentId id = new ResidentId(resident.id());
        Instant now = clock.instant();
        // this node makes a pass now (or another node made one within its lease): supervision runs
        supervision.runOnce(now);

        ResidentChain green = chains.residentChain(AccessScope.all(), id, now);
        assertThat(green.broken()).as("every link reported").isEmpty();
        assertThat(green.colour()).isEqualTo(Colour.GREEN);
        assertThat(green.links()).extracting(ChainLink::kind).containsExactly("DEVICE", "CHANNEL", "SUPERVISION");

        // the trigger's class is HOURS_25: silent past 25 h + 1 h grace it is red, with the reason
        Instant dayLater = heard.plus(Duration.ofHours(26)).plusSeconds(1);
        ResidentChain red = chains.residentChain(AccessScope.all(), id, dayLater);
        assertThat(red.colour()).isEqualTo(Colour.RED);
        ChainLink trigger = red.links().getFirst();
        assertThat(trigger.kind()).isEqualTo("DEVICE");
        assertThat(trigger.reason()).isEqualTo(Reason.SILENT);
        assertThat(trigger.since()).isEqualTo(heard);
        assertThat(trigger.deadline()).isEqualTo(heard.plus(Duration.ofHours(26)));
        assertThat(red.links())
                .filteredOn(l -> l.kind().equals("SUPERVISION"))
                .extracting(ChainLink::reason)
                .as("no pass for a day: supervision is not vouched for either")
                .containsExactly(Reason.SUPERVISION_STOPPED);

        // within the interval but past it (late, in its grace) is amber
        ResidentChain late = chains.residentChain(
                AccessScope.all(), id, heard.plus(Duration.ofHours(25)).plusSeconds(60));
        assertThat(late.links().getFirst().reason()).isEqualTo(Reason.LATE);
        assertThat(late.links().getFirst().colour()).isEqualTo(Colour.AMBER);

        // the resident card's part shows it; a home-care worker of another municipality does not get it
        mvc.perform(get("/fleet/residents/" + id + "/chain").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("data-chain=\"GREEN\"")
                        .contains("data-link=\"DEVICE\""));
        mvc.perform(get("/fleet/residents/" + id + "/chain").with(user(users.loadUserByUsername("hjemme.rana"))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/fleet/residents/" + id + "/chain").with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.colour").value("GREEN"))
                .andExpect(jsonPath("$.links[0].reason").value("OK"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private AuditSubjects.Answer api(String method, String path, String json, String username, String password)
            throws Exception {
        var request = "POST".equals(method) ? post(path) : get(path);
        var response = mvc.perform(
                        request.contentType("application/json").content(json).with(httpBasic(username, password)))
                .andReturn()
                .getResponse();
        return new AuditSubjects.Answer(response.getStatus(), response.getContentAsString());
    }

    private static String uniqueVendor() {
        return "Kjedetest-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new active safety alarm in Brønnøy of this vendor (its serial number is its controller id). */
    private String device(String vendor, UUID resident) throws Exception {
        String cid = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        mvc.perform(post("/api/v1/devices")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("""
                                {"kommunenummer": "1813", "type": "SAFETY_ALARM", "vendor": "%s", "model": "K1",
                                 "serialNumber": "%s", "scaipControllerId": "%s", "scaipDeviceId": "1",
                                 "status": "ACTIVE"%s}
                                """.formatted(
                                vendor, cid, cid, resident == null ? "" : ", \"residentId\": \"" + resident + "\"")))
                .andExpect(status().isCreated());
        return cid;
    }

    /** An event over HTTP with the device's own time; answers the alarm id (null for a heartbeat). */
    private String send(String cid, String code, Instant occurredAt) throws Exception {
        String body = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content("""
                                {"eventId": "%s", "code": "%s", %s
                                 "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"}}
                                """.formatted(
                                        uniqueEventId(),
                                        code,
                                        occurredAt == null ? "" : "\"occurredAt\": \"" + occurredAt + "\",",
                                        cid)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Object alarm = JsonPath.read(body, "$.alarmId");
        return alarm == null ? null : alarm.toString();
    }

    private Instant lastHeard(String cid) {
        return jdbc.sql("select last_heard_at from device where scaip_controller_id = ?")
                .param(cid)
                .query((rs, row) -> rs.getTimestamp(1).toInstant())
                .single();
    }

    private Map<String, Object> chainOf(String alarm) throws Exception {
        String body = mvc.perform(get("/api/v1/fleet/chain/alarms/" + alarm).with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$");
    }

    /**
     * The chain figures of the hour around {@code at}, region-wide, of this vendor's devices (the shared database
     * may hold more abnormal devices than the list's 200).
     */
    private String summary(Instant at, String vendor) throws Exception {
        return mvc.perform(get("/api/v1/fleet/chain")
                        .param("from", at.minus(Duration.ofMinutes(30)).toString())
                        .param("to", at.plus(Duration.ofMinutes(30)).toString())
                        .param("vendor", vendor)
                        .with(httpBasic("sysadmin", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static Map<String, Object> group(String summary, String dimension, String key) {
        List<Map<String, Object>> groups =
                JsonPath.read(summary, "$.groups[?(@.dimension == '" + dimension + "' && @.key == '" + key + "')]");
        assertThat(groups).hasSize(1);
        return groups.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static double seconds(Map<String, Object> group, String link, String figure) {
        return ((Number) ((Map<String, Object>) group.get(link)).get(figure)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static long count(Map<String, Object> group, String link) {
        return ((Number) ((Map<String, Object>) group.get(link)).get("count")).longValue();
    }
}
