package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.DispatchTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The alarm page on one screen in Debian's Chromium at 1440×900 (issue 11, items 3, 5, 6, 7 and the banners of 8):
 * an alarm is claimed, a call logged, home care dispatched and the alarm closed with the keyboard alone and without a
 * page load; what the device said is on the page with its position; a call button fills in the call log; the
 * banner names a call-out accepted by the worker; axe-core finds no serious or critical violation on the console,
 * the alarm page, the wallboard and the phone's call-out page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlarmPageBrowserTests {

    private static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    private static final Pattern ALARM_ID = Pattern.compile("\"alarmId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch("--autoplay-policy=no-user-gesture-required");
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void anAlarmIsClaimedCalledDispatchedAndClosedWithTheKeyboardAloneWithoutAPageLoad() {
        String id = postEvent("FALL", "Fall registrert, ingen bevegelse etter fallet", "Bad", 64, 65.8361, 13.1934);
        Page page = chromium.signIn(base(), "operator", desktop());
        page.navigate(base() + "/console");
        assertThat(page.locator("#live-status")).hasText("Direkte");
        assertThat(page.locator("#alarm-" + id)).isVisible();

        // J walks the queue row by row until this alarm's row has the focus; O opens it
        page.locator("h1").first().click();
        for (int i = 0; i < 200 && !focusedRowIs(page, id); i++) {
            page.keyboard().press("j");
        }
        assertThat(focusedRowIs(page, id))
                .as(
                        "the keys reached the alarm's row: %s",
                        page.evaluate("() => [...document.querySelectorAll('#queue tr.alarm-row')].map(r => r.id"
                                + " + (r.hidden ? ' hidden' : '')).join(', ') + ' / active: '"
                                + " + document.activeElement.outerHTML.slice(0, 100)"))
                .isTrue();
        assertThat(page.locator("#alarm-" + id)).hasClass(Pattern.compile("kbd-current"));
        page.keyboard().press("o");
        page.waitForURL("**/console/alarms/" + id);
        assertThat(page.locator("#live-status")).hasText("Direkte");
        page.evaluate("() => { window.notReloaded = 'kept'; }");

        // what the device said, and where it is (no tile server configured: the coordinates and a link)
        assertThat(page.locator("#device-text")).hasText("Fall registrert, ingen bevegelse etter fallet");
        assertThat(page.locator("#device-location")).containsText("Bad");
        assertThat(page.locator("#device-battery")).hasText("64 %");
        assertThat(page.locator("#device-position .coordinates")).hasText("65.836100, 13.193400");
        assertThat(page.locator("#device-position-time")).containsText("meldt");
        assertThat(page.locator("#position-link"))
                .hasAttribute("href", Pattern.compile("openstreetmap\\.org/\\?mlat=65\\.836100&mlon=13\\.193400"));
        assertThat(page.locator("#position-map")).hasCount(0);

        // the three columns side by side at 1440×900, each scrolling on its own
        double resident = page.locator("#col-resident").boundingBox().x;
        double actions = page.locator("#col-actions").boundingBox().x;
        double timeline = page.locator("#col-timeline").boundingBox().x;
        assertThat(resident).isLessThan(actions);
        assertThat(actions).isLessThan(timeline);
        assertThat(page.locator("#col-timeline").boundingBox().y
                        + page.locator("#col-timeline").boundingBox().height)
                .as("the timeline column ends within the window")
                .isLessThanOrEqualTo(900);

        // C claims it, in place
        page.keyboard().press("c");
        assertThat(page.locator("#claimed-by")).hasText("Ola Operatør");
        assertThat(page.locator("#done-message")).hasText("Du har tatt alarmen.");
        assertFocusKept(page);
        // closing is in view without scrolling
        screenshot(page, "alarm-page-claimed");
        assertCloseInView(page);

        // L: the call log; the result chosen by typing in the list, Enter sends
        page.keyboard().press("l");
        assertThat(page.locator("#callee")).isFocused();
        page.keyboard().type("Datter");
        page.keyboard().press("Tab");
        page.keyboard().type("+4790000001");
        page.keyboard().press("Tab");
        assertThat(page.locator("#result")).isFocused();
        page.keyboard().type("Ver");
        assertThat(page.locator("#result")).hasValue("VERBAL_CONTACT");
        page.keyboard().press("Tab");
        page.keyboard().type("Har snakket med henne, vondt i hofta");
        page.keyboard().press("Enter");
        assertThat(page.locator("#done-message")).hasText("Samtalen er logget.");
        assertThat(page.locator("#timeline tbody")).containsText("Verbal kontakt");
        assertFocusKept(page);

        // D: dispatch with a message, Enter sends
        page.keyboard().press("Escape");
        page.keyboard().press("d");
        assertThat(page.locator("#dispatch-message")).isFocused();
        page.keyboard().type("Mulig hoftebrudd, dra innom");
        page.keyboard().press("Enter");
        assertThat(page.locator("#alarm-state")).hasText("Utrykning sendt");
        assertFocusKept(page);

        // X: close with an outcome, Enter sends
        page.keyboard().press("Escape");
        page.keyboard().press("x");
        assertThat(page.locator("#outcome")).isFocused();
        page.keyboard().type("Løst");
        assertThat(page.locator("#outcome")).hasValue("RESOLVED_BY_PHONE");
        page.keyboard().press("Tab");
        page.keyboard().type("Hjemmetjenesten følger opp i morgen");
        page.keyboard().press("Enter");
        // home care is on its way: the page asks first (the worker gets a cancellation SMS); focus on the question,
        // Tab to the confirmation, Enter
        assertThat(page.locator("#confirm-callout-cancel")).isVisible();
        assertThat(page.locator("#refused")).isFocused();
        page.keyboard().press("Tab");
        assertThat(page.locator("#confirm-close")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#alarm-state")).hasText("Lukket");
        assertThat(page.locator("#timeline tbody")).containsText("Løst på telefon");

        assertThat(page.evaluate("() => window.notReloaded")).as("no page load").isEqualTo("kept");
        assertThat(page.url()).endsWith("/console/alarms/" + id);
        List<String> kinds = DispatchTestSupport.timelineKinds(jdbc, AlarmId.of(id));
        assertThat(kinds).contains("CLAIMED", "CALL", "DISPATCHED", "CLOSED");
        page.context().close();
    }

    @Test
    void aCallButtonFillsInTheCallLogAndTheBannerNamesTheWorkerWhoAcceptedTheCallout() {
        String id = postEvent("BUTTON_PRESSED", null, null, null, null, null);
        Page page = chromium.signIn(base(), "operator", desktop());
        page.navigate(base() + "/console/alarms/" + id);
        page.locator("#claim").click();
        assertThat(page.locator("#done-message")).hasText("Du har tatt alarmen.");
        assertThat(page.locator("#claimed-by")).hasText("Ola Operatør");

        // the first call button is the resident's own number
        Locator call = page.locator("a.call-button").first();
        assertThat(call).hasAttribute("href", Pattern.compile("^tel:"));
        String callee = call.getAttribute("data-callee");
        String number = call.getAttribute("data-number");
        // the tel: link goes to the phone system, which a headless browser has not: the test stops that navigation
        // (after the page's own handler); the page stays and asks how the call went
        page.evaluate("() => document.addEventListener('click', e => {"
                + " if (e.target.closest('a.call-button')) e.preventDefault(); })");
        call.click();
        assertThat(page.locator("#callee")).hasValue(callee);
        assertThat(page.locator("#number")).hasValue(number);
        assertThat(page.locator("#result")).isFocused();
        assertThat(page.locator("#call-prefilled")).containsText(callee);

        page.locator("#dispatch-message").fill("Svarer ikke");
        page.locator("#dispatch").click();
        assertThat(page.locator("#alarm-state")).hasText("Utrykning sendt");
        page.evaluate("() => { window.notReloaded = 'kept'; }");
        page.locator("#h-alarm").focus();

        // the worker accepts on the phone: the operator's page says who, and when, in place
        String path = DispatchTestSupport.linkPath(DispatchTestSupport.awaitSms(jdbc, AlarmId.of(id), 1, "OUTBOX"));
        BrowserContext phoneContext = chromium.browser().newContext(phone());
        Page phone = phoneContext.newPage();
        phone.navigate(base() + path + "?lang=nb");
        phone.locator("#accept").tap();
        assertThat(phone.locator("#state")).containsText("Akseptert");
        phoneContext.close();

        Map<String, Object> accepted = jdbc.sql(
                        "select actor, at from alarm_timeline where alarm_id = ?" + " and kind = 'DISPATCH_ACCEPTED'")
                .param(UUID.fromString(id))
                .query()
                .singleRow();
        String at = ((java.sql.Timestamp) accepted.get("at"))
                .toInstant()
                .atZone(ZoneId.of("Europe/Oslo"))
                .toLocalTime()
                .format(DateTimeFormatter.ofPattern("HH:mm"));
        assertThat(page.locator("#alarm-changed")).isVisible();
        assertThat(page.locator("#alarm-changes"))
                .containsText("Utrykning akseptert av " + accepted.get("actor") + " kl. " + at);
        assertThat(page.locator("#alarm-state")).hasText("Utrykning akseptert");
        assertThat(page.locator("#timeline tr[data-kind='DISPATCH_ACCEPTED']")).hasCount(1);
        assertFocusKept(page);
        assertThat(page.evaluate("() => window.notReloaded")).as("no page load").isEqualTo("kept");
        assertCloseInView(page);
        screenshot(page, "alarm-page");
        page.context().close();
    }

    @Test
    void theHelpOverlayListsTheShortcutsAndTheQueueKeepsItsFocusAcrossLiveUpdates() {
        Page page = chromium.signIn(base(), "operator", desktop());
        page.navigate(base() + "/console");
        assertThat(page.locator("#live-status")).hasText("Direkte");
        String first = postEvent("BUTTON_PRESSED", null, null, null, null, null);
        assertThat(page.locator("#alarm-" + first)).isVisible();
        page.locator("h1").first().click();
        page.keyboard().press("?");
        Locator help = page.locator("#keys-help");
        assertThat(help).isVisible();
        assertThat(help).containsText("Ta alarmen");
        assertThat(help).containsText("Neste alarm i køen");
        page.keyboard().press("Escape");
        assertThat(help).isHidden();

        page.keyboard().press("j");
        String row = (String) page.evaluate("() => document.activeElement.closest('tr').id");
        assertThat(row).startsWith("alarm-");
        // another operator claims that alarm: its row is replaced live, the focus stays on it
        claimAs("operator2", row.substring("alarm-".length()));
        assertThat(page.locator("#" + row)).containsText("Oda Operatør");
        page.waitForFunction(
                "id => document.activeElement.closest && document.activeElement.closest('tr')"
                        + " && document.activeElement.closest('tr').id === id",
                row);
        page.context().close();
    }

    @Test
    void axeFindsNoSeriousViolationsOnTheConsoleTheAlarmPageTheWallboardAndThePhonePage() throws Exception {
        String id = postEvent("LEFT_HOME", "Forlatt hjemmet", null, 35, 65.84, 13.2);
        String fire = postEvent("FIRE", "Røykvarsler stue", "Stue", null, null, null);
        String button = postEvent("BUTTON_PRESSED", null, null, null, null, null);
        Page page = chromium.signIn(base(), "operator", desktop());
        page.navigate(base() + "/console");
        assertThat(page.locator("#live-status")).hasText("Direkte");
        assertThat(page.locator("#alarm-" + fire + " .marker-fire")).isVisible();
        assertThat(page.locator("#alarm-" + button)).isVisible();
        assertNoSeriousViolations(page, "console");
        screenshot(page, "console");

        page.navigate(base() + "/console/alarms/" + id);
        assertThat(page.locator("#guidance")).isVisible();
        assertNoSeriousViolations(page, "alarm page");
        page.locator("#claim").click();
        assertThat(page.locator("#claimed-by")).hasText("Ola Operatør");
        page.locator("[data-keys-open]").first().click();
        assertThat(page.locator("#keys-help")).isVisible();
        assertNoSeriousViolations(page, "alarm page, claimed, shortcuts shown");
        page.keyboard().press("Escape");
        page.locator("#dispatch-message").fill("Forlatt hjemmet, se posisjonen");
        page.locator("#dispatch").click();
        assertThat(page.locator("#alarm-state")).hasText("Utrykning sendt");

        page.setViewportSize(1920, 1080);
        page.navigate(base() + "/wallboard");
        assertThat(page.locator("#waiting, .tiles").first()).isVisible();
        assertNoSeriousViolations(page, "wallboard");
        screenshot(page, "wallboard");
        page.context().close();

        String path = DispatchTestSupport.linkPath(DispatchTestSupport.awaitSms(jdbc, AlarmId.of(id), 1, "OUTBOX"));
        BrowserContext phoneContext = chromium.browser().newContext(phone());
        Page phone = phoneContext.newPage();
        phone.navigate(base() + path + "?lang=nb");
        assertThat(phone.locator("#accept")).isVisible();
        assertNoSeriousViolations(phone, "phone call-out page");
        phoneContext.close();
    }

    /** axe-core (vendored from the axe-core webjar) run in the page; serious and critical violations fail. */
    @SuppressWarnings("unchecked")
    private static void assertNoSeriousViolations(Page page, String what) throws IOException {
        // evaluated, not added as a <script>: the pages' CSP (script-src 'self') refuses inline scripts
        page.evaluate(axeSource());
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const result = await axe.run(document, {resultTypes: ['violations']});
                  return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}));
                }""");
        assertThat(violations).as("axe on the %s: %s", what, violations).isEmpty();
    }

    private static String axeSource() throws IOException {
        try (InputStream in = AlarmPageBrowserTests.class.getClassLoader().getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean focusedRowIs(Page page, String id) {
        return Boolean.TRUE.equals(page.evaluate(
                "id => !!(document.activeElement && document.activeElement.closest"
                        + " && document.activeElement.closest('tr') && document.activeElement.closest('tr').id === id)",
                "alarm-" + id));
    }

    /** The focus is on an element of the page, never dropped to <body> by an in-place answer or a live update. */
    private static void assertFocusKept(Page page) {
        page.waitForTimeout(300);
        assertThat(page.evaluate("() => document.activeElement && document.activeElement !== document.body"
                        + " && document.contains(document.activeElement)"))
                .as(
                        "focus kept (active element: %s)",
                        page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)"))
                .isEqualTo(true);
    }

    /** The close button is in the window, with the columns below the head and any banner. */
    private static void assertCloseInView(Page page) {
        page.waitForTimeout(200);
        String geometry = (String) page.evaluate("() => JSON.stringify({close: document.getElementById('close')"
                + ".getBoundingClientRect(), grid: document.querySelector('.desk-grid').getBoundingClientRect(),"
                + " top: getComputedStyle(document.documentElement).getPropertyValue('--desk-top'),"
                + " scrollY: window.scrollY, height: innerHeight})");
        assertThat(page.evaluate("() => { const r = document.getElementById('close').getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= innerHeight; }"))
                .as("the close button in the window: %s", geometry)
                .isEqualTo(true);
    }

    private static Browser.NewContextOptions desktop() {
        return new Browser.NewContextOptions().setViewportSize(1440, 900);
    }

    private static Browser.NewContextOptions phone() {
        return new Browser.NewContextOptions()
                .setViewportSize(375, 667)
                .setIsMobile(true)
                .setHasTouch(true);
    }

    /** The screenshots docs/console.md shows (copied to docs/images after a look). */
    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/alarmpage-" + name + ".png")));
    }

    private void claimAs(String operator, String id) {
        String basic = java.util.Base64.getEncoder()
                .encodeToString((operator + ":varde-demo").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base() + "/api/v1/alarms/" + id + "/claim"))
                                    .header("Authorization", "Basic " + basic)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event from a safety alarm of a resident in Brønnøy (1813), which has home care, with what the device said. */
    private String postEvent(
            String code, String text, String location, Integer battery, Double latitude, Double longitude) {
        String[] device = DispatchTestSupport.deviceIn(jdbc, "1813");
        StringBuilder json = new StringBuilder("{\"eventId\":\"alarmpage-" + UUID.randomUUID() + "\",\"code\":\"" + code
                + "\",\"device\":{\"scaipControllerId\":\"" + device[0] + "\",\"scaipDeviceId\":\"" + device[1]
                + "\"}");
        if (text != null) {
            json.append(",\"text\":\"").append(text).append('"');
        }
        if (location != null) {
            json.append(",\"location\":\"").append(location).append('"');
        }
        if (battery != null) {
            json.append(",\"batteryPercent\":").append(battery);
        }
        if (latitude != null) {
            json.append(",\"position\":{\"latitude\":")
                    .append(latitude)
                    .append(",\"longitude\":")
                    .append(longitude)
                    .append('}');
        }
        json.append('}');
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
                                    .header("Authorization", "Bearer " + TOKEN)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json.toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            Matcher m = ALARM_ID.matcher(answer.body());
            assertThat(m.find()).isTrue();
            return m.group(1);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
