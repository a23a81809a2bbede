package no.varde.ingest;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** HTTP ingest: committed before 202, deduplicated, bad input rejected with nothing half-written, no alarm lost. */
@SpringBootTest
@AutoConfigureMockMvc
class IngestIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void acceptedEventIsCommittedAsAnAlarmOfTheResidentsMunicipality() throws Exception {
        String cid = safetyAlarmController(jdbc, "1813", 0);
        String body = send(event(uniqueEventId(), "BUTTON_PRESSED", cid))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/alarms/")))
                .andExpect(header().string("Varde-Duplicate", "false"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID alarm = UUID.fromString(JsonPath.read(body, "$.alarmId"));
        assertThat(jdbc.sql("select state || '|' || category || '|' || kommunenummer || '|' || vkp_alert_code"
                                + " || '|' || (resident_id is not null) from alarm where id = ?")
                        .param(alarm)
                        .query(String.class)
                        .single())
                .isEqualTo("RECEIVED|ALARM|1813|3|true");
        // other entries (e.g. a repeat mark when another test used this resident's alarm) carry no VKP event
        assertThat(jdbc.sql(
                                "select vkp_event from alarm_timeline where alarm_id = ? and vkp_event is not null order by id")
                        .param(alarm)
                        .query(Integer.class)
                        .list())
                .containsExactly(0);
    }

    @Test
    void retransmissionGetsTheSameAnswerAndCreatesNothing() throws Exception {
        String cid = safetyAlarmController(jdbc, "1824", 0);
        String json = event(uniqueEventId(), "FALL", cid);
        String first = send(json)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long alarms = count("select count(*) from alarm");
        String second = send(json)
                .andExpect(status().isAccepted())
                .andExpect(header().string("Varde-Duplicate", "true"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) from alarm")).isEqualTo(alarms);
    }

    @Test
    void badInputNamesEveryFieldStoresTheRawBodyAndNothingElse() throws Exception {
        long alarms = count("select count(*) from alarm");
        long rejected = count("select count(*) from rejected_input");
        String bad = "{\"eventId\": \"\", \"code\": \"NOT VALID\", \"occurredAt\": \"yesterday\", \"device\": {},"
                + " \"batteryPercent\": 140, \"position\": {\"latitude\": 91, \"longitude\": 10}}";
        send(bad)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder(
                                "eventId", "code", "occurredAt", "device", "batteryPercent", "position.latitude")));
        assertThat(count("select count(*) from alarm")).isEqualTo(alarms);
        assertThat(count("select count(*) from rejected_input")).isEqualTo(rejected + 1);
        assertThat(jdbc.sql("select convert_from(body, 'UTF8') from rejected_input order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo(bad);
        send("{not json")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void unknownDeviceStillReachesTheQueueFlagged() throws Exception {
        String body = send("{\"eventId\": \"" + uniqueEventId()
                        + "\", \"code\": \"BUTTON_PRESSED\", \"device\": {\"imei\": \"990000000000001\"}}")
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID alarm = UUID.fromString(JsonPath.read(body, "$.alarmId"));
        assertThat(jdbc.sql("select state || '|' || array_to_string(flags, ',') || '|' || device_label from alarm"
                                + " where id = ?")
                        .param(alarm)
                        .query(String.class)
                        .single())
                .isEqualTo("RECEIVED|UNKNOWN_DEVICE|IMEI 990000000000001");
    }

    @Test
    void unknownCodeBecomesAnAlarmForAHumanAndHeartbeatsOnlyRecordTheDeviceAsHeard() throws Exception {
        String cid = safetyAlarmController(jdbc, "1833", 3);
        String unknown = send(event(uniqueEventId(), "VENDOR_X_42", cid))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(jdbc.sql(
                                "select category || '|' || state || '|' || array_to_string(flags, ',') from alarm where id = ?")
                        .param(UUID.fromString(JsonPath.read(unknown, "$.alarmId")))
                        .query(String.class)
                        .single())
                .isEqualTo("ALARM|RECEIVED|UNKNOWN_EVENT_CODE");
        // Supervision (issue 8): a heartbeat or test transmission records when the device was last heard and
        // never becomes an alarm row, a timeline entry or a console change.
        long alarms = count("select count(*) from alarm");
        send(event(uniqueEventId(), "HEARTBEAT", cid))
                .andExpect(status().isAccepted())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(jsonPath("$.alarmId").doesNotExist());
        assertThat(count("select count(*) from alarm")).isEqualTo(alarms);
        assertThat(jdbc.sql("select last_heard_at > now() - interval '1 minute' from device"
                                + " where scaip_controller_id = ? and scaip_device_id = '1'")
                        .param(cid)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void batchIsAllOrNothing() throws Exception {
        String cid = safetyAlarmController(jdbc, "1820", 0);
        long alarms = count("select count(*) from alarm");
        String good = event(uniqueEventId(), "PULL_CORD", cid);
        mvc.perform(post("/api/v1/events/batch")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content("[" + good + ", {\"eventId\": \"x\"}]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'events[1].code')]").exists())
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'events[1].device')]").exists());
        assertThat(count("select count(*) from alarm")).isEqualTo(alarms);
        mvc.perform(post("/api/v1/events/batch")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content("[" + good + ", " + event(uniqueEventId(), "BATTERY_LOW", cid) + "]"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.results.length()").value(2));
        assertThat(count("select count(*) from alarm")).isEqualTo(alarms + 2);
    }

    @Test
    void wrongOrMissingTokenIsRefused() throws Exception {
        String cid = safetyAlarmController(jdbc, "1813", 1);
        mvc.perform(post("/api/v1/events").contentType("application/json").content(event(uniqueEventId(), "FALL", cid)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN.replace("demo-integration", "guess"))
                        .contentType("application/json")
                        .content(event(uniqueEventId(), "FALL", cid)))
                .andExpect(status().isUnauthorized());
    }

    private ResultActions send(String json) throws Exception {
        return mvc.perform(post("/api/v1/events")
                .header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .content(json));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
