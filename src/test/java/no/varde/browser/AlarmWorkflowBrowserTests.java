package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
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
 * The whole path of an alarm as the people involved see it: a device event posted to the ingest API appears live
 * in the operator's console; the operator claims it and dispatches home care; the home-care worker accepts,
 * arrives and completes on the phone page from the SMS link; the operator closes it. Its timeline holds the VKP
 * events 0, 1, 4, 5 and 3 in that order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlarmWorkflowBrowserTests {

    private static final String TOKEN =
            "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    private static final Pattern ALARM_ID = Pattern.compile("\"alarmId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void eventToConsoleToCalloutToClosedWithVkpEventsInOrder() throws Exception {
        Page console = chromium.signIn(base(), "operator");
        console.navigate(base() + "/console");
        assertThat(console.locator("#live-status")).hasText("Direkte");

        String id = postEvent();
        console.locator("#alarm-" + id + " a.open").click();
        console.locator("#claim").click();
        assertThat(console.locator("#claimed-by")).hasText("Ola Operatør");
        console.locator("#dispatch-message").fill("Svarer ikke på toveis tale, dra innom");
        console.locator("form[aria-labelledby=h-dispatch] button").click();
        assertThat(console.locator("#alarm-state")).hasText("Utrykning sendt");
        Chromium.screenshot(console, "workflow-dispatched");

        String path = DispatchTestSupport.linkPath(DispatchTestSupport.awaitSms(jdbc, AlarmId.of(id), 1, "OUTBOX"));
        console.navigate(base() + "/outbox");
        String href = console.locator("a.callout-link[href$='" + path + "']").getAttribute("href");
        assertThat(href).endsWith(path);

        BrowserContext phoneContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true));
        Page phone = phoneContext.newPage();
        phone.navigate(base() + path + "?lang=nb");
        phone.locator("#accept").tap();
        assertThat(phone.locator("#state")).containsText("Akseptert");
        phone.locator("#arrived").tap();
        assertThat(phone.locator("#state")).containsText("Fremme");
        phone.locator("#note").fill("Beboer hadde sklidd, hjulpet opp");
        phone.locator("#done").tap();
        assertThat(phone.locator("#confirmation")).containsText("registrert som fullført");
        Chromium.screenshot(phone, "workflow-phone-done");
        phoneContext.close();

        console.navigate(base() + "/console/alarms/" + id);
        assertThat(console.locator("#alarm-state")).hasText("Utrykning akseptert");
        console.locator("#outcome").selectOption("CALLOUT_COMPLETED");
        console.locator("#comment").fill("Hjemmetjenesten har vært der");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lukk alarmen"))
                .click();
        assertThat(console.locator("#alarm-state")).hasText("Lukket");
        // the page says whether and when the alarm reached the patient record
        assertThat(console.locator("#epj-status")).isVisible();
        Chromium.screenshot(console, "workflow-closed");
        console.context().close();

        List<Integer> lifecycle = jdbc.sql("select vkp_event from alarm_timeline where alarm_id = ?"
                        + " and vkp_event in (0, 1, 3, 4, 5) order by id")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .list();
        assertThat(lifecycle).containsExactly(0, 1, 4, 5, 3);
    }

    private String postEvent() throws Exception {
        String cid = jdbc.sql("select scaip_controller_id from device where type = 'SAFETY_ALARM'"
                        + " and kommunenummer = '1813' and resident_id is not null order by random() limit 1")
                .query(String.class)
                .single();
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"workflow-" + UUID.randomUUID()
                                        + "\",\"code\":\"BUTTON_PRESSED\",\"device\":{\"scaipControllerId\":\"" + cid
                                        + "\",\"scaipDeviceId\":\"1\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(202);
        Matcher m = ALARM_ID.matcher(answer.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
