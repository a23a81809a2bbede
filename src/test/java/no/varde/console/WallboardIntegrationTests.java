package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmId;
import no.varde.alarm.AlarmState;
import no.varde.alarm.AlarmStatistics;
import no.varde.alarm.AlarmStatistics.AnswerTimes;
import no.varde.alarm.Alarms;
import no.varde.console.ConsoleTestClient.EventStream;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wallboard figures computed from real alarms: posted through the ingest API and claimed by an operator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WallboardIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Alarms alarms;

    @Autowired
    AlarmStatistics statistics;

    @Test
    void answerTimesAndCountsFollowRealAlarmsAndClaims() {
        VardeUser operator = demoUser("operator");
        Instant since = Instant.now().minusMillis(1);
        var before = statistics.openByState(operator, AlarmCategory.ALARM);
        String[] device = ConsoleTestClient.residentDevice(jdbc, null);
        AlarmId first = AlarmId.of(ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", device[0], device[1]));
        AlarmId second = AlarmId.of(ConsoleTestClient.postEvent(port, "PULL_CORD", device[0], device[1]));
        ConsoleTestClient.postEvent(port, "INACTIVITY", device[0], device[1]);
        alarms.claim(operator, first);
        alarms.claim(operator, second);

        AnswerTimes answers = statistics.answerTimes(operator, since, Duration.ofSeconds(60));
        assertThat(answers.answered()).isEqualTo(2);
        assertThat(answers.withinTarget()).isEqualTo(2);
        assertThat(answers.waiting()).isEqualTo(1);
        assertThat(answers.sharePercent()).isEqualTo(100.0);
        assertThat(answers.medianSeconds()).isBetween(0.0, 60.0);
        assertThat(answers.p90Seconds()).isGreaterThanOrEqualTo(answers.medianSeconds());
        assertThat(statistics.answerTimes(operator, since, Duration.ZERO).sharePercent())
                .as("nobody answers in zero seconds")
                .isEqualTo(0.0);

        var after = statistics.openByState(operator, AlarmCategory.ALARM);
        assertThat(after.get(AlarmState.RECEIVED)).isEqualTo(before.get(AlarmState.RECEIVED) + 1);
        assertThat(after.get(AlarmState.IN_PROGRESS)).isEqualTo(before.get(AlarmState.IN_PROGRESS) + 2);
        assertThat(statistics.oldestUnclaimed(operator)).isNotNull();
    }

    @Test
    void anAlarmWaitingPastItsTypesDeadlineCountsAsAMissSoTheShareIsNeverPerfectWhileAlarmsWait() {
        VardeUser operator = demoUser("operator");
        Instant since = Instant.now().minusMillis(1);
        // as at a moment past the 60-second deadline of the alarms posted now
        Instant later = Instant.now().plusSeconds(61);
        List<String[]> devices = DeskFixtures.residentDevices(jdbc, 12);
        String[] waiting = devices.get(10);
        String[] answered = devices.get(11);
        ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", waiting[0], waiting[1]);
        alarms.claim(operator, AlarmId.of(ConsoleTestClient.postEvent(port, "PULL_CORD", answered[0], answered[1])));

        AnswerTimes now = statistics.answerTimes(operator, since, Duration.ofSeconds(60));
        assertThat(now.missedWaiting()).as("not yet past its deadline").isZero();
        assertThat(now.sharePercent()).isEqualTo(100.0);

        AnswerTimes atLater = statistics.answerTimes(operator, since, Duration.ofSeconds(60), later);
        assertThat(atLater.answered()).isEqualTo(1);
        assertThat(atLater.withinTarget()).isEqualTo(1);
        assertThat(atLater.waiting()).isEqualTo(1);
        assertThat(atLater.missedWaiting()).isEqualTo(1);
        assertThat(atLater.sharePercent())
                .as("one answered in time, one still waiting past its deadline: 50 %, not 100 %")
                .isEqualTo(50.0);

        var waitingNow = statistics.waiting(operator, later);
        assertThat(waitingNow.overdue()).isGreaterThanOrEqualTo(1);
        assertThat(waitingNow.oldestReceivedAt()).isNotNull();
        var list = statistics.waitingAlarms(operator, 1000);
        assertThat(list).extracting(a -> a.receivedAt()).isSorted();
    }

    @Test
    void aMunicipalAdminsWallboardCountsOnlyTheirMunicipality() {
        VardeUser admin = demoUser("admin.bronnoy");
        Kommunenummer own = admin.kommunenummer();
        String elsewhere = jdbc.sql("select kommunenummer from device where type = 'SAFETY_ALARM'"
                        + " and resident_id is not null and kommunenummer <> ? limit 1")
                .param(own.value())
                .query(String.class)
                .single();
        long before = statistics.openByState(admin, AlarmCategory.ALARM).get(AlarmState.RECEIVED);
        long operatorBefore = statistics
                .openByState(demoUser("operator"), AlarmCategory.ALARM)
                .get(AlarmState.RECEIVED);
        String[] device = ConsoleTestClient.residentDevice(jdbc, elsewhere);
        ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", device[0], device[1]);

        assertThat(statistics.openByState(admin, AlarmCategory.ALARM).get(AlarmState.RECEIVED))
                .isEqualTo(before);
        assertThat(statistics
                        .openByState(demoUser("operator"), AlarmCategory.ALARM)
                        .get(AlarmState.RECEIVED))
                .isEqualTo(operatorBefore + 1);
    }

    @Test
    void theWallboardPageShowsTheFiguresAndTheOperatorsWithAConsoleOpen() throws Exception {
        ConsoleTestClient operator2 = ConsoleTestClient.signIn(port, "operator2");
        try (EventStream stream = operator2.openStream()) {
            assertThat(stream.sees("event:ready", Duration.ofSeconds(5))).isTrue();
            ConsoleTestClient supervisor = ConsoleTestClient.signIn(port, "sysadmin");
            String page = "";
            long end = System.currentTimeMillis() + 5000;
            while (System.currentTimeMillis() < end && !page.contains("Oda Operatør")) {
                page = supervisor.get("/wallboard/figures").body();
                Thread.sleep(50);
            }
            assertThat(page).contains("id=\"state-RECEIVED\"").contains("id=\"answers\"");
            assertThat(page)
                    .as("operator2 is on duty while her console stream is open")
                    .contains("Oda Operatør");
            assertThat(supervisor.get("/wallboard").statusCode()).isEqualTo(200);
        }
        assertThat(ConsoleTestClient.signIn(port, "analytiker")
                        .get("/wallboard")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theWallboardInEnglishNamesTheWaitingAlarmsInEnglish() {
        String[] device = ConsoleTestClient.residentDevice(jdbc, null);
        String id = ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", device[0], device[1]);
        // made the longest waiting of all (other classes leave alarms waiting in a shared database)
        jdbc.sql("update alarm set received_at = timestamp '1999-01-01 00:00:00+00' where id = ?::uuid")
                .param(id)
                .update();
        try {
            ConsoleTestClient supervisor = ConsoleTestClient.signIn(port, "sysadmin");
            String english = supervisor.get("/wallboard/figures?lang=en").body();
            String oldest = english.substring(english.indexOf("id=\"oldest\""), english.indexOf("id=\"h-waiting\""));
            assertThat(oldest).contains("Safety alarm: button pressed").doesNotContain("Trygghetsalarm");
            String list = english.substring(english.indexOf("id=\"h-waiting\""));
            assertThat(list).contains("Safety alarm: button pressed");
            assertThat(supervisor.get("/wallboard/figures?lang=nb").body()).contains("Trygghetsalarm: knappetrykk");
        } finally {
            VardeUser operator = demoUser("operator");
            alarms.claim(operator, AlarmId.of(id));
            alarms.close(operator, AlarmId.of(id), no.varde.alarm.Outcome.FALSE_ALARM, null);
        }
    }

    private VardeUser demoUser(String username) {
        return jdbc.sql("select id, username, display_name, role, kommunenummer, response_centre_id"
                        + " from user_account where username = ?")
                .param(username)
                .query((rs, row) -> new VardeUser(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        rs.getString("kommunenummer") == null ? null : Kommunenummer.of(rs.getString("kommunenummer")),
                        rs.getObject("response_centre_id", UUID.class)))
                .single();
    }
}
