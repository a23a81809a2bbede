package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import no.varde.accounts.AccountAdministration;
import no.varde.accounts.UserAccount;
import no.varde.accounts.UserAccounts;
import no.varde.alarm.AlarmId;
import no.varde.console.FreshStaff;
import no.varde.dispatch.DispatchFixtures;
import no.varde.dispatch.DispatchTestSupport;
import no.varde.dispatch.callout.Callouts;
import no.varde.registry.ResponseCentres;
import no.varde.shared.security.Role;
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
 * The supervisor's and the call-out's parts of the operator's desk (issue 11) in Debian's Chromium: a supervisor
 * gives an alarm another operator holds to a colleague; closing during a call-out asks first; the phone page keeps
 * Accept above the fold at 375×667; the wallboard's kiosk mode on a 1920×1080 TV.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SupervisorDeskBrowserTests {

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

    @Autowired
    AccountAdministration administration;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ResponseCentres centres;

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
    void aSupervisorGivesAnAlarmAnotherOperatorHoldsToAColleagueWithAReason() throws Exception {
        UserAccount supervisor =
                FreshStaff.create(administration, accounts, centres, Role.SUPERVISOR, "Vilde Vaktleder", null);
        UserAccount holder = FreshStaff.create(administration, accounts, centres, Role.OPERATOR, "Hege Holder", null);
        UserAccount colleague =
                FreshStaff.create(administration, accounts, centres, Role.OPERATOR, "Kåre Kollega", null);
        String[] device = DispatchTestSupport.deviceIn(jdbc, "1813");
        AlarmId alarm = DispatchTestSupport.postAlarm(mvc, device[0], device[1]);
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(httpBasic(holder.username(), FreshStaff.PASSWORD)))
                .andExpect(status().isOk());

        Page page = signIn(supervisor, new Browser.NewContextOptions().setViewportSize(1440, 900));
        page.locator("nav").getByText("Vaktleder").click();
        var row = page.locator("#held-" + alarm);
        assertThat(row.locator(".holder")).hasText("Hege Holder");
        row.locator("select[name=operator]").selectOption(colleague.username());
        row.locator(".reassign input[name=reason]").fill("Hege gikk til pause");
        row.locator(".reassign button").click();
        assertThat(page.locator("#done")).containsText("gitt til en annen operatør");
        assertThat(page.locator("#held-" + alarm + " .holder")).hasText("Kåre Kollega");
        Chromium.screenshot(page, "supervisor-desk");
        assertThat(jdbc.sql("select text from alarm_timeline where alarm_id = ? and kind = 'REASSIGNED'")
                        .param(alarm.value())
                        .query(String.class)
                        .single())
                .isEqualTo("Hege gikk til pause");
        page.context().close();
    }

    @Test
    void closingDuringACalloutAsksFirstThenCancelsTheCallout() throws Exception {
        var dispatched = DispatchFixtures.dispatchedAlarmWithCallout(mvc, jdbc, callouts, "1813", "Beboer svarer ikke");
        AlarmId alarm = dispatched.alarm();

        Page console = chromium.signIn(base(), "operator", new Browser.NewContextOptions().setViewportSize(1440, 900));
        console.navigate(base() + "/console/alarms/" + alarm + "?lang=nb");
        console.locator("#outcome").selectOption("FALSE_ALARM");
        console.locator("#close").click();
        assertThat(console.locator("#confirm-callout-cancel")).isVisible();
        assertThat(console.locator("#confirm-callout-cancel")).containsText("avlyses");
        assertThat(DispatchTestSupport.alarmState(jdbc, alarm)).isEqualTo("DISPATCHED");
        Chromium.screenshot(console, "close-confirm-callout");
        console.locator("#confirm-close").click();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> "CLOSED".equals(DispatchTestSupport.alarmState(jdbc, alarm)));
        assertThat(DispatchTestSupport.awaitSms(jdbc, alarm, 2, "OUTBOX")).startsWith("Utrykning avlyst: ");
        console.context().close();
    }

    @Test
    void thePhonePageKeepsAcceptAboveTheFoldAt375x667WithCallButtonsAndAMapLink() throws Exception {
        var dispatched = DispatchFixtures.dispatchedAlarmWithCallout(mvc, jdbc, callouts, "1813", "Røykvarsler");
        BrowserContext phoneContext = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(375, 667)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true));
        Page phone = phoneContext.newPage();
        phone.navigate(base() + dispatched.linkPath() + "?lang=nb");
        assertThat(phone.locator("#accept")).isVisible();
        BoundingBox accept = phone.locator("#accept").boundingBox();
        assertThat(accept.y + accept.height).as("Accept above the fold").isLessThanOrEqualTo(667);
        assertThat(accept.width).as("Accept spans the phone").isGreaterThan(300);
        assertThat(phone.locator("#arrived")).hasCount(0);
        assertThat(phone.locator("#done")).hasCount(0);
        assertThat(phone.locator("#call-centre")).hasAttribute("href", "tel:+4775100113");
        assertThat(phone.locator("#map-link"))
                .hasAttribute("href", java.util.regex.Pattern.compile("^https://.*query=.+"));
        phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-callout-375x667.png")));

        phone.locator("#accept").tap();
        assertThat(phone.locator("#state")).containsText("Akseptert");
        assertThat(phone.locator("#arrived")).isVisible();
        assertThat(phone.locator("#done")).hasCount(0);
        phone.locator("#arrived").tap();
        assertThat(phone.locator("#done")).isVisible();
        assertThat(phone.locator("#accept")).hasCount(0);
        phone.locator("#done").tap();
        assertThat(phone.locator("#done-at")).containsText("Registrert som fullført kl.");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-callout-done.png")));
        phoneContext.close();
    }

    @Test
    void theWallboardKioskFillsATvWithoutNavigation() throws Exception {
        UserAccount supervisor =
                FreshStaff.create(administration, accounts, centres, Role.SUPERVISOR, "Tone Tavle", null);
        String[] device = DispatchTestSupport.deviceIn(jdbc, "1820");
        DispatchTestSupport.postAlarm(mvc, device[0], device[1]);

        Page page = signIn(supervisor, new Browser.NewContextOptions().setViewportSize(1920, 1080));
        page.navigate(base() + "/wallboard?lang=nb");
        page.locator("#kiosk-link").click();
        page.waitForURL(base() + "/wallboard/kiosk");
        assertThat(page.locator("nav")).hasCount(0);
        assertThat(page.locator("body")).hasClass("kiosk");
        assertThat(page.locator("#oldest")).isVisible();
        assertThat(page.locator("#trend")).isVisible();
        assertThat(page.locator("#waiting")).isVisible();
        double fontSize =
                ((Number) page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")).doubleValue();
        assertThat(fontSize).as("large type").isGreaterThanOrEqualTo(22);
        // the figures re-read themselves (htmx polling): the "updated" time moves on without a reload
        String updated = page.locator("#figures .muted.small").last().textContent();
        page.waitForTimeout(6500);
        assertThat(page.locator("#figures .muted.small").last()).not().hasText(updated);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/wallboard-kiosk-1920x1080.png")));
        page.context().close();
    }

    @Test
    void theImportPagesButtonsStayInsideTheirCardsAndTheDarkThemeIsRemembered() {
        UserAccount admin = FreshStaff.create(administration, accounts, centres, Role.SYSTEM_ADMIN, "Sigve Sys", null);
        Page page = signIn(admin, new Browser.NewContextOptions().setViewportSize(1280, 800));
        page.navigate(base() + "/import?lang=nb");
        var forms = page.locator("form.import-form");
        assertThat(forms.count()).isEqualTo(3);
        for (int i = 0; i < forms.count(); i++) {
            BoundingBox card = forms.nth(i).boundingBox();
            BoundingBox button = forms.nth(i).locator("button[type=submit]").boundingBox();
            assertThat(button.x + button.width)
                    .as("Import button %d inside its card", i)
                    .isLessThanOrEqualTo(card.x + card.width + 0.5);
            assertThat(card.x + card.width).as("card %d inside the page", i).isLessThanOrEqualTo(1280);
        }
        String light = (String) page.evaluate("getComputedStyle(document.body).backgroundColor");
        page.locator("#theme-switch").click(); // as the system → dark
        assertThat(page.locator("header.top")).hasAttribute("data-theme", "dark");
        String dark = (String) page.evaluate("getComputedStyle(document.body).backgroundColor");
        assertThat(dark).isNotEqualTo(light);
        page.navigate(base() + "/residents");
        assertThat(page.locator("header.top")).hasAttribute("data-theme", "dark");
        page.locator("#theme-switch").click(); // dark → light
        page.locator("#theme-switch").click(); // light → as the system
        assertThat(page.locator("header.top")).not().hasAttribute("data-theme", "dark");
        page.context().close();
    }

    private Page signIn(UserAccount who, Browser.NewContextOptions options) {
        Page page = browser.newContext(options).newPage();
        page.navigate(base() + "/login?lang=nb");
        page.getByLabel("Brukernavn").fill(who.username());
        page.getByLabel("Passord").fill(FreshStaff.PASSWORD);
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Logg inn"))
                .click();
        page.waitForURL(base() + "/");
        return page;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
