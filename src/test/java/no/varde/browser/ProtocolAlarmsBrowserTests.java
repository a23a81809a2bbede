package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.ingest.dc09.Dc09Receiver;
import no.varde.ingest.dc09.Dc09TestSender;
import no.varde.ingest.scaip.ScaipReceiver;
import no.varde.ingest.scaip.Sipp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole path from a real device protocol to the operator's screen, in Debian's Chromium: a SCAIP alarm sent by
 * Debian's SIPp (a real sip-tester process) and a DC-09 alarm sent by the independent test transmitter each appear
 * live in the operator console's queue, and the alarm page shows what the operator needs (type, resident, callback
 * route; the voice call Varde refused).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProtocolAlarmsBrowserTests {

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScaipReceiver scaip;

    @Autowired
    Dc09Receiver dc09;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void aScaipAlarmFromSippAppearsLiveInTheConsoleWithItsCallbackRouteAndRefusedVoiceCall() throws Exception {
        Page page = liveConsole();
        Map<String, Object> device = jdbc.sql("select d.scaip_controller_id as cid, r.given_name || ' ' ||"
                        + " r.family_name as name from device d join resident r on r.id = d.resident_id"
                        + " where d.type = 'SAFETY_ALARM' and d.scaip_controller_id is not null"
                        + " order by d.scaip_controller_id offset 7 limit 1")
                .query()
                .singleRow();
        String cid = device.get("cid").toString();
        String ref = "browser" + ThreadLocalRandom.current().nextInt(1_000_000_000);

        Sipp.Run alarm = Sipp.run(
                "scaip-device-alarm", "u1", scaip.port(), Map.of("cid", cid, "ref", ref, "dty", "3", "stc", "10"));
        assertThat(alarm.exitCode()).as(alarm.errors()).isZero();
        String id = jdbc.sql("select id::text from alarm where details ->> 'senderIdentity' = ?")
                .param("SCAIP:" + cid + ":" + ref)
                .query(String.class)
                .single();

        Locator row = page.locator("#alarm-" + id);
        assertThat(row).isVisible();
        assertThat(row).containsText("Trygghetsalarm: knappetrykk");
        assertThat(page.evaluate("() => window.notReloaded === true"))
                .as("arrived live, without a reload")
                .isEqualTo(true);
        Chromium.screenshot(page, "console-scaip-alarm");

        // the device then tries to open voice: Varde refuses (480, the device uses its own voice route)
        Sipp.Run voice = Sipp.run("scaip-device-voice", "u1", scaip.port(), Map.of("cid", cid));
        assertThat(voice.exitCode()).as(voice.errors()).isZero();

        row.locator("a.open").click();
        assertThat(page.locator("#h-alarm")).containsText("Trygghetsalarm: knappetrykk");
        assertThat(page.locator("body")).containsText(device.get("name").toString());
        // what the device reported, where the operator looks first: the route to call back on, place, position
        assertThat(page.locator("#callback-route")).hasText("gsm:+4791234567");
        assertThat(page.locator("#device-location")).containsText("Stue");
        assertThat(page.locator("#device-position")).containsText("65.47");
        Locator timeline = page.locator("table.timeline");
        // the note is written right after the refusal; the page shows it once it is there
        for (int attempt = 0; attempt < 50 && !timeline.textContent().contains("taleoppringning"); attempt++) {
            Thread.sleep(100);
            page.reload();
            timeline = page.locator("table.timeline");
        }
        assertThat(timeline.locator("tr[data-kind=NOTE]")).containsText("taleoppringning");
        Chromium.screenshot(page, "console-scaip-alarm-page");
    }

    @Test
    void aDc09AlarmFromTheTestTransmitterAppearsLiveInTheConsole() throws Exception {
        Page page = liveConsole();
        Map<String, Object> device = jdbc.sql("select upper(d.sia_account) as account, r.given_name || ' ' ||"
                        + " r.family_name as name from device d join resident r on r.id = d.resident_id"
                        + " where d.sia_account is not null order by d.sia_account offset 5 limit 1")
                .query()
                .singleRow();
        String account = device.get("account").toString();
        String sequence = String.format("%04d", ThreadLocalRandom.current().nextInt(1, 10_000));

        String answer;
        try (Dc09TestSender sender = new Dc09TestSender(dc09.port())) {
            sender.send(Dc09TestSender.frame(
                    Dc09TestSender.clear("ADM-CID", sequence, account, "#" + account + "|1101 01 001", Instant.now()),
                    false));
            answer = sender.answer();
        }
        assertThat(answer).startsWith("\"ACK\"" + sequence);
        String id = jdbc.sql("select id::text from alarm where details ->> 'senderIdentity' = ?")
                .param("SIA:" + account + ":" + sequence)
                .query(String.class)
                .single();

        Locator row = page.locator("#alarm-" + id);
        assertThat(row).isVisible();
        assertThat(row).containsText("Personlig nødalarm");
        assertThat(page.evaluate("() => window.notReloaded === true"))
                .as("arrived live, without a reload")
                .isEqualTo(true);
        Chromium.screenshot(page, "console-dc09-alarm");

        row.locator("a.open").click();
        assertThat(page.locator("body")).containsText("Personlig nødalarm");
        assertThat(page.locator("body")).containsText(device.get("name").toString());
    }

    private Page liveConsole() {
        Page page = chromium.signIn(
                "http://localhost:" + port, "operator", new Browser.NewContextOptions().setViewportSize(1400, 900));
        page.navigate("http://localhost:" + port + "/console");
        assertThat(page.locator("#live-status")).hasText("Direkte");
        page.evaluate("() => { window.notReloaded = true; }");
        return page;
    }
}
