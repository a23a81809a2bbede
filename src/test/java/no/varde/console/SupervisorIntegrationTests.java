package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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

/**
 * The supervisor on duty (issue 11): an operator who may also give an alarm another operator holds to a colleague
 * or put it back in the queue (who and why on the timeline), and close a stale flood in bulk after seeing how many.
 * Fresh accounts and alarms of their own, so the class runs beside others on one database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupervisorIntegrationTests {

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

    UserAccount supervisor;
    UserAccount first;
    UserAccount second;

    @BeforeEach
    void staff() {
        supervisor = FreshStaff.create(administration, accounts, centres, Role.SUPERVISOR, "Vera Vakt", null);
        first = FreshStaff.create(administration, accounts, centres, Role.OPERATOR, "Frida Første", null);
        second = FreshStaff.create(administration, accounts, centres, Role.OPERATOR, "Sara Andre", null);
    }

    @Test
    void aSupervisorDoesAllAnOperatorDoesClaimingAndHandlingAnAlarm() throws Exception {
        String alarm = postAlarm("BUTTON_PRESSED");
        api(supervisor, "/claim", "{}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(basic(supervisor)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/alarms/" + lastAlarm + "/notes")
                        .with(basic(supervisor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"vaktleder tar selv\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/console").with(page(supervisor))).andExpect(status().isOk());
        assertThat(jdbc.sql("select claimed_by from alarm where id = ?::uuid")
                        .param(alarm)
                        .query(String.class)
                        .single())
                .isEqualTo(supervisor.username());
    }

    @Test
    void aSupervisorReassignsAnAlarmAnotherOperatorHoldsAndTheTimelineSaysWhoToWhomAndWhy() throws Exception {
        String alarm = postAlarm("BUTTON_PRESSED");
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(basic(first)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/alarms/" + alarm + "/reassign")
                        .with(basic(first))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"operator\": \"" + second.username() + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/reassign")
                        .with(basic(supervisor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"operator\": \"hjemme.bronnoy\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("operator"));

        mvc.perform(post("/api/v1/alarms/" + alarm + "/reassign")
                        .with(basic(supervisor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"operator\": \"" + second.username() + "\", \"reason\": \"Frida gikk til pause\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claimedBy").value(second.username()));

        Entry reassigned = lastEntry(alarm);
        assertThat(reassigned.kind()).isEqualTo("REASSIGNED");
        assertThat(reassigned.actor()).isEqualTo(supervisor.username());
        assertThat(reassigned.role()).isEqualTo("SUPERVISOR");
        assertThat(reassigned.text()).isEqualTo("Frida gikk til pause");
        assertThat(reassigned.data()).contains(first.username()).contains(second.username());
        // the first operator no longer holds it; the second does
        mvc.perform(post("/api/v1/alarms/" + alarm + "/notes")
                        .with(basic(first))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"x\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/notes")
                        .with(basic(second))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"overtatt\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aSupervisorReleasesAnAlarmAnotherOperatorHoldsOnlyWithAReason() throws Exception {
        String alarm = postAlarm("BUTTON_PRESSED");
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(basic(first)))
                .andExpect(status().isOk());

        mvc.perform(post("/api/v1/alarms/" + alarm + "/supervisor-release")
                        .with(basic(supervisor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/alarms/" + alarm + "/supervisor-release")
                        .with(basic(second))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"nei\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/supervisor-release")
                        .with(basic(supervisor))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\": \"Operatøren er logget ut\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("RECEIVED"));

        Entry released = lastEntry(alarm);
        assertThat(released.kind()).isEqualTo("RELEASED");
        assertThat(released.actor()).isEqualTo(supervisor.username());
        assertThat(released.text()).isEqualTo("Operatøren er logget ut");
    }

    @Test
    void theSupervisorPageListsHeldAlarmsByTheHoldersNameAndReassignsWithAReason() throws Exception {
        String alarm = postAlarm("BUTTON_PRESSED");
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(basic(first)))
                .andExpect(status().isOk());

        String desk = mvc.perform(get("/supervisor").with(page(supervisor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(desk)
                .contains("id=\"held-" + alarm + "\"")
                .contains("Frida Første")
                .contains("Sara Andre");
        assertThat(desk).contains("href=\"/supervisor\"");
        // the alarm page, held by another operator, leads the supervisor to the reassignment
        assertThat(mvc.perform(get("/console/alarms/" + alarm).with(page(supervisor)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("id=\"supervise\"")
                .contains("href=\"/supervisor#held-" + alarm + "\"");

        mvc.perform(post("/supervisor/alarms/" + alarm + "/reassign")
                        .with(page(supervisor))
                        .with(csrf())
                        .param("operator", second.username())
                        .param("reason", "skiftbytte"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "supervisor.done.reassigned"));
        assertThat(lastEntry(alarm).text()).isEqualTo("skiftbytte");

        mvc.perform(get("/supervisor").with(page(first))).andExpect(status().isForbidden());
    }

    @Test
    void aSupervisorSeesHowManyAFloodHasThenClosesThemAllInBulkEachOnItsTimeline() throws Exception {
        String code = "FLOOD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        List<String> flood = List.of(postAlarm(code), postAlarm(code), postAlarm(code));
        Instant before = Instant.now().plusSeconds(1);

        mvc.perform(get("/api/v1/alarms/bulk-close")
                        .with(basic(supervisor))
                        .param("code", code)
                        .param("receivedBefore", before.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.wouldClose").value(3));
        mvc.perform(get("/api/v1/alarms/bulk-close").with(basic(supervisor)).param("code", code))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedBefore"));
        mvc.perform(post("/api/v1/alarms/bulk-close")
                        .with(basic(first))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\": \"" + code + "\", \"receivedBefore\": \"" + before
                                + "\", \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());

        String local = LocalDateTime.ofInstant(before.plusSeconds(1), ZoneId.of("Europe/Oslo"))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        String preview = mvc.perform(get("/supervisor")
                        .with(page(supervisor))
                        .param("code", code)
                        .param("receivedBefore", local))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(preview).contains("3 alarmer med kode " + code + " vil bli lukket");

        mvc.perform(post("/supervisor/bulk-close")
                        .with(page(supervisor))
                        .with(csrf())
                        .param("code", code)
                        .param("receivedBefore", local)
                        .param("reason", "feilkonfigurert sender"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("bulkClosed", 3));
        for (String alarm : flood) {
            Entry closed = lastEntry(alarm);
            assertThat(closed.kind()).isEqualTo("CLOSED_IN_BULK");
            assertThat(closed.actor()).isEqualTo(supervisor.username());
            assertThat(closed.text()).isEqualTo("feilkonfigurert sender");
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private String lastAlarm = "";

    private String postAlarm(String code) throws Exception {
        String[] device = ConsoleTestClient.residentDevice(jdbc, "1813");
        String body = """
                {"eventId": "supervisor-test-%s", "code": "%s",
                 "device": {"scaipControllerId": "%s", "scaipDeviceId": "%s"}}
                """.formatted(UUID.randomUUID(), code, device[0], device[1]);
        String answer = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + ConsoleTestClient.DEMO_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        lastAlarm = JsonPath.read(answer, "$.alarmId");
        return lastAlarm;
    }

    private org.springframework.test.web.servlet.ResultActions api(UserAccount who, String action, String json)
            throws Exception {
        return mvc.perform(post("/api/v1/alarms/" + lastAlarm + action)
                .with(basic(who))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor basic(UserAccount who) {
        return httpBasic(who.username(), FreshStaff.PASSWORD);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor page(UserAccount who) {
        return user(users.loadUserByUsername(who.username()));
    }

    record Entry(String kind, String actor, String role, String text, String data) {}

    private Entry lastEntry(String alarm) {
        return jdbc.sql("select kind, actor, actor_role, text, data::text from alarm_timeline where alarm_id = ?::uuid"
                        + " order by id desc limit 1")
                .param(alarm)
                .query((rs, row) ->
                        new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .single();
    }
}
