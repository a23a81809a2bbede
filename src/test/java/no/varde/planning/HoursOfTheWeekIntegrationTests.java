package no.varde.planning;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.ZoneId;
import no.varde.alarm.AlarmFacts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staffing plan's hours of the week are Europe/Oslo local hours, also across the daylight-saving changes: an
 * alarm counts in the local hour it happened. Four alarms of this test, received and closed through the API, are
 * moved back to the nights of the 2025 changes (a device cannot send into the past); the counts are taken over
 * windows of those nights only, so other tests' alarms are not in them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HoursOfTheWeekIntegrationTests {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final int SUNDAY = 6 * 24;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AlarmFacts facts;

    @Test
    void alarmsCountInTheLocalHourTheyHappenedAcrossDaylightSavingChanges() throws Exception {
        // spring: 30 March 2025, 02:00 CET jumps to 03:00 CEST
        Instant beforeSpring = Instant.parse("2025-03-30T00:30:00Z"); // 01:30 CET
        Instant afterSpring = Instant.parse("2025-03-30T01:30:00Z"); // 03:30 CEST (02:xx never happens)
        // autumn: 26 October 2025, 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice
        Instant firstTwoThirty = Instant.parse("2025-10-26T00:30:00Z"); // 02:30 CEST
        Instant secondTwoThirty = Instant.parse("2025-10-26T01:30:00Z"); // 02:30 CET
        // what is there already (a database another run of this test used): the assertions are about this run's
        long[] springBefore = spring();
        long[] autumnBefore = autumn();
        int offset = 0;
        for (Instant at : new Instant[] {beforeSpring, afterSpring, firstTwoThirty, secondTwoThirty}) {
            moveBack(handledAlarm(offset++), at);
        }

        long[] spring = minus(spring(), springBefore);
        assertThat(spring[SUNDAY + 1]).isEqualTo(1);
        assertThat(spring[SUNDAY + 2]).isZero();
        assertThat(spring[SUNDAY + 3]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(spring).sum()).isEqualTo(2);

        long[] autumn = minus(autumn(), autumnBefore);
        // both in the local hour 02 of Sunday, none in 01 or 03 (UTC would have put them in 00 and 01)
        assertThat(autumn[SUNDAY + 2]).isEqualTo(2);
        assertThat(java.util.Arrays.stream(autumn).sum()).isEqualTo(2);
    }

    private long[] spring() {
        return facts.alarmsByHourOfWeek(
                Instant.parse("2025-03-30T00:00:00Z"), Instant.parse("2025-03-30T02:00:00Z"), OSLO);
    }

    private long[] autumn() {
        return facts.alarmsByHourOfWeek(
                Instant.parse("2025-10-26T00:00:00Z"), Instant.parse("2025-10-26T02:00:00Z"), OSLO);
    }

    private static long[] minus(long[] after, long[] before) {
        long[] diff = new long[after.length];
        for (int i = 0; i < after.length; i++) {
            diff[i] = after[i] - before[i];
        }
        return diff;
    }

    private String handledAlarm(int offset) throws Exception {
        String body = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content(event(uniqueEventId(), "BUTTON_PRESSED", safetyAlarmController(jdbc, "1820", offset))))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.alarmId");
        act(id, "claim", "{}");
        act(id, "calls", "{\"callee\": \"resident\", \"result\": \"VERBAL_CONTACT\"}");
        act(id, "close", "{\"outcome\": \"RESOLVED_BY_PHONE\"}");
        return id;
    }

    private void act(String id, String action, String json) throws Exception {
        mvc.perform(post("/api/v1/alarms/" + id + "/" + action)
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType("application/json")
                        .content(json))
                .andExpect(status().isOk());
    }

    private void moveBack(String id, Instant received) {
        jdbc.sql("""
                        update alarm set received_at = :at, claim_deadline = :at, original_claim_deadline = :at,
                            claimed_at = cast(:at as timestamptz) + interval '20 seconds',
                            closed_at = cast(:at as timestamptz) + interval '3 minutes'
                        where id = :id""")
                .param("at", java.sql.Timestamp.from(received))
                .param("id", java.util.UUID.fromString(id))
                .update();
    }
}
