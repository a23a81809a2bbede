package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator console in Debian's Chromium: an event posted to the ingest API appears live in the queue, is
 * claimed, a call with verbal contact is logged and it is closed as resolved by phone; a second operator is told
 * who holds the alarm; closing as resolved by phone without a call is refused and dispatch is proposed.
 */
// Its own database (no bursts of other test classes' alarms escalating together, which the console answers with
// one whole-queue read), and the whole-queue safety-net re-read pushed out of the way: a row that arrives can
// only have come singly.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"varde.console.resync-interval=10m", "varde.embedded-database.database-name=varde_console_browser"
        })
class ConsoleBrowserTests {

    static final String TOKEN = "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    static final Pattern ALARM_ID = Pattern.compile("\"alarmId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch("--autoplay-policy=no-user-gesture-required");
        browser = chromium.browser();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void aPostedEventAppearsLiveAndIsClaimedCalledAndClosedAsResolvedByPhone() {
        Page page = signIn("operator");
        page.navigate(base() + "/console");
        assertThat(page.locator("#live-status")).hasText("Direkte");
        page.evaluate("() => { window.notReloaded = true; }");

        String id = postEvent("BUTTON_PRESSED");
        Locator row = page.locator("#alarm-" + id);
        assertThat(row).isVisible();
        assertThat(page.evaluate("() => window.notReloaded === true"))
                .as("no reload")
                .isEqualTo(true);
        assertThat(row).containsText("Trygghetsalarm: knappetrykk");
        assertThat(row.locator(".age")).hasText(Pattern.compile("\\d+:\\d\\d"));
        Chromium.screenshot(page, "console-queue");

        row.locator("a.open").click();
        assertThat(page.locator("#h-resident")).isVisible();
        assertThat(page.locator(".resident-name")).not().isEmpty();
        page.locator("#claim").click();
        assertThat(page.locator(".alert.ok")).hasText("Du har tatt alarmen.");
        assertThat(page.locator("#claimed-by")).hasText("Ola Operatør");

        String callee = page.locator(".resident-name strong").innerText();
        page.locator("#callee").fill(callee);
        page.locator("#number").fill("+4790000000");
        page.locator("#result").selectOption("VERBAL_CONTACT");
        page.locator("#call-note").fill("Trykket ved et uhell, alt vel");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Logg samtalen"))
                .click();
        assertThat(page.locator(".alert.ok")).hasText("Samtalen er logget.");
        Chromium.screenshot(page, "console-alarm");

        page.locator("#outcome").selectOption("RESOLVED_BY_PHONE");
        page.locator("#comment").fill("Ingen skade");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Lukk alarmen"))
                .click();
        assertThat(page.locator(".alert.ok")).hasText("Alarmen er lukket.");
        assertThat(page.locator("#alarm-state")).hasText("Lukket");
        Locator timeline = page.locator("#timeline tbody");
        assertThat(timeline).containsText("Verbal kontakt");
        assertThat(timeline).containsText("Løst på telefon");
        Chromium.screenshot(page, "console-closed");

        page.navigate(base() + "/console");
        assertThat(page.locator("#alarm-" + id)).hasCount(0);
        page.context().close();
    }

    @Test
    void aNewAlarmAndItsClaimArriveAsSingleRowsWithoutAQueueReload() throws Exception {
        Page page = signIn("operator");
        List<String> queueReads = new CopyOnWriteArrayList<>();
        List<String> rowReads = new CopyOnWriteArrayList<>();
        List<String> log = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> log.add("console: " + message.text()));
        page.onResponse(response -> log.add(response.status() + " " + response.url()));
        page.onRequest(request -> {
            if (request.url().contains("/console/queue?")) {
                queueReads.add(request.url());
            } else if (request.url().contains("/console/queue/rows/")) {
                rowReads.add(request.url());
            }
        });
        // the page reads the whole queue once when its stream connects (catching up); wait for that read
        page.waitForResponse(
                response -> response.url().contains("/console/queue?"), () -> page.navigate(base() + "/console"));
        assertThat(page.locator("#live-status")).hasText("Direkte");
        page.waitForTimeout(300);
        page.evaluate("() => { document.getElementById('queue').dataset.marker = 'kept'; }");
        queueReads.clear();

        String id = postEvent("FALL");
        Locator row = page.locator("#alarm-" + id);
        assertThat(row).isVisible();
        assertThat(row.locator("td").last()).hasText("Ingen ennå");

        claimAs("operator2", id);
        assertThat(row.locator("td").last()).hasText("Oda Operatør");
        assertThat(row).containsText("Behandles");

        assertThat(page.evaluate("() => document.getElementById('queue').dataset.marker"))
                .as("the queue element was never replaced: %s", log)
                .isEqualTo("kept");
        assertThat(queueReads).as("no whole-queue read").isEmpty();
        assertThat(rowReads).anyMatch(url -> url.contains(id));
        Chromium.screenshot(page, "console-live-row");
        page.context().close();
    }

    private void claimAs(String operator, String id) throws Exception {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((operator + ":varde-demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/alarms/" + id + "/claim"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aSecondOperatorTryingToClaimAHeldAlarmIsToldWhoHasIt() {
        String id = postEvent("FALL");
        // a page that does not follow the alarm live (no script): its claim button is still there when the first
        // operator takes the alarm (a live page takes the button away at once and names the change in its banner)
        Page second = chromium.signIn(
                base(),
                "operator2",
                new Browser.NewContextOptions().setViewportSize(1400, 900).setJavaScriptEnabled(false));
        second.navigate(base() + "/console/alarms/" + id);
        assertThat(second.locator("#claim")).isVisible();
        Page live = signIn("operator2");
        live.navigate(base() + "/console/alarms/" + id);
        assertThat(live.locator("#live-status")).hasText("Direkte");

        Page first = signIn("operator");
        first.navigate(base() + "/console/alarms/" + id);
        first.locator("#claim").click();
        assertThat(first.locator("#claimed-by")).hasText("Ola Operatør");
        assertThat(live.locator("#alarm-changes")).containsText("Tatt av Ola Operatør kl. ");
        assertThat(live.locator("#held-by-other")).containsText("Alarmen er allerede tatt av Ola Operatør");
        assertThat(live.locator("#claim")).hasCount(0);
        live.context().close();

        second.locator("#claim").click();
        assertThat(second.locator("#claim-refused")).containsText("Alarmen er allerede tatt av Ola Operatør");
        assertThat(second.locator("#claim")).hasCount(0);
        assertThat(second.locator("#claimed-by")).hasText("Ola Operatør");
        Chromium.screenshot(second, "console-claim-refused");
        first.context().close();
        second.context().close();
    }

    @Test
    void closingAsResolvedByPhoneWithoutACallIsRefusedAndDispatchIsProposed() {
        String id = postEvent("BUTTON_PRESSED");
        Page page = signIn("operator");
        page.navigate(base() + "/console/alarms/" + id);
        page.locator("#claim").click();
        assertThat(page.locator("#claimed-by")).hasText("Ola Operatør");

        page.locator("#outcome").selectOption("RESOLVED_BY_PHONE");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Lukk alarmen"))
                .click();
        assertThat(page.locator("#refused")).containsText("ingen samtale med verbal kontakt er logget");
        assertThat(page.locator("#alarm-state")).hasText("Behandles");
        Locator propose = page.locator("#propose-dispatch");
        assertThat(propose).isVisible();
        Chromium.screenshot(page, "console-propose-dispatch");

        propose.click();
        assertThat(page.locator(".alert.ok")).hasText("Utrykning er sendt til hjemmetjenesten.");
        assertThat(page.locator("#alarm-state")).hasText("Utrykning sendt");
        page.context().close();
    }

    private String postEvent(String code) {
        String[] device = jdbc.sql("select scaip_controller_id, coalesce(scaip_device_id, '') from device"
                        + " where type = 'SAFETY_ALARM' and resident_id is not null and scaip_controller_id is not null"
                        + " order by scaip_controller_id offset 3 limit 1")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        String json = """
                {"eventId": "%s", "code": "%s", "device": {"scaipControllerId": "%s", "scaipDeviceId": "%s"}}
                """.formatted("browser-" + UUID.randomUUID(), code, device[0], device[1]);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);
            Matcher matcher = ALARM_ID.matcher(response.body());
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Page signIn(String username) {
        return chromium.signIn(base(), username, new Browser.NewContextOptions().setViewportSize(1400, 900));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
