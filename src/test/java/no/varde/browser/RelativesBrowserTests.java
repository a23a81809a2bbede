package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.circle.CircleTestSupport;
import no.varde.circle.CircleTestSupport.Provider;
import no.varde.circle.CircleTestSupport.Subject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The operator records a relative's consent on the resident card, notifies the relative by SMS from the alarm page
 * and follows the delivery status there (the HTTP SMS adapter against a real HTTP server, whose delivery report
 * comes back through the webhook); the relative confirms from a phone and the confirmation is on the timeline.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "varde.dispatch.sms.mode=http",
            "varde.dispatch.sms.report-token=browser-report-token",
            "varde.dispatch.sms.retry-check-interval=200ms"
        })
@AutoConfigureMockMvc
class RelativesBrowserTests {

    static final Provider PROVIDER = new Provider();
    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("varde.dispatch.sms.url", PROVIDER::url);
    }

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        chromium.close();
        PROVIDER.close();
    }

    @Test
    void theOperatorNotifiesARelativeFromTheAlarmPageAndSeesTheDeliveryStatusAndTheConfirmation() throws Exception {
        Set<UUID> used = new HashSet<>();
        Subject subject = CircleTestSupport.subject(jdbc, 2, used);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        Page operator = chromium.signIn(base(), "operator");

        // consent is recorded on the resident card, with who and when
        operator.navigate(base() + "/residents/" + subject.residentId());
        assertThat(operator.locator("#consent-row-1")).containsText("Ikke registrert");
        operator.locator("#grant-1").click();
        assertThat(operator.locator("#consent-row-1")).containsText("registrert av operator");
        Chromium.screenshot(operator, "circle-consent");

        operator.navigate(base() + "/console/alarms/" + alarm);
        assertThat(operator.locator("#relative-row-1")).containsText("registrert av operator");
        assertThat(operator.locator("#relative-row-2")).containsText("Nei – ring");
        assertThat(operator.locator("#notify-2")).isDisabled();
        operator.locator("#notify-1").check();
        operator.locator("#template").selectOption("alarm-fulgt-opp");
        operator.locator("#ask-confirmation").check();
        operator.locator("#send-relatives-sms").click();
        assertThat(operator.locator("#circle-done")).containsText("lagt i kø");
        assertThat(operator.locator(".relative-message").first()).hasAttribute("data-status", "SENT");
        Chromium.screenshot(operator, "circle-sent");

        String phone = subject.phones().getFirst();
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> !PROVIDER.to(phone).isEmpty());
        String reference = PROVIDER.to(phone).getFirst().get("reference");
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/sms/delivery-reports"))
                                .header("Authorization", "Bearer browser-report-token")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"reference\": \"" + reference + "\", \"status\": \"DELIVERED\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        // the panel follows the status by itself
        assertThat(operator.locator(".relative-message").first()).hasAttribute("data-status", "DELIVERED");
        assertThat(operator.locator(".relative-message").first()).containsText("Levert");

        // the relative confirms on a phone
        String link = CircleTestSupport.linkPath(PROVIDER.to(phone).getFirst().get("text"));
        BrowserContext phoneContext = chromium.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true)
                        .setHasTouch(true));
        Page relative = phoneContext.newPage();
        relative.navigate(base() + link + "?lang=nb");
        relative.locator("#confirm").tap();
        assertThat(relative.locator("#link-done")).containsText("bekreftelsen er sendt");
        Chromium.screenshot(relative, "circle-relative-confirmed");
        phoneContext.close();

        assertThat(operator.locator(".relative-message").first()).hasAttribute("data-status", "CONFIRMED");
        operator.reload();
        assertThat(operator.locator("#timeline tr[data-kind='RELATIVE_CONFIRMED']"))
                .hasCount(1);
        assertThat(operator.locator("#timeline tr[data-kind='RELATIVE_SMS_STATUS']")
                        .last())
                .containsText("Levert");
        Chromium.screenshot(operator, "circle-timeline");
        assertThat(CircleTestSupport.timelineKinds(jdbc, alarm)).contains("RELATIVE_SMS", "RELATIVE_CONFIRMED");
        operator.context().close();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
