package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static no.varde.ingest.IngestTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import no.varde.audit.AuditSubjects;
import no.varde.fleet.SupervisionJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The resident card shows the resident's alarm chain: an operator opens the card of a fresh resident whose safety
 * alarm just reported (green, every link named) and of one without any trigger (red, with the reason).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChainBrowserTests {

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    SupervisionJob supervision;

    @Autowired
    Clock clock;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void theResidentCardShowsTheChainGreenWhenEveryLinkReportedAndRedWithTheReasonWhenNoTriggerIsInUse()
            throws Exception {
        AuditSubjects.Resident protectedResident = AuditSubjects.resident(this::api, "Grønnkjede");
        String controller = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        AuditSubjects.Answer device = api(
                "POST",
                "/api/v1/devices",
                """
                {"kommunenummer": "1813", "type": "SAFETY_ALARM", "vendor": "Kjedetest", "model": "Nettleser",
                 "serialNumber": "%s", "scaipControllerId": "%s", "scaipDeviceId": "1", "status": "ACTIVE",
                 "residentId": "%s"}
                """.formatted(controller, controller, protectedResident.id()),
                "sysadmin",
                "varde-demo");
        assertThat(device.status()).as(device.body()).isEqualTo(201);
        heartbeat(controller);
        AuditSubjects.Resident unprotected = AuditSubjects.resident(this::api, "Uten");
        // a pass now: supervision itself is a link of the chain
        supervision.runOnce(clock.instant());

        Page page = chromium.signIn(base(), "operator");
        page.navigate(base() + "/residents/" + protectedResident.id());
        assertThat(page.locator("#h-chain")).hasText("Alarmkjeden");
        assertThat(page.locator("#resident-chain [data-chain]")).hasAttribute("data-chain", "GREEN");
        assertThat(page.locator("#resident-chain .chain-state")).containsText("Grønn");
        assertThat(page.locator("#resident-chain li[data-link='DEVICE']"))
                .containsText("Kjedetest Nettleser " + controller);
        assertThat(page.locator("#resident-chain li[data-link='CHANNEL']")).containsText("HTTP");
        assertThat(page.locator("#resident-chain li[data-link='SUPERVISION']")).containsText("i orden");
        Chromium.screenshot(page, "resident-chain-green");

        page.navigate(base() + "/residents/" + unprotected.id());
        assertThat(page.locator("#resident-chain [data-chain]")).hasAttribute("data-chain", "RED");
        assertThat(page.locator("#resident-chain li[data-reason='NO_TRIGGER']"))
                .containsText("ingen personlig utløser i bruk");
        Chromium.screenshot(page, "resident-chain-red");
        page.context().close();
    }

    private void heartbeat(String controller) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
                                .header("Authorization", "Bearer " + TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"eventId\":\"chain-" + UUID.randomUUID()
                                        + "\",\"code\":\"HEARTBEAT\",\"device\":{\"scaipControllerId\":\"" + controller
                                        + "\",\"scaipDeviceId\":\"1\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }

    private AuditSubjects.Answer api(String method, String path, String json, String username, String password)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json");
        request = "POST".equals(method) ? request.POST(HttpRequest.BodyPublishers.ofString(json)) : request.GET();
        HttpResponse<String> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new AuditSubjects.Answer(response.statusCode(), response.body());
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
