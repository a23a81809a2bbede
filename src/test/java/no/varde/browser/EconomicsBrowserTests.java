package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The economics pages in Debian's Chromium as a regional analyst uses them: open the demo region's scenarios,
 * see the charts drawn, change a scenario and download the decision report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EconomicsBrowserTests {

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
    void analystOpensTheScenariosSeesTheChartsAndDownloadsTheReport() throws Exception {
        Page page = signIn("analytiker");
        page.locator("nav").getByText("Økonomi").click();
        assertThat(page.locator("[data-figure=asis-total]")).hasText("26\u00A0500\u00A0000 kr");
        Chromium.screenshot(page, "economics-overview");

        page.getByText("Scenario 1: Nytt felles responssenter").click();
        assertThat(page.locator("[data-figure=firstYear-tobe]")).hasText("17\u00A0000\u00A0000 kr");
        assertThat(page.locator("[data-figure=steadyState-savings]")).hasText("14\u00A0000\u00A0000 kr");
        page.waitForFunction("() => ['chart-municipalities', 'chart-years', 'chart-tornado']"
                + ".every(id => window.Chart && Chart.getChart(id))");
        assertThat(page.locator("[data-chart-error]")).hasCount(0);
        assertThat(page.locator("section#items tbody tr")).hasCount(3);
        Chromium.screenshot(page, "economics-scenario");

        page.locator("#years").fill("10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Regn ut"))
                .click();
        assertThat(page.locator("#summary-h + .periods")).containsText("Sum over 10 år");

        Download download = page.waitForDownload(
                () -> page.getByText("Beslutningsgrunnlag (PDF)").click());
        Path pdf = download.path();
        assertThat(Files.size(pdf)).isGreaterThan(10_000);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        page.context().close();
    }

    @Test
    void analystCopiesAScenarioAndChangesAnItemsSplitKey() {
        Page page = signIn("analytiker");
        page.navigate(base() + "/economics");
        page.getByText("Scenario 2: Tilknytning til eksisterende responssenter").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kopier"))
                .click();
        page.locator("#name").fill("Variant: halvparten flatt");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre"))
                .click();
        assertThat(page.locator("h1")).hasText("Variant: halvparten flatt");

        page.locator("section#items tbody tr").first().getByText("Endre").click();
        page.locator("#flat").fill("50");
        page.locator("#population").fill("40");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre"))
                .click();
        assertThat(page.locator(".alert.error")).containsText("Rett feilene");
        assertThat(page.locator("form.card")).containsText("til sammen 100");
        page.locator("#population").fill("50");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lagre"))
                .click();
        assertThat(page.locator("section#items tbody tr").first()).containsText("50 % flatt, 50 % innbyggertall");
        // the total stays the same, only its split between the municipalities changes
        assertThat(page.locator("[data-figure=steadyState-tobe]")).hasText("12\u00A0500\u00A0000 kr");
        Chromium.screenshot(page, "economics-copied-scenario");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Slett scenario"))
                .click();
        assertThat(page.locator(".alert.ok")).containsText("Scenarioet er slettet");
        assertThat(page.locator("main")).not().containsText("Variant: halvparten flatt");
        page.context().close();
    }

    @Test
    void municipalAdministratorSeesEconomicsButOperatorsDoNot() {
        Page admin = signIn("admin.bronnoy");
        admin.locator("nav").getByText("Økonomi").click();
        admin.getByText("Kartlegging").first().click();
        assertThat(admin.locator("a[href='/economics/survey/1813/edit']")).hasCount(1);
        assertThat(admin.locator("a[href='/economics/survey/1833/edit']")).hasCount(0);
        Chromium.screenshot(admin, "economics-survey");
        admin.context().close();

        Page operator = signIn("operator");
        assertThat(operator.locator("nav")).not().containsText("Økonomi");
        operator.context().close();
    }

    private Page signIn(String username) {
        return chromium.signIn(base(), username);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
