package no.varde.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.alarm.AlarmDeadlines;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.shared.Kommunenummer;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operator's desk (issue 11) on real alarms posted through the ingest API: the queue order (waiting first, then
 * the type's priority, then the time past the original claim deadline; handled alarms in their own section below)
 * and the queue strip every operator page carries (counts only, no personal data). Its own database: the order of a
 * whole queue is asserted, so no other test class's alarms may be in it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"varde.embedded-database.database-name=varde_desk", "varde.console.cue-repeat-interval=5s"})
class DeskIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Alarms alarms;

    @Autowired
    AlarmDeadlines deadlines;

    /**
     * The queue is asserted whole. With the embedded database the class has a database of its own; against an
     * external server (CI's PostgreSQL stage) it shares the one database, so alarms other classes left waiting
     * leave the queue first (they were never handled; nothing later depends on them).
     */
    @org.junit.jupiter.api.BeforeEach
    void onlyThisClassesAlarmsWait() {
        jdbc.sql("update alarm set state = 'CLOSED', outcome = 'OTHER', closed_at = now() where state = 'RECEIVED'")
                .update();
    }

    @Test
    void aFreshFireAlarmSortsAboveOlderOverdueButtonPressesAndHandledAlarmsSortBelowInTheirOwnSection() {
        List<String[]> devices = DeskFixtures.residentDevices(jdbc, 5);
        String olderPress = ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", devices.get(0)[0], devices.get(0)[1]);
        String newerPress = ConsoleTestClient.postEvent(port, "BUTTON_PRESSED", devices.get(1)[0], devices.get(1)[1]);
        deadlines.escalateOverdue(Instant.now().plusSeconds(61));
        String fire = ConsoleTestClient.postEvent(port, "FIRE", devices.get(2)[0], devices.get(2)[1]);
        String leftBed = ConsoleTestClient.postEvent(port, "LEFT_BED", devices.get(3)[0], devices.get(3)[1]);
        String claimedFall = ConsoleTestClient.postEvent(port, "FALL", devices.get(4)[0], devices.get(4)[1]);
        alarms.claim(demoOperator(), AlarmId.of(claimedFall));

        String queue =
                ConsoleTestClient.signIn(port, "operator").get("/console/queue").body();

        int handledSection = queue.indexOf("<tbody class=\"handled\"");
        assertThat(handledSection).isPositive();
        assertThat(List.of(
                        position(queue, fire),
                        position(queue, olderPress),
                        position(queue, newerPress),
                        position(queue, leftBed),
                        handledSection,
                        position(queue, claimedFall)))
                .as("fire (priority 1, fresh) above the overdue presses (priority 2, the longest overdue first),"
                        + " then priority 3; the claimed fall below, in the handled section")
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(position(queue, fire)).isGreaterThan(queue.indexOf("<tbody class=\"waiting\""));

        assertThat(row(queue, fire)).contains("data-marker=\"fire\"").contains(">Brann<");
        assertThat(row(queue, claimedFall)).contains("data-marker=\"fall\"").contains(">Fall<");
        assertThat(row(queue, olderPress))
                .as("overdue is shown, with the time overdue counting from the original deadline")
                .containsPattern(
                        "class=\"flag danger overdue-by\"\\s+data-deadline=\"\\d+\"\\s+data-escalated=\"true\"")
                .doesNotContainPattern("overdue-by\"[^>]*hidden")
                .contains("OVER FRISTEN");
        assertThat(row(queue, fire)).containsPattern("overdue-by\"[^>]*hidden");
        assertThat(row(queue, olderPress)).contains("class=\"prio p2\"");

        // the escalation changed neither the priority nor the original deadline, and happened once
        deadlines.escalateOverdue(Instant.now().plusSeconds(600));
        assertThat(jdbc.sql("select priority || '|' || escalation_level || '|'"
                                + " || extract(epoch from original_claim_deadline - received_at)::int"
                                + " from alarm where id = ?")
                        .param(UUID.fromString(olderPress))
                        .query(String.class)
                        .single())
                .isEqualTo("2|1|60");
    }

    @Test
    void theStripCountsWaitingAlarmsByPriorityAndCarriesNoPersonalData() {
        ConsoleTestClient operator = ConsoleTestClient.signIn(port, "operator");
        String before = operator.get("/console/strip").body();
        long waitingBefore = number(before, "waiting");
        long priorityOneBefore = priority(before, 1);

        List<String[]> devices = DeskFixtures.residentDevices(jdbc, 7);
        String fire = ConsoleTestClient.postEvent(port, "FIRE", devices.get(5)[0], devices.get(5)[1]);
        HttpResponse<String> answer = operator.get("/console/strip");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String strip = answer.body();
        assertThat(number(strip, "waiting")).isEqualTo(waitingBefore + 1);
        assertThat(priority(strip, 1)).isEqualTo(priorityOneBefore + 1);
        assertThat(number(strip, "cueRepeatMillis")).as("configurable").isEqualTo(5000);
        assertThat(strip).contains("\"NEW_ALARM\":[880,660]").contains("\"oldestReceivedAt\":");
        String name = jdbc.sql("select r.given_name || '|' || r.family_name from alarm a"
                        + " join resident r on r.id = a.resident_id where a.id = ?")
                .param(UUID.fromString(fire))
                .query(String.class)
                .single();
        for (String part : name.split("\\|")) {
            assertThat(strip).doesNotContain(part);
        }
        assertThat(strip).doesNotContain(fire);

        alarms.claim(demoOperator(), AlarmId.of(fire));
        assertThat(number(operator.get("/console/strip").body(), "waiting")).isEqualTo(waitingBefore);

        assertThat(ConsoleTestClient.signIn(port, "sysadmin")
                        .get("/console/strip")
                        .statusCode())
                .as("the strip is the operators'")
                .isEqualTo(403);
    }

    @Test
    void everyOperatorPageCarriesTheStripAndOtherRolesPagesDoNot() {
        ConsoleTestClient operator = ConsoleTestClient.signIn(port, "operator");
        for (String page : List.of("/console", "/residents", "/outbox", "/wallboard")) {
            assertThat(operator.get(page).body())
                    .as(page)
                    .contains("id=\"desk-strip\"")
                    .contains("/js/desk.js")
                    .containsOnlyOnce("id=\"live-status\"");
        }
        assertThat(ConsoleTestClient.signIn(port, "sysadmin").get("/wallboard").body())
                .doesNotContain("id=\"desk-strip\"");
    }

    @Test
    void theWallboardLeadsWithTheLongestWaitingAndListsWaitingAlarmsByAgeAndMunicipality() {
        String[] device = DeskFixtures.residentDevices(jdbc, 9).get(8);
        ConsoleTestClient.postEvent(port, "FALL", device[0], device[1]);
        String page = ConsoleTestClient.signIn(port, "sysadmin")
                .get("/wallboard/figures")
                .body();
        assertThat(page.indexOf("id=\"oldest\"")).isPositive().isLessThan(page.indexOf("id=\"state-RECEIVED\""));
        int list = page.indexOf("id=\"waiting\"");
        assertThat(list).isPositive();
        String waiting = page.substring(list, page.indexOf("</section>", list));
        assertThat(waiting).contains("class=\"waiting-row").contains("Brønnøy").contains("data-marker=\"fall\"");
        List<Integer> ages = Pattern.compile("<td class=\"num\"><strong>(\\d+):(\\d+)</strong>")
                .matcher(waiting)
                .results()
                .map(m -> Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)))
                .toList();
        assertThat(ages)
                .as("longest waiting first")
                .isNotEmpty()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // no resident names on the board
        assertThat(waiting)
                .doesNotContain(jdbc.sql("select r.family_name from device d join resident r on r.id ="
                                + " d.resident_id where d.scaip_controller_id = ? limit 1")
                        .param(device[0])
                        .query(String.class)
                        .single());
    }

    private static int position(String html, String id) {
        int at = html.indexOf("id=\"alarm-" + id + "\"");
        assertThat(at).as("row of %s in the queue", id).isPositive();
        return at;
    }

    private static String row(String html, String id) {
        int start = position(html, id);
        return html.substring(start, html.indexOf("</tr>", start));
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as("%s in %s", field, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long priority(String json, int priority) {
        Matcher m = Pattern.compile("\"" + priority + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private VardeUser demoOperator() {
        return jdbc.sql("select id, username, display_name, role, kommunenummer, response_centre_id"
                        + " from user_account where username = 'operator'")
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
