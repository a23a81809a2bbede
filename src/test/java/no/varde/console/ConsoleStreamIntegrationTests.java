package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import no.varde.console.ConsoleTestClient.EventStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console's live queue over a real HTTP connection: events posted to the ingest API reach the stream. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleStreamIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventPostedToTheIngestApiArrivesOnAConnectedStream() throws Exception {
        ConsoleTestClient operator = ConsoleTestClient.signIn(port, "operator");
        String[] device = ConsoleTestClient.residentDevice(jdbc, null);
        try (EventStream stream = operator.openStream()) {
            assertThat(stream.sees("event:ready", Duration.ofSeconds(5))).isTrue();
            // the first event warms up the path (class loading, connection pool)
            String warmUp = ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", device[0], device[1]);
            assertThat(stream.sees(warmUp, Duration.ofSeconds(5))).isTrue();

            // how fast is measured by the benchmark (docs/performance.md), not asserted here
            String alarmId = ConsoleTestClient.postEvent(port, "FALL", device[0], device[1]);
            String line = stream.await(alarmId, Duration.ofSeconds(20));

            assertThat(line).as("the new alarm on the stream").isNotNull();
            assertThat(line)
                    .startsWith("data:")
                    .contains("\"what\":\"RECEIVED\"")
                    .contains("\"category\":\"ALARM\"");
        }
    }

    @Test
    void theQueueFragmentTheStreamTriggersShowsTheAlarmWithTheResidentNameInPriorityOrder() throws Exception {
        ConsoleTestClient operator = ConsoleTestClient.signIn(port, "operator");
        String[] device = ConsoleTestClient.residentDevice(jdbc, null);
        // Another test may have shown this resident to this operator (a search) within the window: that read counts.
        long readBefore = readsInWindow(device);
        String fall = ConsoleTestClient.postEvent(port, "FALL", device[0], device[1]);
        String bed = ConsoleTestClient.postEvent(port, "LEFT_BED", device[0], device[1]);

        String queue = operator.get("/console/queue?tab=alarms").body();

        assertThat(queue).contains("alarm-" + fall).contains("alarm-" + bed);
        assertThat(queue.indexOf("alarm-" + fall))
                .as("priority 1 (fall) before priority 3 (left bed)")
                .isLessThan(queue.indexOf("alarm-" + bed));
        String resident = jdbc.sql(
                        "select r.given_name || ' ' || r.family_name from device d join resident r"
                                + " on r.id = d.resident_id where d.scaip_controller_id = ? and coalesce(d.scaip_device_id, '') = ?")
                .params(device[0], device[1])
                .query(String.class)
                .single();
        assertThat(queue).contains(resident);
        // the audit rule (issue 8): one READ per (user, resident, 10 minutes) when a row with the name is sent
        operator.get("/console/queue?tab=alarms");
        String row = operator.get("/console/queue/rows/" + fall + "?tab=alarms").body();
        assertThat(row).contains("alarm-" + fall).contains(resident);
        assertThat(readsInWindow(device))
                .as("the resident's name sent three times in 10 minutes, audited once")
                .isEqualTo(readBefore == 0 ? 1 : readBefore);
    }

    /** READ entries of this device's resident by 'operator' from lists, queues and rows in the last 10 minutes. */
    private long readsInWindow(String[] device) {
        return jdbc.sql("select count(*) from audit_event e join device d on d.resident_id = e.resident_id"
                        + " where e.username = 'operator' and e.action = 'READ'"
                        + " and (e.what like 'console %' or e.what like '%search result%')"
                        + " and e.occurred_at > now() - interval '10 minutes'"
                        + " and d.scaip_controller_id = ? and coalesce(d.scaip_device_id, '') = ?")
                .params(device[0], device[1])
                .query(Long.class)
                .single();
    }

    @Test
    void aLiveRowIsTheChangedAlarmsRowOrNothingOnceItLeftTheTab() throws Exception {
        ConsoleTestClient operator = ConsoleTestClient.signIn(port, "operator");
        String[] device = ConsoleTestClient.residentDevice(jdbc, null);
        // Another test may have shown this resident to this operator (a search) within the window: that read counts.
        long readBefore = readsInWindow(device);
        String fall = ConsoleTestClient.postEvent(port, "FALL", device[0], device[1]);
        var answer = operator.get("/console/queue/rows/" + fall + "?tab=alarms");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"alarm-" + fall + "\"").contains("data-priority=\"1\"");
        assertThat(answer.headers().firstValue("Varde-Count-Alarms")).isPresent();
        assertThat(operator.get("/console/queue/rows/" + fall + "?tab=technical")
                        .body())
                .doesNotContain("<tr");
        assertThat(operator.get("/console/queue/rows/" + UUID.randomUUID() + "?tab=alarms")
                        .body())
                .doesNotContain("<tr");
    }

    @Test
    void anAlarmFromAnUnknownDeviceIsStreamedAndShownFlaggedNeverHidden() throws Exception {
        ConsoleTestClient operator = ConsoleTestClient.signIn(port, "operator");
        String unknownController = "99" + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000);
        String unknown;
        try (EventStream stream = operator.openStream()) {
            assertThat(stream.sees("event:ready", Duration.ofSeconds(5))).isTrue();
            unknown = ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", unknownController, "1");
            assertThat(stream.sees(unknown, Duration.ofSeconds(5))).isTrue();
        }
        String queue = operator.get("/console/queue?tab=alarms").body();
        int start = queue.indexOf("id=\"alarm-" + unknown);
        assertThat(start).as("the unknown device's alarm is in the queue").isPositive();
        String row = queue.substring(start, queue.indexOf("</tr>", start));
        assertThat(row).contains("UKJENT ENHET").contains(unknownController);
    }

    @Test
    void technicalAlarmsAreInTheirOwnTab() {
        ConsoleTestClient operator = ConsoleTestClient.signIn(port, "operator");
        String[] device = ConsoleTestClient.residentDevice(jdbc, null);
        String battery = ConsoleTestClient.postEvent(port, "BATTERY_LOW", device[0], device[1]);

        assertThat(operator.get("/console/queue?tab=technical").body()).contains("alarm-" + battery);
        assertThat(operator.get("/console/queue?tab=alarms").body()).doesNotContain("alarm-" + battery);
    }

    @Test
    void onlyOperatorsOpenTheConsoleAndItsStream() {
        ConsoleTestClient admin = ConsoleTestClient.signIn(port, "admin.bronnoy");
        assertThat(admin.get("/console").statusCode()).isEqualTo(403);
        assertThat(admin.get("/console/stream").statusCode()).isEqualTo(403);
    }
}
