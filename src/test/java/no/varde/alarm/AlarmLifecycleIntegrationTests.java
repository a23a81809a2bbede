package no.varde.alarm;

import static no.varde.ingest.IngestTestSupport.TOKEN;
import static no.varde.ingest.IngestTestSupport.event;
import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static no.varde.ingest.IngestTestSupport.uniqueEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.varde.registry.AccessScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The lifecycle of DESIGN.md through the alarm API, as an operator drives it. */
@SpringBootTest
@AutoConfigureMockMvc
class AlarmLifecycleIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Alarms alarms;

    @Autowired
    AlarmDeadlines deadlines;

    @Test
    void wholePathRecordsVkpEventsZeroOneFourFiveThreeInOrder() throws Exception {
        String id = receive("BUTTON_PRESSED", "1813", 10);
        act("operator", id, "claim", "{}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IN_PROGRESS"));
        act("operator", id, "calls", "{\"callee\": \"resident\", \"result\": \"NO_ANSWER\"}")
                .andExpect(status().isOk());
        act("operator", id, "dispatch", "{\"text\": \"Svarer ikke, dra innom\"}")
                .andExpect(jsonPath("$.state").value("DISPATCHED"));
        alarms.acceptDispatch(AlarmId.of(id), Actor.homeCare("Vakttelefon hjemmetjenesten"));
        act("operator", id, "close", "{\"outcome\": \"CALLOUT_COMPLETED\", \"comment\": \"Alt vel\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("CALLOUT_COMPLETED"));
        String alarm = mvc.perform(get("/api/v1/alarms/" + id).with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> lifecycle = JsonPath.<List<Integer>>read(alarm, "$.timeline[*].vkpEvent").stream()
                .filter(code -> code != null && List.of(0, 1, 3, 4, 5).contains(code))
                .toList();
        assertThat(lifecycle).containsExactly(0, 1, 4, 5, 3);
        assertThat(JsonPath.<List<String>>read(alarm, "$.timeline[*].actor"))
                .contains("operator", "Vakttelefon hjemmetjenesten");
    }

    @Test
    void onlyOneOperatorCanHoldAnAlarm() throws Exception {
        String id = receive("FALL", "1824", 10);
        act("operator", id, "claim", "{}").andExpect(status().isOk());
        act("operator2", id, "claim", "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("already being handled by operator")));
        act("operator2", id, "notes", "{\"text\": \"hei\"}").andExpect(status().isConflict());
    }

    @Test
    void resolvedByPhoneNeedsAVerbalContactCall() throws Exception {
        String id = receive("PULL_CORD", "1820", 10);
        act("operator", id, "claim", "{}").andExpect(status().isOk());
        act("operator", id, "close", "{\"outcome\": \"RESOLVED_BY_PHONE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("VARDE-ALARM-0005")));
        act(
                        "operator",
                        id,
                        "calls",
                        "{\"callee\": \"resident\", \"result\": \"VERBAL_CONTACT\", \"note\": \"Trykket ved et uhell\"}")
                .andExpect(status().isOk());
        act("operator", id, "close", "{\"outcome\": \"RESOLVED_BY_PHONE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"));
        act("operator", id, "close", "{\"outcome\": \"FALSE_ALARM\"}").andExpect(status().isConflict());
    }

    @Test
    void missingOutcomeAndUnknownCallResultAreBadInput() throws Exception {
        String id = receive("BUTTON_PRESSED", "1832", 10);
        act("operator", id, "claim", "{}").andExpect(status().isOk());
        act("operator", id, "close", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        act("operator", id, "calls", "{\"callee\": \"x\", \"result\": \"SHOUTED\"}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void handoverTo113AndRelativesAreRecorded() throws Exception {
        String id = receive("FIRE", "1833", 20);
        act("operator", id, "claim", "{}").andExpect(status().isOk());
        act("operator", id, "handed-to-113", "{\"text\": \"Røyk i leiligheten\"}")
                .andExpect(status().isOk());
        act("operator", id, "relatives-notified", "{\"relatives\": \"datter\"}").andExpect(status().isOk());
        act("operator", id, "close", "{\"outcome\": \"HANDED_TO_113\"}")
                .andExpect(jsonPath("$.timeline[?(@.kind == 'HANDED_TO_113' && @.vkpEvent == 10)]")
                        .exists())
                .andExpect(jsonPath("$.timeline[?(@.kind == 'RELATIVES_NOTIFIED')]")
                        .exists());
    }

    @Test
    void repeatAlarmFromTheSameResidentIsMarkedAndRaised() throws Exception {
        String cid = safetyAlarmController(jdbc, "1834", 0);
        String first = receiveFrom("BUTTON_PRESSED", cid);
        String second = receiveFrom("BUTTON_PRESSED", cid);
        assertThat(jdbc.sql(
                                "select priority || '|' || array_to_string(flags, ',') || '|' || repeat_of from alarm where id = ?")
                        .param(UUID.fromString(second))
                        .query(String.class)
                        .single())
                .isEqualTo("1|REPEAT|" + first);
    }

    @Test
    void unclaimedAlarmEscalatesOnceAndKeepsItsPriorityAndOriginalDeadline() throws Exception {
        String id = receive("BUTTON_PRESSED", "1835", 0);
        Instant received = jdbc.sql("select received_at from alarm where id = ?")
                .param(UUID.fromString(id))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        deadlines.escalateOverdue(received.plusSeconds(30));
        assertThat(escalations(id)).isZero();
        deadlines.escalateOverdue(received.plusSeconds(61));
        deadlines.escalateOverdue(received.plusSeconds(62));
        assertThat(escalations(id)).isEqualTo(1);
        // issue 11: escalation marks the alarm overdue once and never rewrites its priority (BUTTON_PRESSED is 2)
        // nor its original claim deadline (received + the type's 60 s), which the queue sorts by
        assertThat(jdbc.sql("select escalation_level || '|' || priority || '|' || array_to_string(flags, ',')"
                                + " || '|' || extract(epoch from original_claim_deadline - received_at)::int"
                                + " from alarm where id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("1|2|ESCALATED|60");
        deadlines.escalateOverdue(received.plusSeconds(125));
        deadlines.escalateOverdue(received.plusSeconds(3600));
        assertThat(escalations(id)).as("no second round, however long it waits").isEqualTo(1);
        assertThat(jdbc.sql("select escalation_level || '|' || priority from alarm where id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("1|2");
    }

    @Test
    void dispatchNotAcceptedInTimeEscalates() throws Exception {
        String id = receive("BUTTON_PRESSED", "1836", 0);
        act("operator", id, "claim", "{}").andExpect(status().isOk());
        act("operator", id, "dispatch", "{}").andExpect(status().isOk());
        Instant later = Instant.now().plus(Duration.ofMinutes(11));
        // the dispatch module's listener may hold the row for a moment; SKIP LOCKED then leaves it for the next run
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            deadlines.escalateOverdue(later);
            return jdbc.sql("select array_to_string(flags, ',') from alarm where id = ?")
                    .param(UUID.fromString(id))
                    .query(String.class)
                    .single()
                    .contains("DISPATCH_OVERDUE");
        });
        assertThat(escalations(id)).isEqualTo(1);
        alarms.acceptDispatch(AlarmId.of(id), Actor.homeCare("Sykepleier"));
        assertThat(alarms.findForSystem(AlarmId.of(id)).orElseThrow().state()).isEqualTo(AlarmState.DISPATCH_ACCEPTED);
    }

    @Test
    void homeCareSeesOnlyOwnMunicipalitysAlarmsAndCannotAct() throws Exception {
        String rana = receive("BUTTON_PRESSED", "1833", 30);
        mvc.perform(get("/api/v1/alarms/" + rana).with(httpBasic("hjemme.bronnoy", "varde-demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/alarms").with(httpBasic("hjemme.bronnoy", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kommunenummer")
                        .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("1813"))));
        act("hjemme.rana", rana, "claim", "{}").andExpect(status().isForbidden());
        assertThat(AccessScope.none().isEmpty()).isTrue();
    }

    private int escalations(String id) {
        return jdbc.sql("select count(*) from alarm_timeline where alarm_id = ? and kind = 'ESCALATED'")
                .param(UUID.fromString(id))
                .query(Integer.class)
                .single();
    }

    private String receive(String code, String kommune, int deviceOffset) throws Exception {
        return receiveFrom(code, safetyAlarmController(jdbc, kommune, deviceOffset + (int) (Math.random() * 10)));
    }

    private String receiveFrom(String code, String cid) throws Exception {
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

    private ResultActions act(String user, String id, String action, String json) throws Exception {
        return mvc.perform(post("/api/v1/alarms/" + id + "/" + action)
                .with(httpBasic(user, "varde-demo"))
                .contentType("application/json")
                .content(json));
    }
}
