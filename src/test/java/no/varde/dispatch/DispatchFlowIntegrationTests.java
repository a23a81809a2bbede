package no.varde.dispatch;

import static no.varde.dispatch.DispatchFixtures.calloutOf;
import static no.varde.dispatch.DispatchFixtures.dispatchedAlarmWithCallout;
import static no.varde.dispatch.DispatchTestSupport.alarmState;
import static no.varde.dispatch.DispatchTestSupport.awaitSms;
import static no.varde.dispatch.DispatchTestSupport.claimAndDispatch;
import static no.varde.dispatch.DispatchTestSupport.linkPath;
import static no.varde.dispatch.DispatchTestSupport.postAlarm;
import static no.varde.dispatch.DispatchTestSupport.smsRecipients;
import static no.varde.dispatch.DispatchTestSupport.timelineKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.varde.alarm.AlarmDeadlines;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.DispatchFixtures.DispatchedCallout;
import no.varde.dispatch.callout.Callout;
import no.varde.dispatch.callout.CalloutLink;
import no.varde.dispatch.callout.CalloutState;
import no.varde.dispatch.callout.Callouts;
import no.varde.dispatch.link.LinkClaims;
import no.varde.dispatch.link.LinkSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The call-out driven through real state changes: an event posted by a device, claimed and dispatched by the
 * operator through the API, then the SMS in the outbox, the signed link, and the home-care worker's steps.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DispatchFlowIntegrationTests {

    /** Brønnøy; its demo team's chain has the phones +477501813{1,2,3}. */
    static final String KOMMUNE = "1813";

    static final String CONTACT_1 = "+4775018131";
    static final String CONTACT_2 = "+4775018132";
    static final String CONTACT_3 = "+4775018133";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Callouts callouts;

    @Autowired
    AlarmDeadlines deadlines;

    @Autowired
    LinkSigner signer;

    @Autowired
    UserDetailsService users;

    @Test
    void theFirstContactGetsAnSmsWithALinkOpensThePageAcceptsArrivesAndCompletes() throws Exception {
        DispatchedCallout dispatched = dispatched("Beboer svarer ikke, mulig fall");
        AlarmId alarm = dispatched.alarm();

        String sms = dispatched.sms();
        assertThat(sms)
                .startsWith("Varde utrykning: Trygghetsalarm: knappetrykk, ")
                .contains("/u/");
        assertThat(smsRecipients(jdbc, alarm)).containsExactly(CONTACT_1);
        String residentId = residentOf(alarm);
        String beforeLink = sms.substring(0, sms.indexOf("http"));
        assertThat(beforeLink).as("no national id, no name").doesNotContainPattern("\\d{11}");
        assertThat(beforeLink).doesNotContain(residentNameOf(alarm));

        MockHttpSession phone = new MockHttpSession();
        String page = open(phone, linkPath(sms));
        String residentName = jdbc.sql("select given_name || ' ' || family_name from resident where id = ?::uuid")
                .param(residentId)
                .query(String.class)
                .single();
        assertThat(page)
                .contains(residentName)
                .contains("Beboer svarer ikke, mulig fall")
                .contains("Tilgang til boligen")
                .contains("Aksepter utrykning");
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and resident_id = ?::uuid"
                                + " and what like ? and role = 'HOME_CARE' and purpose = 'home-care service delivery'")
                        .params("system:callout-link:Vakttelefon hjemmetjenesten", residentId, "%alarm " + alarm + "%")
                        .query(Long.class)
                        .single())
                .as("the page read is audited as the contact's read")
                .isPositive();

        step(phone, alarm, "accept");
        step(phone, alarm, "accept"); // a double tap changes nothing
        assertThat(alarmState(jdbc, alarm)).isEqualTo("DISPATCH_ACCEPTED");
        step(phone, alarm, "arrived");
        step(phone, alarm, "arrived");
        String done = mvc.perform(post("/u/c/" + callout(alarm).id() + "/done")
                        .session(phone)
                        .with(csrf())
                        .param("note", "Beboer hadde falt, ikke skadet"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(done).contains("fullført").doesNotContain(residentName);
        mvc.perform(post("/u/c/" + callout(alarm).id() + "/done").session(phone).with(csrf()))
                .andExpect(status().isOk());

        assertThat(callout(alarm).state()).isEqualTo(CalloutState.DONE);
        assertThat(alarmState(jdbc, alarm)).isEqualTo("DISPATCH_ACCEPTED");
        assertThat(timelineKinds(jdbc, alarm))
                .containsSubsequence(
                        "RECEIVED",
                        "CLAIMED",
                        "DISPATCHED",
                        "DISPATCH_NOTIFIED",
                        "DISPATCH_ACCEPTED",
                        "ARRIVED",
                        "DISPATCH_DONE")
                .containsOnlyOnce("DISPATCH_ACCEPTED", "ARRIVED", "DISPATCH_DONE");

        // the link no longer opens the call-out once it is done
        mvc.perform(get(linkPath(sms))).andExpect(status().isGone());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/close")
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"CALLOUT_COMPLETED\"}"))
                .andExpect(status().isOk());
        assertThat(alarmState(jdbc, alarm)).isEqualTo("CLOSED");
    }

    @Test
    void aDeclineNotifiesTheNextContactAtOnceAndTheDeclinerNoLongerSeesTheResident() throws Exception {
        DispatchedCallout dispatched = dispatched("Røykvarsler");
        AlarmId alarm = dispatched.alarm();
        String first = dispatched.sms();
        MockHttpSession phone = new MockHttpSession();
        open(phone, linkPath(first));

        mvc.perform(post("/u/c/" + callout(alarm).id() + "/decline")
                        .session(phone)
                        .with(csrf())
                        .param("reason", "Er på annet oppdrag"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/u/c/" + callout(alarm).id() + "/decline")
                        .session(phone)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String second = awaitSms(jdbc, alarm, 2, "OUTBOX");
        assertThat(smsRecipients(jdbc, alarm)).containsExactly(CONTACT_1, CONTACT_2);
        assertThat(callout(alarm).state()).isEqualTo(CalloutState.DECLINED);
        assertThat(callout(alarm).position()).isEqualTo(2);
        assertThat(alarmState(jdbc, alarm)).isEqualTo("DISPATCHED");
        assertThat(timelineKinds(jdbc, alarm))
                .containsSubsequence("DISPATCHED", "DISPATCH_NOTIFIED", "DISPATCH_DECLINED", "DISPATCH_NOTIFIED")
                .containsOnlyOnce("DISPATCH_DECLINED");
        assertThat(jdbc.sql("select text from alarm_timeline where alarm_id = ? and kind = 'DISPATCH_DECLINED'")
                        .param(alarm.value())
                        .query(String.class)
                        .single())
                .isEqualTo("Er på annet oppdrag");

        String declinerPage = page(phone, alarm);
        assertThat(declinerPage).contains("Du har avslått").doesNotContain("Aksepter utrykning");

        MockHttpSession secondPhone = new MockHttpSession();
        assertThat(open(secondPhone, linkPath(second))).contains("Aksepter utrykning");
        step(secondPhone, alarm, "accept");
        assertThat(alarmState(jdbc, alarm)).isEqualTo("DISPATCH_ACCEPTED");
        assertThat(callout(alarm).acceptedBy()).contains("Fagansvarlig sykepleier");
    }

    /**
     * Time passes for this alarm only: its call-out's accept deadline is moved into the past and the deadline check
     * runs (as the scheduler does every 2 s). Moving the clock for the whole check instead would escalate every
     * alarm other classes left in the shared database, and the work queued behind that delayed this call-out's SMS
     * past the wait on a loaded machine.
     */
    private void acceptDeadlinePasses(AlarmId alarm) {
        jdbc.sql("update alarm set dispatch_deadline = now() - interval '1 second' where id = ?")
                .param(alarm.value())
                .update();
        deadlines.escalateOverdue(Instant.now());
    }

    @Test
    void noAcceptanceInTimeNotifiesTheNextContactThenStartsTheChainOverAndSaysSo() throws Exception {
        DispatchedCallout dispatched = dispatched("Ingen svar på toveis tale");
        AlarmId alarm = dispatched.alarm();
        String first = dispatched.sms();

        acceptDeadlinePasses(alarm);
        awaitSms(jdbc, alarm, 2, "OUTBOX");
        assertThat(smsRecipients(jdbc, alarm)).containsExactly(CONTACT_1, CONTACT_2);
        assertThat(callout(alarm).state()).isEqualTo(CalloutState.ESCALATED);

        acceptDeadlinePasses(alarm);
        awaitSms(jdbc, alarm, 3, "OUTBOX");
        acceptDeadlinePasses(alarm);
        awaitSms(jdbc, alarm, 4, "OUTBOX");
        assertThat(smsRecipients(jdbc, alarm)).containsExactly(CONTACT_1, CONTACT_2, CONTACT_3, CONTACT_1);
        assertThat(callout(alarm).round()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from alarm_timeline where alarm_id = ? and kind = 'NOTE'"
                                + " and data ->> 'reason' = 'CALLOUT_CHAIN_EXHAUSTED'")
                        .param(alarm.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(timelineKinds(jdbc, alarm).stream()
                        .filter("DISPATCH_NOTIFIED"::equals)
                        .count())
                .isEqualTo(4);
        assertThat(timelineKinds(jdbc, alarm).stream()
                        .filter("ESCALATED"::equals)
                        .count())
                .isEqualTo(3);

        // the first contact's first link still works: whoever of the chain accepts first takes it
        MockHttpSession phone = new MockHttpSession();
        open(phone, linkPath(first));
        step(phone, alarm, "accept");
        assertThat(alarmState(jdbc, alarm)).isEqualTo("DISPATCH_ACCEPTED");
    }

    @Test
    void aColleagueWhoTapsAcceptLateIsToldItIsTaken() throws Exception {
        DispatchedCallout dispatched = dispatched("Snortrekk");
        AlarmId alarm = dispatched.alarm();
        String first = dispatched.sms();
        acceptDeadlinePasses(alarm);
        String second = awaitSms(jdbc, alarm, 2, "OUTBOX");

        MockHttpSession one = new MockHttpSession();
        MockHttpSession two = new MockHttpSession();
        open(one, linkPath(first));
        open(two, linkPath(second));
        step(two, alarm, "accept");
        step(one, alarm, "accept");

        assertThat(jdbc.sql("select count(*) from alarm_timeline where alarm_id = ? and kind = 'DISPATCH_ACCEPTED'")
                        .param(alarm.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String late = page(one, alarm);
        assertThat(late)
                .contains("Utrykningen er tatt av Fagansvarlig sykepleier")
                .doesNotContain("Aksepter utrykning");
        assertThat(late).doesNotContain(residentNameOf(alarm));
    }

    @Test
    void tamperedForeignAndExpiredLinksGetAClearPageAndNeverTheAlarm() throws Exception {
        DispatchedCallout dispatched = dispatched("Test av lenker");
        AlarmId alarm = dispatched.alarm();
        String path = dispatched.linkPath();
        String token = path.substring("/u/".length());
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        String refused = mvc.perform(get("/u/" + tampered))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("Lenken er ugyldig").doesNotContain(residentNameOf(alarm));
        mvc.perform(get("/u/not-a-token")).andExpect(status().isForbidden());

        Callout callout = callout(alarm);
        CalloutLink link = callouts.links(callout.id()).getFirst();
        String expired = signer.sign(
                new LinkClaims(link.tokenId(), callout.id(), 1, Instant.now().minusSeconds(60)));
        mvc.perform(get("/u/" + expired)).andExpect(status().isGone());
        // correctly signed, but for a link this call-out never issued
        String foreign = signer.sign(
                new LinkClaims(UUID.randomUUID(), callout.id(), 1, Instant.now().plus(Duration.ofHours(1))));
        mvc.perform(get("/u/" + foreign)).andExpect(status().isForbidden());
        // this call-out's link id presented as another contact's
        String otherPosition = signer.sign(
                new LinkClaims(link.tokenId(), callout.id(), 2, Instant.now().plus(Duration.ofHours(1))));
        mvc.perform(get("/u/" + otherPosition)).andExpect(status().isForbidden());
        // the page without having opened a link in this browser
        mvc.perform(get("/u/c/" + callout.id())).andExpect(status().isForbidden());
        mvc.perform(post("/u/c/" + callout.id() + "/accept").with(csrf())).andExpect(status().isForbidden());
        assertThat(alarmState(jdbc, alarm)).isEqualTo("DISPATCHED");
    }

    @Test
    void aLinkWhoseTokenIsStillValidButWhoseRowHasExpiredIsRefused() throws Exception {
        DispatchedCallout dispatched = dispatched("Lenke trukket tilbake");
        AlarmId alarm = dispatched.alarm();
        String path = dispatched.linkPath();
        CalloutLink link = callouts.links(callout(alarm).id()).getFirst();
        assertThat(link.expiresAt()).isAfter(Instant.now());
        jdbc.sql("update callout_link set expires_at = now() - interval '1 minute' where token_id = ?")
                .param(link.tokenId())
                .update();

        String refused = mvc.perform(get(path))
                .andExpect(status().isGone())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).doesNotContain(residentNameOf(alarm));
        assertThat(alarmState(jdbc, alarm)).isEqualTo("DISPATCHED");
    }

    @Test
    void anAlarmFromAnUnknownDeviceHasNoTeamAndTheTimelineSaysSo() throws Exception {
        AlarmId alarm = postAlarm(mvc, String.valueOf(900_000_000L + (long) (Math.random() * 99_999_999L)), "1");
        created.add(alarm);
        claimAndDispatch(mvc, alarm, "Ukjent enhet");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.sql("select count(*) from alarm_timeline where alarm_id = ? and kind = 'NOTE'"
                                        + " and data ->> 'reason' = 'NO_TEAM'")
                                .param(alarm.value())
                                .query(Long.class)
                                .single()
                        == 1);
        assertThat(callouts.ofAlarm(alarm)).isEmpty();
        assertThat(smsRecipients(jdbc, alarm)).isEmpty();
    }

    @Test
    void theOutboxPageShowsTheMessagesToOperatorsOnly() throws Exception {
        DispatchedCallout dispatched = dispatched("Outbox");
        AlarmId alarm = dispatched.alarm();
        String sms = dispatched.sms();
        String page = mvc.perform(get("/outbox").with(user(users.loadUserByUsername("operator"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(linkPath(sms)).contains(CONTACT_1).contains("I utboksen");
        mvc.perform(get("/outbox").with(user(users.loadUserByUsername("hjemme.bronnoy"))))
                .andExpect(status().isForbidden());
    }

    private final List<AlarmId> created = new ArrayList<>();

    /** Tests share one database: leave no open call-out behind for other tests' deadline runs to escalate. */
    @AfterEach
    void closeOpenAlarms() throws Exception {
        for (AlarmId alarm : created) {
            if (!"CLOSED".equals(alarmState(jdbc, alarm))) {
                mvc.perform(
                        post("/api/v1/alarms/" + alarm + "/close")
                                .with(httpBasic("operator", "varde-demo"))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"outcome\": \"OTHER\", \"comment\": \"test finished\", \"confirmCalloutCancel\": true}"));
            }
        }
    }

    private DispatchedCallout dispatched(String message) throws Exception {
        DispatchedCallout dispatched = dispatchedAlarmWithCallout(mvc, jdbc, callouts, KOMMUNE, message);
        created.add(dispatched.alarm());
        return dispatched;
    }

    private String open(MockHttpSession phone, String linkPath) throws Exception {
        String target = mvc.perform(get(linkPath).session(phone))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(target).startsWith("/u/c/").doesNotContain(linkPath.substring(3));
        return mvc.perform(get(target).session(phone))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String page(MockHttpSession phone, AlarmId alarm) throws Exception {
        return mvc.perform(get("/u/c/" + callout(alarm).id()).session(phone))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void step(MockHttpSession phone, AlarmId alarm, String step) throws Exception {
        CalloutId id = callout(alarm).id();
        mvc.perform(post("/u/c/" + id + "/" + step).session(phone).with(csrf())).andExpect(redirectedUrl("/u/c/" + id));
    }

    private Callout callout(AlarmId alarm) {
        return calloutOf(callouts, alarm);
    }

    private String residentOf(AlarmId alarm) {
        return jdbc.sql("select resident_id::text from alarm where id = ?")
                .param(alarm.value())
                .query(String.class)
                .single();
    }

    private String residentNameOf(AlarmId alarm) {
        return jdbc.sql("select given_name || ' ' || family_name from resident where id = ?::uuid")
                .param(residentOf(alarm))
                .query(String.class)
                .single();
    }
}
