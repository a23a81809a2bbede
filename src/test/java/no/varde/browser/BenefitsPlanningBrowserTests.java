package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staffing, benefits and measures pages in Debian's Chromium as a regional analyst opens them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BenefitsPlanningBrowserTests {

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void analystSeesTheStaffingDecisionTheBenefitPlanAndThePortfolio() {
        Page page = chromium.signIn("http://localhost:" + port, "analytiker");
        page.setViewportSize(1440, 900);
        page.locator("nav").getByText("Bemanning").click();
        assertThat(page.locator("[data-section=heatmap] tbody tr")).hasCount(24);
        assertThat(page.locator("[data-section=decision]")).containsText("Kan ikke holde 2 operatører");
        Chromium.screenshot(page, "planning-staffing");
        page.getByText("Behov 2030–2050").click();
        assertThat(page.locator("[data-section=demand] tbody tr")).hasCount(5);
        page.waitForFunction("() => window.Chart && Chart.getChart('chart-demand')");
        Chromium.screenshot(page, "planning-demand");

        page.locator("nav").getByText("Gevinster").click();
        assertThat(page.locator("[data-section=region-facts]")).isVisible();
        Chromium.screenshot(page, "benefits-overview");
        page.getByText("Timer spart på manuell oppfølging av tekniske alarmer").click();
        page.waitForFunction("() => window.Chart && Chart.getChart('chart-realisation')");
        Chromium.screenshot(page, "benefits-indicator");

        page.navigate("http://localhost:" + port + "/economics");
        page.getByText("Scenario 1: Nytt felles responssenter").click();
        page.waitForFunction("() => window.Chart && Chart.getChart('chart-tornado')");
        // the per-municipality table fits a 1440 px screen without a horizontal scroll bar
        org.assertj.core.api.Assertions.assertThat((Boolean)
                        page.evaluate("() => { const w = document.querySelector('#municipalities-h').parentElement"
                                + ".querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth; }"))
                .isTrue();
        Chromium.screenshot(page, "economics-scenario-1440");

        page.navigate("http://localhost:" + port + "/benefits/measures");
        assertThat(page.locator("[data-section=portfolio]")).isVisible();
        Chromium.screenshot(page, "benefits-measures");
        page.context().close();
    }
}
