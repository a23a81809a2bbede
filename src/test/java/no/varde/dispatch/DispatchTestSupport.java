package no.varde.dispatch;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.alarm.AlarmId;
import org.awaitility.Awaitility;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Builds dispatched alarms through the real API, as a device and an operator would. */
public final class DispatchTestSupport {

    public static final String INTEGRATION_TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    public static final Pattern LINK = Pattern.compile("https?://\\S+?(/u/[A-Za-z0-9_-]+)");

    private DispatchTestSupport() {}

    /** A device of the demo region in that municipality with a resident: {controller id, device id}. */
    public static String[] deviceIn(JdbcClient jdbc, String kommunenummer) {
        List<String[]> devices = jdbc.sql("select scaip_controller_id, coalesce(scaip_device_id, '1') from device"
                        + " where kommunenummer = ? and resident_id is not null and scaip_controller_id is not null"
                        + " order by scaip_controller_id")
                .param(kommunenummer)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        return devices.get((int) (Math.random() * devices.size()));
    }

    public static AlarmId postAlarm(MockMvc mvc, String controllerId, String deviceId) throws Exception {
        String body = """
                {"eventId": "dispatch-test-%s", "code": "BUTTON_PRESSED",
                 "device": {"scaipControllerId": "%s", "scaipDeviceId": "%s"}}
                """.formatted(UUID.randomUUID(), controllerId, deviceId);
        String answer = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + INTEGRATION_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return AlarmId.of(JsonPath.read(answer, "$.alarmId"));
    }

    /** Claims and dispatches the alarm as the demo operator. */
    public static void claimAndDispatch(MockMvc mvc, AlarmId alarm, String message) throws Exception {
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/dispatch")
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"" + message + "\"}"))
                .andExpect(status().isOk());
    }

    /** Waits for the count-th (1-based) SMS of the alarm's call-out and returns its text. */
    public static String awaitSms(JdbcClient jdbc, AlarmId alarm, int count, String status) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> smsTexts(jdbc, alarm, status).size() >= count);
        return smsTexts(jdbc, alarm, status).get(count - 1);
    }

    public static List<String> smsTexts(JdbcClient jdbc, AlarmId alarm, String status) {
        return jdbc.sql("select s.text from sms_message s join callout c on c.id = s.callout_id"
                        + " where c.alarm_id = ? and s.status = ? order by s.created_at, s.id")
                .params(alarm.value(), status)
                .query(String.class)
                .list();
    }

    public static List<String> smsRecipients(JdbcClient jdbc, AlarmId alarm) {
        return jdbc.sql("select s.recipient from sms_message s join callout c on c.id = s.callout_id"
                        + " where c.alarm_id = ? order by s.created_at, s.id")
                .param(alarm.value())
                .query(String.class)
                .list();
    }

    /** The path {@code /u/<token>} of the link in an SMS text. */
    public static String linkPath(String smsText) {
        Matcher matcher = LINK.matcher(smsText);
        if (!matcher.find()) {
            throw new AssertionError("no call-out link in: " + smsText);
        }
        return matcher.group(1);
    }

    public static List<String> timelineKinds(JdbcClient jdbc, AlarmId alarm) {
        return jdbc.sql("select kind from alarm_timeline where alarm_id = ? order by id")
                .param(alarm.value())
                .query(String.class)
                .list();
    }

    public static String alarmState(JdbcClient jdbc, AlarmId alarm) {
        return jdbc.sql("select state from alarm where id = ?")
                .param(alarm.value())
                .query(String.class)
                .single();
    }
}
