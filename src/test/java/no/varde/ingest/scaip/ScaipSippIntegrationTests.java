package no.varde.ingest.scaip;

import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.ingest.ProtocolTestConfiguration;
import no.varde.ingest.ProtocolTestConfiguration.SwitchableReception;
import no.varde.ingest.credentials.ScaipCredentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SCAIP receiver against a real SIP peer: Debian's SIPp playing the device, over UDP and TCP. Each exchange is
 * the one devices implement: MESSAGE with the mrq, 200 only after the commit, then Varde's own MESSAGE with the
 * mrs, answered 200 by the device.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ProtocolTestConfiguration.class)
class ScaipSippIntegrationTests {

    @Autowired
    ScaipReceiver receiver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SwitchableReception reception;

    @Autowired
    ScaipCredentials credentials;

    @AfterEach
    void receptionBack() {
        reception.unavailable(false);
        reception.delay(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"u1", "t1"})
    void deviceAlarmIsCommittedAnsweredAndAcknowledgedWithAnMrs(String transport) throws Exception {
        String cid = safetyAlarmController(jdbc, "1813", 2);
        String ref = ref();
        Sipp.Run run = Sipp.run(
                "scaip-device-alarm",
                transport,
                receiver.port(),
                Map.of("cid", cid, "ref", ref, "dty", "3", "stc", "10"));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.log()).contains("mrs snu=0", "mrs ref=" + ref);
        // the mrs names Varde by the address the device reached it at, never the wildcard it listens on: a device
        // answers (and may send again) to what From and Via say
        assertThat(run.log())
                .contains("mrs from=127.0.0.1:" + receiver.port())
                .contains("mrs via=127.0.0.1:" + receiver.port());
        Map<String, Object> alarm = alarm(cid, ref);
        assertThat(alarm)
                .containsEntry("source_code", "0003:0010")
                .containsEntry("category", "ALARM")
                .containsEntry("kommunenummer", "1813");
        assertThat(alarm.get("flags").toString()).doesNotContain("UNKNOWN");
        assertThat(alarm.get("details").toString())
                .contains(
                        "\"callbackRoute\": \"gsm:+4791234567\"", "\"location\": \"Stue\"", "\"deviceType\": \"0003\"")
                .contains("\"latitude\": 65.47", "\"longitude\": 12.21");
    }

    @ParameterizedTest
    @ValueSource(strings = {"u1", "t1"})
    void retransmissionsGetTheSameAnswerAndMakeOneAlarm(String transport) throws Exception {
        String cid = safetyAlarmController(jdbc, "1818", 1);
        String ref = ref();
        reception.delay(Duration.ofMillis(1200)); // longer than SIP timer E (500 ms): the device retransmits
        Sipp.Run run = Sipp.run(
                "scaip-device-retransmission",
                transport,
                receiver.port(),
                Map.of("cid", cid, "ref", ref, "dty", "0005", "stc", "0009"));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.log().split("mrs snu=0", -1)).hasSize(3);
        assertThat(alarms(cid, ref)).isEqualTo(1);
        assertThat(alarm(cid, ref)).containsEntry("source_code", "0005:0009").containsEntry("vkp_alert_code", "4.1");
    }

    @Test
    void theSameRefAfterTheDedupWindowIsANewAlarm() throws Exception {
        String cid = safetyAlarmController(jdbc, "1818", 2);
        String ref = ref();
        Map<String, String> keys = Map.of("cid", cid, "ref", ref, "dty", "3", "stc", "10");
        Sipp.Run first = Sipp.run("scaip-device-alarm", "u1", receiver.port(), keys);
        assertThat(first.exitCode()).as(first.errors()).isZero();
        Sipp.Run again = Sipp.run("scaip-device-alarm", "u1", receiver.port(), keys);
        assertThat(again.exitCode()).as(again.errors()).isZero();
        assertThat(again.log()).contains("mrs snu=0");
        assertThat(alarms(cid, ref)).isEqualTo(1);

        // eleven minutes later (the reception moved back past the 10-minute window) the device reuses the ref
        assertThat(jdbc.sql("update received_event set received_at = received_at - interval '11 minutes'"
                                + " where source = 'SCAIP' and sender = ? and event_key = ?")
                        .params(cid, ref)
                        .update())
                .isEqualTo(1);
        Sipp.Run reused = Sipp.run("scaip-device-alarm", "u1", receiver.port(), keys);
        assertThat(reused.exitCode()).as(reused.errors()).isZero();
        assertThat(alarms(cid, ref)).isEqualTo(2);
    }

    @Test
    void heartbeatIsSupervisionAnsweredWithTheHeartbeatIntervalAndNoAlarm() throws Exception {
        String cid = safetyAlarmController(jdbc, "1820", 0);
        String spaced = cid.substring(0, 2) + " " + cid.substring(2, 6) + " " + cid.substring(6);
        String ref = ref();
        Sipp.Run run = Sipp.run(
                "scaip-device-heartbeat", "u1", receiver.port(), Map.of("cid", cid, "cidtext", spaced, "ref", ref));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.log()).contains("mrs hbi=3");
        assertThat(alarms(cid, ref)).isZero();
        assertThat(jdbc.sql(
                                "select count(*) from received_event where source = 'SCAIP' and sender = ? and event_key = ?"
                                        + " and supervision and alarm_id is null")
                        .params(cid, ref)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void notXmlIsAnsweredSnu2AndKeptRaw() throws Exception {
        String body = "garbage-" + ref();
        Sipp.Run run = Sipp.run(
                "scaip-device-malformed",
                "u1",
                receiver.port(),
                Map.of("cid", "4799" + ThreadLocalRandom.current().nextInt(1_000_000), "ref", ref(), "body", body));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.log()).contains("mrs snu=2");
        assertThat(rejected(body)).isEqualTo(1);
    }

    @Test
    void mrqWithoutControllerIdIsAnsweredSnu7WithItsRefAndKeptRaw() throws Exception {
        String ref = ref();
        String body = "<mrq><ref>" + ref + "</ref><dty>3</dty><stc>10</stc></mrq>";
        Sipp.Run run = Sipp.run(
                "scaip-device-malformed", "t1", receiver.port(), Map.of("cid", "4711", "ref", ref, "body", body));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.log()).contains("mrs snu=7", "mrs ref=" + ref);
        assertThat(rejected(ref)).isEqualTo(1);
    }

    @Test
    void deviceWithCredentialsPassesTheDigestChallenge() throws Exception {
        String cid = safetyAlarmController(jdbc, "1822", 0);
        credentials.set(cid, "dev-" + cid, "varde", "right-secret", "test");
        String ref = ref();
        Sipp.Run run = Sipp.run(
                "scaip-device-digest",
                "u1",
                receiver.port(),
                Map.of("cid", cid, "ref", ref),
                "-au",
                "dev-" + cid,
                "-ap",
                "right-secret");

        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.log()).contains("mrs snu=0");
        assertThat(alarms(cid, ref)).isEqualTo(1);
    }

    @Test
    void deviceFailingTheDigestGetsNoAlarmThroughButOneTechnicalAlarmPerInterval() throws Exception {
        String cid = safetyAlarmController(jdbc, "1824", 2);
        credentials.set(cid, "dev-" + cid, "varde", "right-secret", "test");
        String ref = ref();
        for (int attempt = 0; attempt < 2; attempt++) {
            Sipp.Run run = Sipp.run(
                    "scaip-device-digest-wrong",
                    "u1",
                    receiver.port(),
                    Map.of("cid", cid, "ref", ref),
                    "-au",
                    "dev-" + cid,
                    "-ap",
                    "wrong-secret");
            assertThat(run.exitCode()).as(run.errors()).isZero();
        }

        assertThat(alarms(cid, ref)).isZero();
        assertThat(jdbc.sql("select count(*) from alarm where source = 'SCAIP' and source_code = 'AUTH_FAILED'"
                                + " and category = 'TECHNICAL' and details ->> 'ref' = ?")
                        .param(ref)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(rejected(ref)).isEqualTo(2);
    }

    @Test
    void whenReceptionCannotCommitTheDeviceGets503WithRetryAfterAndNoMrs() throws Exception {
        reception.unavailable(true);
        String cid = safetyAlarmController(jdbc, "1825", 0);
        String ref = ref();
        Sipp.Run run = Sipp.run("scaip-device-unavailable", "u1", receiver.port(), Map.of("cid", cid, "ref", ref));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        assertThat(run.log()).contains("retry-after=7");
        assertThat(alarms(cid, ref)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"u1", "t1"})
    void voiceCallAfterAnAlarmIsRefusedWithAFallbackErrorAndNotedOnTheAlarm(String transport) throws Exception {
        String cid = safetyAlarmController(jdbc, "1826", 1);
        String ref = ref();
        Sipp.Run alarm = Sipp.run(
                "scaip-device-alarm",
                transport,
                receiver.port(),
                Map.of("cid", cid, "ref", ref, "dty", "3", "stc", "10"));
        assertThat(alarm.exitCode()).as(alarm.errors()).isZero();

        Sipp.Run voice = Sipp.run("scaip-device-voice", transport, receiver.port(), Map.of("cid", cid));

        // 480 is a final error: the device gives up on Varde for voice and uses its own voice route
        assertThat(voice.exitCode()).as(voice.errors()).isZero();
        assertThat(voice.log()).contains("voice refused 480");
        String alarmId = jdbc.sql("select id::text from alarm where details ->> 'senderIdentity' = ?")
                .param("SCAIP:" + cid + ":" + ref)
                .query(String.class)
                .single();
        Map<String, Object> note = awaitRow(
                "select text, data::text as data from alarm_timeline where alarm_id = ?::uuid and kind = 'NOTE'"
                        + " and actor = 'system:scaip'",
                alarmId);
        assertThat(note.get("text").toString()).contains("taleoppringning", "480");
        assertThat(note.get("data").toString()).contains("\"voiceCall\": \"refused\"", "\"sipStatus\": 480");
        assertThat(alarms(cid, ref)).isEqualTo(1);
    }

    @Test
    void voiceCallWithoutAnOpenAlarmIsRefusedAndKeptRawWithTheReason() throws Exception {
        String cid = "4798" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        Sipp.Run voice = Sipp.run("scaip-device-voice", "u1", receiver.port(), Map.of("cid", cid));

        assertThat(voice.exitCode()).as(voice.errors()).isZero();
        assertThat(voice.log()).contains("voice refused 480");
        Map<String, Object> kept = awaitRow(
                "select content_type, problems::text as problems, convert_from(body, 'UTF8') as body"
                        + " from rejected_input where source = 'SCAIP' and sender like ?",
                "%" + cid + "%");
        assertThat(kept.get("content_type")).isEqualTo("message/sip");
        assertThat(kept.get("problems").toString()).contains("voice call refused with 480", "controller " + cid);
        assertThat(kept.get("body").toString()).startsWith("INVITE ").contains("m=audio");
        assertThat(jdbc.sql(
                                "select count(*) from alarm_timeline where actor = 'system:scaip' and data ->> 'controller' = ?")
                        .param(cid)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static String ref() {
        return Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    private long alarms(String cid, String ref) {
        return jdbc.sql("select count(*) from alarm where details ->> 'senderIdentity' = ?")
                .param("SCAIP:" + cid + ":" + ref)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> alarm(String cid, String ref) {
        List<Map<String, Object>> rows = jdbc.sql("select source_code, category, kommunenummer, vkp_alert_code,"
                        + " flags::text as flags, details::text as details from alarm"
                        + " where details ->> 'senderIdentity' = ?")
                .param("SCAIP:" + cid + ":" + ref)
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    /** The note is written right after the refusal went out: wait for its row (bounded; the result is asserted). */
    private Map<String, Object> awaitRow(String sql, Object param) throws InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            List<Map<String, Object>> rows = jdbc.sql(sql).param(param).query().listOfRows();
            if (!rows.isEmpty()) {
                assertThat(rows).hasSize(1);
                return rows.getFirst();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no row for " + sql + " with " + param);
    }

    private long rejected(String text) {
        return jdbc.sql(
                        "select count(*) from rejected_input where source = 'SCAIP' and position(? in convert_from(body,"
                                + " 'UTF8')) > 0")
                .param(text)
                .query(Long.class)
                .single();
    }
}
