package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.accounts.AccountAdministration;
import no.varde.accounts.UserAccount;
import no.varde.accounts.UserAccounts;
import no.varde.registry.ResponseCentres;
import no.varde.shared.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The smaller desk items of issue 11, each on a fresh operator and fresh alarms: battery on technical rows, the
 * handler's name, "unknown" municipality, the English title, the age stopping at closing, the language link keeping
 * the query, error pages keeping the navigation, the remembered light/dark switch, deadlines in human terms, and
 * the wallboard's trend and kiosk mode.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskDetailsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccountAdministration administration;

    @Autowired
    UserAccounts accounts;

    @Autowired
    ResponseCentres centres;

    UserAccount operator;

    @BeforeEach
    void freshOperator() {
        operator = FreshStaff.create(administration, accounts, centres, Role.OPERATOR, "Tora Testoperatør", null);
    }

    @Test
    void aTechnicalRowShowsTheBatteryLevelTheDeviceReported() throws Exception {
        String[] device = ConsoleTestClient.residentDevice(jdbc, "1818");
        String alarm = event("BATTERY_LOW", device[0], device[1], ", \"batteryPercent\": 15");
        assertThat(row(alarm, "technical")).contains("Batteri 15 %");
    }

    @Test
    void takenByShowsTheOperatorsNameAndAnUnknownDeviceSaysUnknownMunicipality() throws Exception {
        String[] device = ConsoleTestClient.residentDevice(jdbc, "1818");
        String alarm = event("BUTTON_PRESSED", device[0], device[1], "");
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(basic())).andExpect(status().isOk());
        assertThat(row(alarm, "alarms"))
                .contains(">Tora Testoperatør<")
                .doesNotContain(">" + operator.username() + "<");

        String unknown = event("BUTTON_PRESSED", "UNKNOWN-" + UUID.randomUUID(), "1", "");
        assertThat(row(unknown, "alarms")).contains(">ukjent<");
    }

    @Test
    void theAlarmPageShowsTheEnglishTitleInEnglishAndAClosedAlarmsAgeStops() throws Exception {
        String[] device = ConsoleTestClient.residentDevice(jdbc, "1818");
        String alarm = event("BUTTON_PRESSED", device[0], device[1], "");
        assertThat(page("/console/alarms/" + alarm + "?lang=en")).contains("Safety alarm: button pressed");
        assertThat(page("/console/alarms/" + alarm + "?lang=nb"))
                .contains("Trygghetsalarm: knappetrykk")
                .doesNotContain("data-stopped");

        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(basic())).andExpect(status().isOk());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/close")
                        .with(basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"FALSE_ALARM\"}"))
                .andExpect(status().isOk());
        long closedAt = jdbc.sql(
                        "select floor(extract(epoch from closed_at) * 1000)::bigint from alarm where id = ?::uuid")
                .param(alarm)
                .query(Long.class)
                .single();
        assertThat(page("/console/alarms/" + alarm)).contains("data-stopped=\"" + closedAt + "\"");
    }

    @Test
    void theLanguageLinkKeepsTheQueryAndErrorPagesKeepTheNavigation() throws Exception {
        assertThat(page("/console?tab=technical&lang=nb")).contains("href=\"/console?tab=technical&amp;lang=en\"");

        String missing = mvc.perform(get("/console/alarms/" + UUID.randomUUID()).with(asPage()))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(missing)
                .contains("href=\"/console\"")
                .contains("href=\"/wallboard\"")
                .contains("Tora Testoperatør");
    }

    @Test
    void theThemeSwitchIsRememberedForTheAccountAndAppliedOnEveryPage() throws Exception {
        assertThat(page("/console")).doesNotContain("data-theme=");
        mvc.perform(post("/account/theme")
                        .with(asPage())
                        .with(csrf())
                        .header("Referer", "http://localhost/console?tab=technical")
                        .param("theme", "DARK"))
                .andExpect(redirectedUrl("/console?tab=technical"));
        assertThat(page("/console")).contains("data-theme=\"dark\"");
        assertThat(page("/residents")).contains("data-theme=\"dark\"");
        assertThat(jdbc.sql("select theme from user_account where username = ?")
                        .param(operator.username())
                        .query(String.class)
                        .single())
                .isEqualTo("DARK");

        mvc.perform(post("/account/theme")
                        .with(asPage())
                        .with(csrf())
                        .header("Referer", "https://elsewhere.example//evil")
                        .param("theme", "LIGHT"))
                .andExpect(redirectedUrl("/"));
        assertThat(page("/console")).contains("data-theme=\"light\"");
        mvc.perform(post("/account/theme").with(asPage()).with(csrf()).param("theme", "PURPLE"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/account/theme").with(asPage()).with(csrf()).param("theme", "AUTO"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/console")).doesNotContain("data-theme=");
    }

    @Test
    void deadlinesReadInHoursNotSeconds() throws Exception {
        String types = mvc.perform(get("/alarm-types?lang=nb").with(user(users.loadUserByUsername("sysadmin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(types).contains(">24 t<").contains(">1 min<").doesNotContain(">86400 s<");
    }

    @Test
    void theWallboardShowsTodaysTrendByHourAndHasAKioskModeWithoutNavigation() throws Exception {
        String[] device = ConsoleTestClient.residentDevice(jdbc, "1818");
        String alarm = event("FALL", device[0], device[1], "");
        // the hour the alarm was received in (Oslo time), not the hour now: a test on the hour must not miss it
        int hour = jdbc.sql("select received_at from alarm where id = ?::uuid")
                .param(alarm)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant()
                .atZone(ZoneId.of("Europe/Oslo"))
                .getHour();

        String board = page("/wallboard");
        assertThat(board)
                .contains("id=\"trend\"")
                .contains("href=\"/wallboard/kiosk\"")
                .contains("<nav");
        // the count is written as a Norwegian number: thousands grouped by a (no-break) space in a shared database
        Matcher bar = Pattern.compile(
                        "data-hour=\"" + hour + "\"\\s+title=\"Kl\\. \\d\\d: ([\\d\\s\u00a0\u202f]+) alarmer")
                .matcher(board);
        assertThat(bar.find()).as("a bar for this hour").isTrue();
        assertThat(Long.parseLong(bar.group(1).replaceAll("\\D", ""))).isPositive();

        String kiosk = page("/wallboard/kiosk");
        assertThat(kiosk)
                .contains("class=\"kiosk\"")
                .contains("id=\"trend\"")
                .contains("id=\"oldest\"")
                .contains("hx-trigger=\"every 5s\"")
                .doesNotContain("<nav")
                .doesNotContain("kiosk-link");
        assertThat(page("/wallboard?kiosk=1")).contains("class=\"kiosk\"").doesNotContain("<nav");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private String event(String code, String controller, String device, String extra) throws Exception {
        String body = """
                {"eventId": "desk-details-%s", "code": "%s",
                 "device": {"scaipControllerId": "%s", "scaipDeviceId": "%s"}%s}
                """.formatted(UUID.randomUUID(), code, controller, device, extra);
        String answer = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/events")
                                .header("Authorization", "Bearer " + ConsoleTestClient.DEMO_TOKEN)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(answer, "$.alarmId");
    }

    private String row(String alarm, String tab) throws Exception {
        return page("/console/queue/rows/" + alarm + "?tab=" + tab + "&lang=nb");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(asPage()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private RequestPostProcessor asPage() {
        return user(users.loadUserByUsername(operator.username()));
    }

    private RequestPostProcessor basic() {
        return httpBasic(operator.username(), FreshStaff.PASSWORD);
    }
}
