package no.varde.fleet;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.registry.DeviceId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fresh devices for fleet tests, made and heard through the real paths: registered through the registry API by the
 * system administrator and reporting through {@code POST /api/v1/events} with the demo integration's token. Other
 * tests never use these devices, so a short supervision class on them cannot raise anything for anyone else.
 */
record FleetTestSupport(MockMvc mvc, JdbcClient jdbc) {

    static final String PASSWORD = "varde-demo";

    /** A new active device of this type in Brønnøy (1813), reporting as SCAIP controller {@code cid}, device 1. */
    Device newDevice(String type) throws Exception {
        return newDevice(type, "1813");
    }

    Device newDevice(String type, String kommunenummer) throws Exception {
        String cid = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String body = mvc.perform(post("/api/v1/devices")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("""
                                {"kommunenummer": "%s", "type": "%s", "vendor": "Fleettest", "model": "F1",
                                 "scaipControllerId": "%s", "scaipDeviceId": "1", "status": "ACTIVE"}
                                """.formatted(kommunenummer, type, cid)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Device(DeviceId.of(JsonPath.read(body, "$.id")), cid);
    }

    record Device(DeviceId id, String cid) {}

    /** A sub-device: a pendant or detector reporting through its base unit's controller id with its own did. */
    record SubDevice(DeviceId id, String cid, String did) {}

    /** A new active SCAIP base unit in Brønnøy: a controller id and no device id of its own. */
    Device newBase() throws Exception {
        String cid = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String body = mvc.perform(post("/api/v1/devices")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("""
                                {"kommunenummer": "1813", "type": "SAFETY_ALARM", "vendor": "Fleettest", "model": "Base",
                                 "scaipControllerId": "%s", "status": "ACTIVE"}
                                """.formatted(cid)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new Device(DeviceId.of(JsonPath.read(body, "$.id")), cid);
    }

    /** A pendant (or detector of this type) linked to its base, registered with its did only. */
    SubDevice newPendant(Device base, String type, String did) throws Exception {
        String body = mvc.perform(post("/api/v1/devices")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("""
                                {"kommunenummer": "1813", "type": "%s", "vendor": "Fleettest", "model": "Pendant",
                                 "scaipDeviceId": "%s", "baseDeviceId": "%s", "status": "ACTIVE"}
                                """.formatted(type, did, base.id())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new SubDevice(DeviceId.of(JsonPath.read(body, "$.id")), base.cid(), did);
    }

    /** A supervision event (HEARTBEAT, TEST) or alarm sent by the base about a sub-device, through HTTP ingest. */
    String send(SubDevice device, String code) throws Exception {
        return send(device.cid(), device.did(), code, null);
    }

    /** A heartbeat of the base unit itself (its controller id, no did), through HTTP ingest. */
    void heartbeatOfBase(Device base) throws Exception {
        mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content("""
                                {"eventId": "%s", "code": "HEARTBEAT", "device": {"scaipControllerId": "%s"}}
                                """.formatted(uniqueEventId(), base.cid())))
                .andExpect(status().isAccepted());
    }

    void setClass(DeviceId device, String supervisionClass) throws Exception {
        mvc.perform(put("/api/v1/fleet/devices/" + device + "/supervision")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("{\"supervisionClass\": \"" + supervisionClass + "\"}"))
                .andExpect(status().isOk());
    }

    /** The device's alarms of this source and code, oldest first, as "state|category|outcome". */
    List<String> alarms(DeviceId device, String source, String code) {
        return jdbc.sql("select state || '|' || category || '|' || coalesce(outcome, '-') from alarm"
                        + " where device_id = ? and source = ? and source_code = ? order by received_at")
                .params(device.value(), source, code)
                .query(String.class)
                .list();
    }

    java.time.Instant lastHeard(DeviceId device) {
        return jdbc.sql("select last_heard_at from device where id = ?")
                .param(device.value())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    /** A new active base unit in Brønnøy reporting over SIA DC-09 with a fresh account; returns the account. */
    String newSiaDevice() throws Exception {
        String account = String.format("B%09X", ThreadLocalRandom.current().nextLong(0xFFFFFFFFFL));
        mvc.perform(post("/api/v1/devices")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("""
                                {"kommunenummer": "1813", "type": "SAFETY_ALARM", "vendor": "Fleettest", "model": "Sia",
                                 "siaAccount": "%s", "status": "ACTIVE"}
                                """.formatted(account)))
                .andExpect(status().isCreated());
        return account;
    }

    /** An event from the device through HTTP ingest; returns the alarm id (null for supervision events). */
    String send(Device device, String code) throws Exception {
        return send(device.cid(), "1", code, null);
    }

    /** As {@link #send(Device, String)}, reporting a battery level with the event. */
    String send(Device device, String code, @org.jspecify.annotations.Nullable Integer batteryPercent)
            throws Exception {
        return send(device.cid(), "1", code, batteryPercent);
    }

    private String send(String cid, String did, String code, @org.jspecify.annotations.Nullable Integer batteryPercent)
            throws Exception {
        String body = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content("""
                                {"eventId": "%s", "code": "%s", "batteryPercent": %s,
                                 "device": {"scaipControllerId": "%s", "scaipDeviceId": "%s"}, "text": "fleet test"}
                                """.formatted(uniqueEventId(), code, batteryPercent, cid, did)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Object alarm = JsonPath.read(body, "$.alarmId");
        return alarm == null ? null : alarm.toString();
    }

    void setClass(Device device, String supervisionClass) throws Exception {
        mvc.perform(put("/api/v1/fleet/devices/" + device.id() + "/supervision")
                        .with(httpBasic("sysadmin", PASSWORD))
                        .contentType("application/json")
                        .content("{\"supervisionClass\": \"" + supervisionClass + "\"}"))
                .andExpect(status().isOk());
    }

    /** The device's lost-contact alarms, oldest first, as "state|category|outcome". */
    List<String> lostContactAlarms(Device device) {
        return jdbc.sql("select state || '|' || category || '|' || coalesce(outcome, '-') from alarm"
                        + " where device_id = ? and source = 'FLEET' and source_code = 'LOST_CONTACT'"
                        + " order by received_at")
                .param(device.id().value())
                .query(String.class)
                .list();
    }

    UUID onlyLostContactAlarm(Device device) {
        return jdbc.sql("select id from alarm where device_id = ? and source = 'FLEET' and source_code = 'LOST_CONTACT'"
                        + " and state <> 'CLOSED'")
                .param(device.id().value())
                .query(UUID.class)
                .single();
    }

    /** The alarm's timeline as "kind|actor|text". */
    List<String> timeline(String alarmId) {
        return jdbc.sql("select kind || '|' || actor || '|' || coalesce(text, '') from alarm_timeline"
                        + " where alarm_id = ? order by id")
                .param(UUID.fromString(alarmId))
                .query(String.class)
                .list();
    }

    String state(String alarmId) {
        return jdbc.sql("select state || '|' || coalesce(outcome, '-') from alarm where id = ?")
                .param(UUID.fromString(alarmId))
                .query(String.class)
                .single();
    }
}
