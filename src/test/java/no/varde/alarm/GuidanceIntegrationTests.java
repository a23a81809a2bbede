package no.varde.alarm;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Guidance per alarm type (issue 11, item 4): the checklist an alarm shows, ticks that become timeline entries
 * once, and versioned edits by system administrators only.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GuidanceIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aFireAlarmShowsFireGuidanceAndATickIsOneTimelineEntryWithTheStepAndItsVersion() throws Exception {
        String id = receive("FIRE", safetyAlarmController(jdbc, "1813", 30 + (int) (Math.random() * 10)));
        String panel = read("operator", "/api/v1/alarms/" + id + "/guidance");
        assertThat(JsonPath.<String>read(panel, "$[0].checklist.subject")).isEqualTo("4.11");
        assertThat(JsonPath.<String>read(panel, "$[0].checklist.stepsNb[0]")).startsWith("Ring 110 først");
        int version = JsonPath.read(panel, "$[0].checklist.version");

        // not before the operator holds the alarm
        tick("operator", id, "4.11", version, 0)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("VARDE-ALARM-0003")));
        act("operator", id, "claim").andExpect(status().isOk());
        // another operator cannot tick the holder's alarm
        tick("operator2", id, "4.11", version, 0).andExpect(status().isConflict());

        tick("operator", id, "4.11", version, 0)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ticked[0]").value(0));
        tick("operator", id, "4.11", version, 0).andExpect(status().isOk()); // twice: recorded once
        tick("operator", id, "4.11", version, 2)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].ticked.length()").value(2));

        String alarm = read("operator", "/api/v1/alarms/" + id);
        List<String> kinds = JsonPath.read(alarm, "$.timeline[*].kind");
        assertThat(kinds.stream().filter("GUIDANCE_STEP"::equals)).hasSize(2);
        assertThat(JsonPath.<List<String>>read(alarm, "$.timeline[?(@.kind == 'GUIDANCE_STEP')].text"))
                .first()
                .asString()
                .startsWith("Ring 110 først");
        assertThat(JsonPath.<List<Integer>>read(alarm, "$.timeline[?(@.kind == 'GUIDANCE_STEP')].data.version"))
                .containsOnly(version);
        assertThat(JsonPath.<List<String>>read(alarm, "$.timeline[?(@.kind == 'GUIDANCE_STEP')].actor"))
                .containsOnly("operator");
    }

    @Test
    void aStepOrVersionThatDoesNotExistIsNamedAndNothingIsRecorded() throws Exception {
        String id = receive("FALL", safetyAlarmController(jdbc, "1824", 30 + (int) (Math.random() * 10)));
        act("operator", id, "claim").andExpect(status().isOk());
        int version = JsonPath.read(read("operator", "/api/v1/alarms/" + id + "/guidance"), "$[0].checklist.version");
        tick("operator", id, "4.1", version, 99)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("step"));
        tick("operator", id, "4.1", 9999, 0)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        mvc.perform(post("/api/v1/alarms/" + id + "/guidance")
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType("application/json")
                        .content("{\"version\": 1, \"step\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("subject"));
        String alarm = read("operator", "/api/v1/alarms/" + id);
        assertThat(JsonPath.<List<String>>read(alarm, "$.timeline[*].kind")).doesNotContain("GUIDANCE_STEP");
    }

    @Test
    void anUnknownDeviceShowsHowToIdentifyItFirst() throws Exception {
        String id = receive("BUTTON_PRESSED", "UNKNOWN-" + UUID.randomUUID());
        String panel = read("operator", "/api/v1/alarms/" + id + "/guidance");
        assertThat(JsonPath.<List<String>>read(panel, "$[*].checklist.subject")).containsExactly("UNKNOWN_DEVICE", "3");
        assertThat(JsonPath.<String>read(panel, "$[0].checklist.stepsNb[1]")).contains("leverandøren");
    }

    @Test
    void onlySystemAdministratorsReviseAndEveryRevisionIsANewVersion() throws Exception {
        String subject = "1.5"; // device fault: no other test reads its guidance
        int before = JsonPath.<List<?>>read(read("sysadmin", "/api/v1/guidance/" + subject), "$")
                .size();

        revise("operator", subject, "{\"stepsNb\": [\"a\"], \"stepsEn\": [\"a\"]}")
                .andExpect(status().isForbidden());
        revise("sysadmin", subject, "{\"stepsNb\": [\"Ring brukeren\", \"Meld feil\"], \"stepsEn\": [\"Call\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stepsEn"));
        revise("sysadmin", subject, "{\"stepsNb\": [], \"stepsEn\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("stepsNb", "stepsEn")));
        revise("sysadmin", "9.99", "{\"stepsNb\": [\"a\"], \"stepsEn\": [\"a\"]}")
                .andExpect(status().isNotFound());

        revise(
                        "sysadmin",
                        subject,
                        "{\"stepsNb\": [\"Ring brukeren\", \"Meld feilen til tekniker\"],"
                                + " \"stepsEn\": [\"Call the resident\", \"Report the fault\"], \"note\": \"test\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(before + 1))
                .andExpect(jsonPath("$.changedBy").value("sysadmin"));
        revise(
                        "sysadmin",
                        subject,
                        "{\"stepsNb\": [\"Ring brukeren først\"], \"stepsEn\": [\"Call the resident first\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(before + 2));
        String history = read("operator", "/api/v1/guidance/" + subject);
        assertThat(JsonPath.<List<Integer>>read(history, "$[*].version")).startsWith(before + 2, before + 1);
        assertThat(JsonPath.<List<String>>read(history, "$[1].stepsNb"))
                .containsExactly("Ring brukeren", "Meld feilen til tekniker");

        // versions are never rewritten, even by a direct update
        assertThatThrownBy(() -> jdbc.sql("update alarm_guidance set steps_nb = '{x}' where subject = :s")
                        .param("s", subject)
                        .update())
                .hasMessageContaining("versioned");
    }

    @Test
    void aTickInAVersionThatWasReplacedIsRefusedSoTheOperatorSeesTheNewSteps() throws Exception {
        String subject = "4.9"; // inactivity
        String id = receive("INACTIVITY", safetyAlarmController(jdbc, "1820", 30 + (int) (Math.random() * 10)));
        act("operator", id, "claim").andExpect(status().isOk());
        int shown = JsonPath.read(read("operator", "/api/v1/alarms/" + id + "/guidance"), "$[0].checklist.version");
        String current = read("sysadmin", "/api/v1/guidance/" + subject);
        List<String> nb = JsonPath.read(current, "$[0].stepsNb");
        List<String> en = JsonPath.read(current, "$[0].stepsEn");
        revise(
                        "sysadmin",
                        subject,
                        new com.fasterxml.jackson.databind.ObjectMapper()
                                .writeValueAsString(java.util.Map.of("stepsNb", nb, "stepsEn", en, "note", "same")))
                .andExpect(status().isOk());
        tick("operator", id, subject, shown, 0)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("newer version")));
        tick("operator", id, subject, shown + 1, 0).andExpect(status().isOk());
    }

    @Test
    void theConsolePanelTicksInPlaceAndTellsThePageToRefreshTheTimeline() throws Exception {
        String id = receive("FIRE", safetyAlarmController(jdbc, "1813", 30 + (int) (Math.random() * 10)));
        mvc.perform(get("/console/alarms/" + id + "/guidance").with(page("operator")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Ring 110 først")))
                // not held: the steps are shown but cannot be ticked
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("name=\"step\""))));
        act("operator", id, "claim").andExpect(status().isOk());
        int version = JsonPath.read(read("operator", "/api/v1/alarms/" + id + "/guidance"), "$[0].checklist.version");
        mvc.perform(post("/console/alarms/" + id + "/guidance")
                        .with(page("operator"))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("subject", "4.11")
                        .param("version", String.valueOf(version))
                        .param("step", "0"))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "varde:timeline"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("class=\"ticked\"")));
        // without script, a plain form post goes back to the alarm page
        mvc.perform(post("/console/alarms/" + id + "/guidance")
                        .with(page("operator"))
                        .with(csrf())
                        .param("subject", "4.11")
                        .param("version", String.valueOf(version))
                        .param("step", "1"))
                .andExpect(status().is3xxRedirection());
        String alarm = read("operator", "/api/v1/alarms/" + id);
        assertThat(JsonPath.<List<Integer>>read(alarm, "$.timeline[?(@.kind == 'GUIDANCE_STEP')].data.step"))
                .containsExactly(0, 1);
    }

    @Test
    void theGuidancePagesListSubjectsAndSaveANewVersionFromTheForm() throws Exception {
        mvc.perform(get("/guidance").with(page("sysadmin")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Ukjent enhet")));
        mvc.perform(post("/guidance/4.17")
                        .with(page("sysadmin"))
                        .with(csrf())
                        .param("stepsNb", "Ring brukeren\n\nSend utrykning")
                        .param("stepsEn", "Call the resident\nDispatch")
                        .param("note", "kortere"))
                .andExpect(status().is3xxRedirection());
        String history = read("sysadmin", "/api/v1/guidance/4.17");
        assertThat(JsonPath.<List<String>>read(history, "$[0].stepsNb"))
                .containsExactly("Ring brukeren", "Send utrykning");
        mvc.perform(post("/guidance/4.17")
                        .with(page("operator"))
                        .with(csrf())
                        .param("stepsNb", "x")
                        .param("stepsEn", "x"))
                .andExpect(status().isForbidden());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private String receive(String code, String cid) throws Exception {
        String body = mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + TOKEN)
                        .contentType("application/json")
                        .content(event(uniqueEventId(), code, cid)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.alarmId");
    }

    /** A signed-in page user (HTTP Basic is for the API only). */
    private RequestPostProcessor page(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String read(String user, String path) throws Exception {
        return mvc.perform(get(path).with(httpBasic(user, "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private ResultActions act(String user, String id, String action) throws Exception {
        return mvc.perform(post("/api/v1/alarms/" + id + "/" + action)
                .with(httpBasic(user, "varde-demo"))
                .contentType("application/json")
                .content("{}"));
    }

    private ResultActions tick(String user, String id, String subject, int version, int step) throws Exception {
        return mvc.perform(post("/api/v1/alarms/" + id + "/guidance")
                .with(httpBasic(user, "varde-demo"))
                .contentType("application/json")
                .content("{\"subject\": \"%s\", \"version\": %d, \"step\": %d}".formatted(subject, version, step)));
    }

    private ResultActions revise(String user, String subject, String json) throws Exception {
        return mvc.perform(put("/api/v1/guidance/" + subject)
                .with(httpBasic(user, "varde-demo"))
                .contentType("application/json")
                .content(json));
    }
}
