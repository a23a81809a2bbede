package no.varde.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.circle.CircleTestSupport.Subject;
import no.varde.dispatch.DispatchTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Frequent alarms: a resident whose alarms of the last 7 days are at least 5 and more than 3 times their own daily
 * median of the 90 days before is flagged on the card and in the municipality's list; one with a high usual level
 * is not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FrequentAlarmsIntegrationTests {

    static final Set<UUID> USED = new HashSet<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Test
    void aSuddenRiseIsFlaggedAndAHighUsualLevelIsNot() throws Exception {
        Subject rising = quietSubject();
        Subject usual = quietSubject();
        Subject few = quietSubject();
        alarms(rising, 6);
        alarms(few, 4);
        // the usual level: two alarms a day on each of the 90 days before the window (received long ago; the
        // receive time is moved back, since a device cannot send into the past), then six in the window
        List<AlarmId> history = alarms(usual, 180);
        for (int i = 0; i < history.size(); i++) {
            jdbc.sql("update alarm set received_at = now() - make_interval(days => ?) where id = ?")
                    .params(8 + i / 2, history.get(i).value())
                    .update();
        }
        alarms(usual, 6);

        // a fresh operator of the demo operator's centre: other classes' operators may have seen these residents in
        // the last ten minutes, and one READ line covers such a repeat (AuditLog.SHOWN_WINDOW)
        String operator = freshOperator();
        String list = mvc.perform(get("/api/v1/circle/frequent-alarms").with(httpBasic(operator, PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> flagged = JsonPath.read(list, "$[*].residentId");
        assertThat(flagged).contains(rising.residentId().toString());
        assertThat(flagged)
                .doesNotContain(usual.residentId().toString(), few.residentId().toString());
        List<Number> medians = JsonPath.read(list, "$[?(@.residentId == '" + rising.residentId() + "')].dailyMedian");
        assertThat(medians.getFirst().doubleValue()).isZero();
        assertThat(JsonPath.<List<Number>>read(
                                list, "$[?(@.residentId == '" + rising.residentId() + "')].alarmsInWindow")
                        .getFirst()
                        .intValue())
                .isGreaterThanOrEqualTo(6);

        String kommune = jdbc.sql("select kommunenummer from resident where id = ?")
                .param(rising.residentId())
                .query(String.class)
                .single();
        String page = mvc.perform(
                        get("/circle/frequent?kommune=" + kommune).with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(rising.residentId().toString());
        String card = mvc.perform(get("/circle/residents/" + rising.residentId() + "/relatives")
                        .with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(card).contains("id=\"frequent-flag\"").contains("Mange alarmer");
        String usualCard = mvc.perform(get("/circle/residents/" + usual.residentId() + "/relatives")
                        .with(user(users.loadUserByUsername("operator"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(usualCard).doesNotContain("frequent-flag");
        assertThat(jdbc.sql("select count(*) from audit_event where resident_id = ? and username = ?"
                                + " and action = 'READ' and what = 'frequent alarms list'")
                        .params(rising.residentId(), operator)
                        .query(Long.class)
                        .single())
                .isPositive();

        mvc.perform(get("/api/v1/circle/frequent-alarms").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/circle/frequent-alarms?kommune=18x3").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isBadRequest());
    }

    private static final String PASSWORD = "frequent alarms secret";

    /**
     * A resident without alarms in the last 100 days: each subject's alarm counts are what this test makes (in a
     * shared database other classes' alarms for the same resident would change the rates).
     */
    private Subject quietSubject() {
        while (true) {
            Subject candidate = CircleTestSupport.subject(jdbc, 0, USED);
            long recent = jdbc.sql("select count(*) from alarm where resident_id = ?"
                            + " and received_at > now() - interval '100 days'")
                    .param(candidate.residentId())
                    .query(Long.class)
                    .single();
            if (recent == 0) {
                return candidate;
            }
        }
    }

    private String freshOperator() throws Exception {
        String username = "frequent." + UUID.randomUUID().toString().substring(0, 8);
        UUID centre = jdbc.sql("select response_centre_id from user_account where username = 'operator'")
                .query(UUID.class)
                .single();
        mvc.perform(post("/api/v1/accounts")
                        .with(httpBasic("sysadmin", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username": "%s", "displayName": "Frekvens Operatør", "role": "OPERATOR",
                                 "responseCentreId": "%s", "password": "%s"}
                                """.formatted(username, centre, PASSWORD)))
                .andExpect(status().isCreated());
        return username;
    }

    private final List<AlarmId> created = new java.util.ArrayList<>();

    private List<AlarmId> alarms(Subject subject, int count) throws Exception {
        List<AlarmId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(DispatchTestSupport.postAlarm(mvc, subject.controllerId(), subject.deviceId()));
        }
        created.addAll(ids);
        return ids;
    }

    /** Other classes may share the database and its queue: the fixtures' alarms leave it (they were never handled). */
    @org.junit.jupiter.api.AfterEach
    void closeFixtures() {
        jdbc.sql("update alarm set state = 'CLOSED', outcome = 'OTHER', closed_at = now() where id = any(?)")
                .param(created.stream().map(AlarmId::value).toArray(UUID[]::new))
                .update();
    }
}
