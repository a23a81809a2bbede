package no.varde.ingest;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raw bodies are kept for the retention period and then removed, while the alarm and the deduplication key stay: a
 * retransmission after the purge still gets the same alarm.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RawInputRetentionIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IngestProperties properties;

    @Autowired
    Clock clock;

    @Test
    void rawInputOlderThanTheRetentionIsRemovedAndTheAlarmAndItsKeyStay() throws Exception {
        String eventId = uniqueEventId();
        String body = event(eventId, "BUTTON_PRESSED", safetyAlarmController(jdbc, "1813", 6));
        send(body);
        String bad = "{\"eventId\": \"" + uniqueEventId() + "\", \"code\": \"FALL\"}";
        send(bad);
        assertThat(rawKept(eventId)).isTrue();
        assertThat(rejectedCount(bad)).isEqualTo(1);

        retentionAt(Duration.ofDays(89)).purge();
        assertThat(rawKept(eventId)).as("within the retention").isTrue();
        assertThat(rejectedCount(bad)).isEqualTo(1);

        retentionAt(Duration.ofDays(91)).purge();
        assertThat(rawKept(eventId)).as("past the retention").isFalse();
        assertThat(rejectedCount(bad)).isZero();
        assertThat(jdbc.sql("select count(*) from received_event e join alarm a on a.id = e.alarm_id"
                                + " where e.source = 'HTTP' and e.event_key = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single())
                .as("the alarm and its deduplication key stay")
                .isEqualTo(1);
        String again = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content(body))
                .andReturn()
                .getResponse()
                .getHeader("Varde-Duplicate");
        assertThat(again).isEqualTo("true");
    }

    private RawInputRetention retentionAt(Duration later) {
        return new RawInputRetention(jdbc, transactions, properties, Clock.offset(clock, later));
    }

    private void send(String body) throws Exception {
        mvc.perform(post("/api/v1/events")
                .header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .content(body));
    }

    private boolean rawKept(String eventId) {
        return jdbc.sql(
                        "select d.raw is not null from received_event e join received_delivery d on d.id = e.delivery_id"
                                + " where e.source = 'HTTP' and e.event_key = ?")
                .param(eventId)
                .query(Boolean.class)
                .single();
    }

    private long rejectedCount(String body) {
        return jdbc.sql("select count(*) from rejected_input where body = ?")
                .param(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .query(Long.class)
                .single();
    }
}
