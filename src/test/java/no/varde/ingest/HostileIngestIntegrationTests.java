package no.varde.ingest;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Input a probe used to break ingest: a valid alarm carrying characters PostgreSQL cannot store is accepted (not a
 * 500 that the sender retries forever), a device clock in 1970 or year 294276 does not refuse or bury the alarm,
 * numbers out of range and invalid UTF-8 are named in a 400 with the raw input kept, and oversized bodies are
 * refused before anything is stored. Over real HTTP, so the container's own handling of lengths is part of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileIngestIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aValidAlarmWithNulCharactersIsAcceptedWithThemEscaped() throws Exception {
        String cid = safetyAlarmController(jdbc, "1813", 1);
        String eventId = uniqueEventId() + "\\u0000x";
        HttpResponse<String> answer =
                post("/api/v1/events", """
                {"eventId": "%s", "code": "FALL", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"},
                 "text": "help\\u0000me", "location": "bad\\u0000rom"}
                """.formatted(eventId, cid).getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        UUID alarm = UUID.fromString(JsonPath.read(answer.body(), "$.alarmId"));
        assertThat(jdbc.sql("select concat_ws('|', details ->> 'text', details ->> 'location', kommunenummer)"
                                + " from alarm where id = ?")
                        .param(alarm)
                        .query(String.class)
                        .single())
                .isEqualTo("help\\u0000me|bad\\u0000rom|1813");
        // the reception port keeps the delivery's raw bytes exactly as sent
        assertThat(jdbc.sql("select convert_from(d.raw, 'UTF8') from received_event e"
                                + " join received_delivery d on d.id = e.delivery_id where e.alarm_id = ?")
                        .param(alarm)
                        .query(String.class)
                        .single())
                .contains("\"text\": \"help\\u0000me\"");

        HttpResponse<String> again =
                post("/api/v1/events", """
                {"eventId": "%s", "code": "FALL", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"}}
                """.formatted(eventId, cid).getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.headers().firstValue("Varde-Duplicate")).contains("true");
        assertThat((String) JsonPath.read(again.body(), "$.alarmId")).isEqualTo(alarm.toString());
    }

    @Test
    void oneNulBearingEventDoesNotFailItsBatch() throws Exception {
        String cid = safetyAlarmController(jdbc, "1813", 2);
        HttpResponse<String> answer =
                post("/api/v1/events/batch", """
                [{"eventId": "%s", "code": "BUTTON_PRESSED", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"}},
                 {"eventId": "%s", "code": "BUTTON_PRESSED", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"}, "text": "\\u0000"}]
                """.formatted(uniqueEventId(), cid, uniqueEventId(), cid)
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat((java.util.List<?>) JsonPath.read(answer.body(), "$.results"))
                .hasSize(2);
    }

    @Test
    void aDeviceClockOutsideThePlausibleWindowGivesTheReceivedTimeAndKeepsTheReportedOne() throws Exception {
        String cid = safetyAlarmController(jdbc, "1813", 3);
        for (String reported :
                new String[] {"1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+294276-01-01T00:00:00Z"}) {
            HttpResponse<String> answer = post("/api/v1/events", """
                    {"eventId": "%s", "code": "BUTTON_PRESSED", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"},
                     "occurredAt": "%s"}
                    """.formatted(uniqueEventId(), cid, reported)
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(answer.statusCode()).as(reported + ": " + answer.body()).isEqualTo(202);
            UUID alarm = UUID.fromString(JsonPath.read(answer.body(), "$.alarmId"));
            var row = jdbc.sql("select occurred_at, received_at, details ->> 'reportedOccurredAt' as reported"
                            + " from alarm where id = ?")
                    .param(alarm)
                    .query((rs, n) -> new Object[] {
                        rs.getTimestamp("occurred_at"), rs.getTimestamp("received_at"), rs.getString("reported")
                    })
                    .single();
            Duration gap = Duration.between(((Timestamp) row[0]).toInstant(), ((Timestamp) row[1]).toInstant());
            assertThat(gap.abs()).as("occurred at the time received").isLessThan(Duration.ofMinutes(1));
            assertThat(row[2]).isEqualTo(reported);
        }
        HttpResponse<String> recent = post("/api/v1/events", """
                {"eventId": "%s", "code": "BUTTON_PRESSED", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"},
                 "occurredAt": "%s"}
                """.formatted(
                        uniqueEventId(), cid, java.time.Instant.now().minusSeconds(3600))
                .getBytes(StandardCharsets.UTF_8));
        UUID alarm = UUID.fromString(JsonPath.read(recent.body(), "$.alarmId"));
        assertThat(jdbc.sql("select received_at - occurred_at > interval '50 minutes' from alarm where id = ?")
                        .param(alarm)
                        .query(Boolean.class)
                        .single())
                .as("an hour-old event from a device that was offline keeps its own time")
                .isTrue();
    }

    @Test
    void outOfRangeNumbersAreNamedAndTheRawInputKept() throws Exception {
        String cid = safetyAlarmController(jdbc, "1813", 4);
        String marker = uniqueEventId();
        HttpResponse<String> answer =
                post("/api/v1/events", """
                {"eventId": "%s", "code": "BUTTON_PRESSED", "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"},
                 "batteryPercent": 1099511627826}
                """.formatted(marker, cid).getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("batteryPercent");
        assertThat(rejectedContaining(marker)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from received_event where event_key = ?")
                        .param(marker)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void overlongUtf8IsRefusedNotDecoded() throws Exception {
        String marker = uniqueEventId();
        byte[] start = ("{\"eventId\": \"" + marker + "\", \"code\": \"FALL\", \"device\": {\"imei\": \"1\"},"
                        + " \"text\": \"..")
                .getBytes(StandardCharsets.UTF_8);
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};
        byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(start);
        body.write(overlongSlash);
        body.write(end);
        HttpResponse<String> answer = post("/api/v1/events", body.toByteArray());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("UTF-8").contains("\"field\":\"body\"");
        assertThat(rejectedContaining(marker)).isEqualTo(1);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeAnythingIsStored() throws Exception {
        long rejectedBefore = jdbc.sql("select count(*) from rejected_input")
                .query(Long.class)
                .single();
        // 50 MB announced: the answer comes after the headers, before a byte of the body is read.
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
                                    + "\r\nContent-Type: application/json\r\nContent-Length: " + 50 * 1024 * 1024
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = new java.io.DataInputStream(socket.getInputStream());
            String head = readHead(in);
            while (head.startsWith("HTTP/1.1 100")) {
                head = readHead(in);
            }
            assertThat(head).startsWith("HTTP/1.1 413");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)")
                    .matcher(head);
            assertThat(length.find()).as(head).isTrue();
            byte[] body = new byte[Integer.parseInt(length.group(1))];
            in.readFully(body);
            String answer = new String(body, StandardCharsets.UTF_8);
            assertThat(answer).contains("VARDE-WEB-0002");
        }

        // Sent without a length (chunked): refused when the read crosses the cap.
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        HttpResponse<String> streamed = http.send(
                request("/api/v1/events")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(chunks(chunk, 8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(jdbc.sql("select count(*) from rejected_input")
                        .query(Long.class)
                        .single())
                .isEqualTo(rejectedBefore);
    }

    /** The status line and headers of one HTTP answer, up to the blank line. */
    private static String readHead(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        return head.toString();
    }

    private long rejectedContaining(String marker) {
        return jdbc.sql("select count(*) from rejected_input where position(convert_to(?, 'UTF8') in body) > 0")
                .param(marker)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return http.send(
                request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json");
    }

    /** A body of unknown length: the client sends it chunked. */
    private static Flow.Publisher<java.nio.ByteBuffer> chunks(byte[] chunk, int count) {
        return HttpRequest.BodyPublishers.concat(java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> HttpRequest.BodyPublishers.ofByteArray(chunk))
                .toArray(HttpRequest.BodyPublisher[]::new));
    }
}
