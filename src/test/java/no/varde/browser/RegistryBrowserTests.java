package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives the real UI in Debian's Chromium as operators and home-care workers do: sign in, browse municipalities,
 * residents and devices, and check need-to-know and the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryBrowserTests {

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

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
    void operatorSignsInAndBrowsesMunicipalitiesResidentsAndDevices() {
        Page page = signIn("operator");
        assertThat(page.locator("h1")).containsText("Velkommen");

        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("Kommuner"))
                .click();
        assertThat(page.locator("tbody tr")).hasCount(18);
        assertThat(page.locator("table")).containsText("Brønnøy");
        Chromium.screenshot(page, "municipalities");

        page.locator("nav").getByText("Tjenestemottakere").click();
        assertThat(page.locator("#results")).containsText("treff");
        page.locator("#q").fill("Demoveien");
        page.locator("#q").press("Enter");
        assertThat(page.locator("#results tbody tr").first()).containsText("Demoveien");
        Chromium.screenshot(page, "residents");

        page.locator("#results tbody tr a").first().click();
        assertThat(page.locator("h2#h-relatives")).isVisible();
        assertThat(page.locator("#h-entry")).containsText("Tilgang til boligen");
        Chromium.screenshot(page, "resident-card");

        page.locator("nav")
                .getByText("Utstyr", new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
                .click();
        page.locator("#type").selectOption("SAFETY_ALARM");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Søk"))
                .click();
        assertThat(page.locator("#results tbody tr").first()).containsText("Trygghetsalarm");
        Chromium.screenshot(page, "devices");
    }

    @Test
    void homeCareUserSeesOnlyOwnMunicipalityAndTheAdminSeesTheReadsInTheAuditTrail() {
        Page homeCare = signIn("hjemme.bronnoy");
        homeCare.locator("nav").getByText("Tjenestemottakere").click();
        List<String> places =
                homeCare.locator("#results tbody tr td:nth-child(4)").allInnerTexts();
        assertThat(places).isNotEmpty().allMatch("Brønnøy"::equals);
        homeCare.locator("#results tbody tr a").first().click();
        String residentUrl = homeCare.url();
        String residentName = homeCare.locator("h1 span").first().innerText();
        homeCare.context().close();

        Page admin = signIn("admin.bronnoy");
        admin.locator("nav").getByText("Tilgangslogg").click();
        admin.locator("#user").fill("hjemme.bronnoy");
        admin.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vis"))
                .click();
        assertThat(admin.locator("tbody")).containsText("resident card");
        assertThat(admin.locator("tbody"))
                .containsText("/residents/" + residentUrl.substring(residentUrl.lastIndexOf('/') + 1));
        Chromium.screenshot(admin, "audit");
        assertThat(residentName).isNotBlank();
    }

    @Test
    void englishCanBeChosenAndWrongPasswordIsRefused() {
        Page page = browser.newPage();
        page.navigate(base() + "/login?lang=en");
        assertThat(page.locator("h1")).hasText("Sign in");
        page.getByLabel("Username").fill("operator");
        page.getByLabel("Password").fill("wrong-password");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.locator(".alert.error")).hasText("Wrong username or password.");
        page.context().close();
    }

    private Page signIn(String username) {
        return chromium.signIn(base(), username);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
