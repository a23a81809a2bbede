package no.varde.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * The technician's task page in Debian's Chromium on a phone-sized screen (390×844): the technician of Rana finds a
 * new task among the open ones, takes it with the big button and marks it done with what was done and a note.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TechnicianTasksBrowserTests {

    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

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
    void theTechnicianTakesATaskOnAPhoneAndMarksItDoneWithANote() throws Exception {
        long task = newTaskInRana(
                "Batteri lavt i basen " + UUID.randomUUID().toString().substring(0, 6));

        Page phone = chromium.signIn(
                base(),
                "tekniker",
                new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setDeviceScaleFactor(2)
                        .setIsMobile(true)
                        .setHasTouch(true));
        phone.locator("#nav-fleet-tasks").click();
        assertThat(phone.locator("h1")).hasText("Teknikeroppgaver");
        assertThat(phone.locator("#view-MINE")).hasAttribute("aria-current", "page");
        phone.locator("#view-OPEN").tap();
        phone.locator("li[data-task='" + task + "'] a").tap();
        assertThat(phone.locator("#task-state")).containsText("Ledig");
        assertThat(phone.locator("#task-device")).containsText("Stua");
        assertThat(phone.locator("#visit-hidden")).isVisible();
        assertThat(phone.locator("#take").boundingBox().width)
                .as("the take button spans the phone's width")
                .isGreaterThan(300);
        Chromium.screenshot(phone, "technician-task-open");

        phone.locator("#take").tap();
        assertThat(phone.locator("#flash")).hasText("Du har tatt oppgaven.");
        assertThat(phone.locator("#task-state")).containsText("Tatt");
        assertThat(phone.locator("#task-visit")).containsText("Teknikerveien 9");
        phone.locator("#outcome").selectOption("BATTERY_CHANGED");
        phone.locator("#note").fill("Byttet batteri i basen, testet alarmknappen");
        assertThat(phone.locator("#done").boundingBox().width).isGreaterThan(300);
        Chromium.screenshot(phone, "technician-task-taken");
        phone.locator("#done").tap();

        assertThat(phone.locator("#flash")).hasText("Oppgaven er utført.");
        assertThat(phone.locator("#task-state")).containsText("Utført");
        assertThat(phone.locator("#task-result")).containsText("Byttet batteri");
        assertThat(phone.locator("#task-history li[data-kind='DONE']"))
                .containsText("Byttet batteri i basen, testet alarmknappen");
        Chromium.screenshot(phone, "technician-task-done");
        phone.context().close();

        assertThat(jdbc.sql(
                                "select state || '|' || outcome || '|' || assignee || '|' || note from fleet_task where id = ?")
                        .param(task)
                        .query(String.class)
                        .single())
                .isEqualTo("DONE|BATTERY_CHANGED|tekniker|Byttet batteri i basen, testet alarmknappen");
    }

    /** A fresh device of a fresh resident in Rana and a task for it due in half an hour, through the APIs. */
    private long newTaskInRana(String title) throws Exception {
        String resident = null;
        for (int attempt = 0; resident == null && attempt < 10; attempt++) {
            String nationalId;
            try {
                nationalId = no.varde.registry.NationalId.withCheckDigits("110341"
                        + String.format("%03d", ThreadLocalRandom.current().nextInt(0, 500)));
            } catch (IllegalArgumentException noCheckDigit) {
                continue;
            }
            var result = mvc.perform(post("/api/v1/residents")
                            .with(httpBasic("sysadmin", "varde-demo"))
                            .contentType("application/json")
                            .content("""
                                    {"kommunenummer": "1833", "givenName": "Tora", "familyName": "Telefonsen",
                                     "birthDate": "1941-03-11", "nationalId": "%s", "streetAddress": "Teknikerveien 9",
                                     "postalCode": "8610", "postalPlace": "Mo i Rana", "entryMethod": "KEY_BOX"}
                                    """.formatted(nationalId)))
                    .andReturn();
            if (result.getResponse().getStatus() == 201) {
                resident = JsonPath.read(result.getResponse().getContentAsString(), "$.id");
            }
        }
        assertThat(resident).as("a fresh resident").isNotNull();
        String device = JsonPath.read(
                mvc.perform(post("/api/v1/devices")
                                .with(httpBasic("sysadmin", "varde-demo"))
                                .contentType("application/json")
                                .content("""
                                        {"kommunenummer": "1833", "type": "SAFETY_ALARM", "vendor": "Browsertest",
                                         "model": "B1", "serialNumber": "%s", "residentId": "%s", "placement": "Stua",
                                         "status": "ACTIVE"}
                                        """.formatted(UUID.randomUUID(), resident)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String body = mvc.perform(post("/api/v1/fleet/tasks")
                        .with(httpBasic("sysadmin", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"deviceId\": \"" + device + "\", \"title\": \"" + title + "\", \"dueAt\": \""
                                + clock.instant().plus(Duration.ofMinutes(30)) + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
