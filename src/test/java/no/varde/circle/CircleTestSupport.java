package no.varde.circle;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.DispatchTestSupport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Demo residents with relatives, alarms from their devices, and an SMS provider as a real HTTP server. */
public final class CircleTestSupport {

    public static final Pattern LINK = Pattern.compile("https?://\\S+?(/p/[A-Za-z0-9_-]+)");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private CircleTestSupport() {}

    /** A resident of the demo region with a device and at least {@code relatives} relatives, not used before. */
    public record Subject(UUID residentId, String controllerId, String deviceId, List<String> phones) {}

    public static Subject subject(JdbcClient jdbc, int relatives, java.util.Set<UUID> used) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select r.id, d.scaip_controller_id, coalesce(d.scaip_device_id, '1') as device_id
                        from resident r join device d on d.resident_id = r.id
                        where d.scaip_controller_id is not null and r.active
                          and (select count(*) from relative x where x.resident_id = r.id) >= ?
                          and not exists (select 1 from relative_consent c where c.resident_id = r.id)
                          and not exists (select 1 from relative_round c where c.resident_id = r.id)
                        order by r.id
                        """).param(relatives).query().listOfRows();
        for (Map<String, Object> row : rows) {
            UUID id = (UUID) row.get("id");
            if (used.add(id)) {
                List<String> phones = jdbc.sql("select phone from relative where resident_id = ? order by priority")
                        .param(id)
                        .query(String.class)
                        .list();
                return new Subject(id, (String) row.get("scaip_controller_id"), (String) row.get("device_id"), phones);
            }
        }
        throw new AssertionError("no unused demo resident with " + relatives + " relatives");
    }

    /** An alarm from the subject's device, claimed through the API by the demo operator. */
    public static AlarmId claimedAlarm(MockMvc mvc, Subject subject) throws Exception {
        AlarmId alarm = DispatchTestSupport.postAlarm(mvc, subject.controllerId(), subject.deviceId());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());
        return alarm;
    }

    public static List<String> timelineKinds(JdbcClient jdbc, AlarmId alarm) {
        return DispatchTestSupport.timelineKinds(jdbc, alarm);
    }

    /** The statuses of RELATIVE_SMS_STATUS entries of the alarm, in order. */
    public static List<String> statusEntries(JdbcClient jdbc, AlarmId alarm) {
        return jdbc.sql(
                        "select data ->> 'status' from alarm_timeline where alarm_id = ? and kind = 'RELATIVE_SMS_STATUS'"
                                + " order by id")
                .param(alarm.value())
                .query(String.class)
                .list();
    }

    public static String linkPath(String smsText) {
        Matcher matcher = LINK.matcher(smsText);
        if (!matcher.find()) {
            throw new AssertionError("no relative's link in: " + smsText);
        }
        return matcher.group(1);
    }

    /** An SMS provider: records {to, text, reference, authorization} of every request and answers 202. */
    public static final class Provider implements AutoCloseable {

        public final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        public Provider() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/sms", exchange -> {
                JsonNode body =
                        JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                received.add(Map.of(
                        "to", body.path("to").asString(),
                        "text", body.path("text").asString(),
                        "reference", body.path("reference").asString(""),
                        "authorization",
                                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
                byte[] answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
        }

        public String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
        }

        public List<Map<String, String>> to(String phone) {
            return received.stream().filter(r -> r.get("to").equals(phone)).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
