package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The fleet dashboard in Debian's Chromium as a municipal administrator uses it: from the navigation to the
 * overview of their municipality, a device whose battery runs low in the list, and the page in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class FleetDashboardBrowserTests {

    private static Chromium chromium;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

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
    void aMunicipalAdministratorSeesTheirDevicesAndALowBattery() throws Exception {
        String cid = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String serial = "DASH-" + cid;
        String created = mvc.perform(post("/api/v1/devices")
                        .with(httpBasic("sysadmin", "varde-demo"))
                        .contentType("application/json")
                        .content("""
                                {"kommunenummer": "1813", "type": "SAFETY_ALARM", "vendor": "Dashtest", "model": "D1",
                                 "scaipControllerId": "%s", "scaipDeviceId": "1", "serialNumber": "%s", "status": "ACTIVE"}
                                """.formatted(cid, serial)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String deviceId = JsonPath.read(created, "$.id");
        mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content("""
                                {"eventId": "%s", "code": "HEARTBEAT", "batteryPercent": 1,
                                 "device": {"scaipControllerId": "%s", "scaipDeviceId": "1"}}
                                """.formatted(uniqueEventId(), cid)))
                .andExpect(status().isAccepted());

        String base = "http://localhost:" + port;
        Page page = chromium.signIn(base, "admin.bronnoy");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Utstyrsoversikt"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Utstyrsoversikt")))
                .isVisible();
        // a municipal administrator's view is their municipality only
        assertThat(page.locator("#fleet-municipalities tbody tr")).hasCount(1);
        assertThat(page.locator("#fleet-municipalities tbody tr th")).hasText("Brønnøy");
        // the low battery with its device
        assertThat(page.locator("#fleet-battery-devices tr[data-device='" + deviceId + "']"))
                .containsText(serial);
        assertThat(page.locator("#fleet-battery-devices tr[data-device='" + deviceId + "']"))
                .containsText("1 %");
        assertThat(page.locator("#fleet-low-battery")).not().hasText("0");
        Chromium.screenshot(page, "fleet-dashboard");

        page.locator("#language-switch").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Fleet overview")))
                .isVisible();
        assertThat(page.locator("#fleet-battery-devices")).containsText("Low battery");
        page.context().close();
    }
}
