package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.List;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.DispatchFixtures;
import no.varde.dispatch.DispatchTestSupport;
import no.varde.dispatch.callout.Callouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home-care worker's side of a call-out in Debian's Chromium on a phone-sized screen: the operator finds the
 * SMS with its link in the outbox, the worker opens it and taps Accept, Arrived and Done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DispatchBrowserTests {

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Callouts callouts;

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
    void theWorkerOpensTheLinkFromTheOutboxOnAPhoneAndAcceptsArrivesAndCompletes() throws Exception {
        DispatchFixtures.DispatchedCallout dispatched = DispatchFixtures.dispatchedAlarmWithCallout(
                mvc, jdbc, callouts, "1813", "Beboer svarer ikke på toveis tale");
        AlarmId alarm = dispatched.alarm();
        String path = dispatched.linkPath();

        // the operator sees the message in the outbox, link and all
        Page operator = chromium.signIn(base(), "operator");
        operator.locator("nav").getByText("Utgående meldinger").click();
        assertThat(operator.locator("#outbox")).containsText("Vakttelefon hjemmetjenesten");
        String href = operator.locator("a.callout-link[href$='" + path + "']").getAttribute("href");
        assertThat(href).endsWith(path);
        Chromium.screenshot(operator, "dispatch-outbox");
        operator.context().close();

        BrowserContext phoneContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true));
        Page phone = phoneContext.newPage();
        phone.navigate(base() + path + "?lang=nb");
        assertThat(phone.locator("h1")).hasText("Trygghetsalarm: knappetrykk");
        assertThat(phone.locator("#state")).containsText("Venter på svar");
        assertThat(phone.locator("#address")).not().isEmpty();
        assertThat(phone.locator("#message")).hasText("Beboer svarer ikke på toveis tale");
        assertThat(phone.url()).doesNotContain(path.substring(3));
        double buttonWidth = phone.locator("#accept").boundingBox().width;
        assertThat(buttonWidth).as("the Accept button spans the phone's width").isGreaterThan(300);
        Chromium.screenshot(phone, "dispatch-open");

        phone.locator("#accept").tap();
        assertThat(phone.locator("#flash")).containsText("Du har akseptert");
        assertThat(phone.locator("#state")).containsText("Akseptert");
        Chromium.screenshot(phone, "dispatch-accepted");

        phone.locator("#arrived").tap();
        assertThat(phone.locator("#state")).containsText("Fremme");

        phone.locator("#note").fill("Beboer hadde falt, hjulpet opp, ikke skadet");
        phone.locator("#done").tap();
        assertThat(phone.locator("#confirmation")).containsText("registrert som fullført");
        Chromium.screenshot(phone, "dispatch-done");

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> DispatchTestSupport.timelineKinds(jdbc, alarm)
                        .containsAll(List.of("DISPATCH_ACCEPTED", "ARRIVED", "DISPATCH_DONE")));
        assertThat(DispatchTestSupport.alarmState(jdbc, alarm)).isEqualTo("DISPATCH_ACCEPTED");

        phone.navigate(base() + path);
        assertThat(phone.locator("#refused")).containsText("allerede fullført");
        Chromium.screenshot(phone, "dispatch-link-used");
        phoneContext.close();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
