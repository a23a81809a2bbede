package no.varde.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.circle.CircleTestSupport.Provider;
import no.varde.circle.CircleTestSupport.Subject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Relatives notified by SMS through the HTTP SMS adapter against a real HTTP server standing in for the provider:
 * consent is the rule, delivery reports come back through the authenticated webhook, the signed link confirms and
 * withdraws, and an unconfirmed message escalates down the list.
 */
@AutoConfigureMockMvc
@SpringBootTest(
        properties = {
            "varde.dispatch.sms.mode=http",
            "varde.dispatch.sms.token=provider-send-token",
            "varde.dispatch.sms.report-token=provider-report-token",
            "varde.dispatch.sms.retry-check-interval=200ms"
        })
class RelativeSmsIntegrationTests {

    static final Provider PROVIDER = new Provider();
    static final Set<UUID> USED = new HashSet<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RelativeNotifications notifications;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("varde.dispatch.sms.url", PROVIDER::url);
    }

    @AfterAll
    static void stop() {
        PROVIDER.close();
    }

    @Test
    void noSmsGoesToARelativeWithoutRecordedConsentAndNothingIsHalfWritten() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 2, USED);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        grant(subject, 1);

        // relative 2 has no recorded consent (whatever the registry's old tick box says): the whole request is refused
        notify(alarm, "[1, 2]", "alarm-fulgt-opp", null, false, null, false)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VARDE-CIRCLE-0002"))
                .andExpect(jsonPath("$.detail", containsString("consent")));
        assertThat(smsCount(subject)).isZero();
        assertThat(rounds(alarm)).isZero();
        assertThat(CircleTestSupport.timelineKinds(jdbc, alarm)).doesNotContain("RELATIVE_SMS");

        assertThat(smsCount(subject)).isZero();
    }

    @Test
    void consentWithdrawnByStaffStopsTheNextMessage() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 1, USED);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        grant(subject, 1);
        mvc.perform(delete("/api/v1/residents/" + subject.residentId() + "/relatives/1/consent")
                        .with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.relatives[0].smsConsent").value(false))
                .andExpect(jsonPath("$.consentHistory[0].withdrawnBy").value("operator"))
                .andExpect(jsonPath("$.consentHistory[0].withdrawnVia").value("STAFF"));
        notify(alarm, "[1]", "alarm-fulgt-opp", null, false, null, false)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VARDE-CIRCLE-0002"));
        assertThat(smsCount(subject)).isZero();
        assertThat(audited(subject, "SMS consent of relative %withdrawn by staff"))
                .isOne();
    }

    @Test
    void aMessageGoesThroughTheHttpAdapterAndItsDeliveryReportReachesTheAlarmAndItsTimeline() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 1, USED);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        grant(subject, 1);
        mvc.perform(get("/api/v1/residents/" + subject.residentId() + "/relatives")
                        .with(httpBasic("operator", "varde-demo")))
                .andExpect(jsonPath("$.relatives[0].smsConsent").value(true))
                .andExpect(jsonPath("$.relatives[0].consentRecordedBy").value("operator"))
                .andExpect(jsonPath("$.consentHistory[0].grantedAt").isNotEmpty());
        assertThat(audited(subject, "SMS consent of relative % recorded")).isOne();

        notify(alarm, "[1]", "alarm-fulgt-opp", null, false, null, false).andExpect(status().isCreated());

        String phone = subject.phones().getFirst();
        await().atMost(Duration.ofSeconds(15)).until(() -> !PROVIDER.to(phone).isEmpty());
        Map<String, String> sent = PROVIDER.to(phone).getFirst();
        assertThat(sent.get("authorization")).isEqualTo("Bearer provider-send-token");
        assertThat(sent.get("text"))
                .startsWith("Hei ")
                .contains("Responssenteret har mottatt en alarm fra")
                .contains("/p/")
                .doesNotContainPattern("\\d{11}");
        String address = jdbc.sql("select street_address from resident where id = ?")
                .param(subject.residentId())
                .query(String.class)
                .single();
        assertThat(sent.get("text")).as("no address in the message").doesNotContain(address);
        String reference = sent.get("reference");
        assertThat(reference).isNotBlank();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> CircleTestSupport.statusEntries(jdbc, alarm).contains("SENT"));
        messageStatus(alarm)
                .andExpect(jsonPath("$.notifications[0].messages[0].status").value("SENT"));

        // the webhook: wrong or missing token, bad input, unknown message
        report(null, "{\"reference\": \"" + reference + "\", \"status\": \"DELIVERED\"}")
                .andExpect(status().isUnauthorized());
        report("wrong", "{\"reference\": \"" + reference + "\", \"status\": \"DELIVERED\"}")
                .andExpect(status().isUnauthorized());
        report("provider-report-token", "{\"reference\": \"not-a-uuid\", \"status\": \"READ\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("reference", "status")));
        report("provider-report-token", "{\"reference\": \"" + UUID.randomUUID() + "\", \"status\": \"DELIVERED\"}")
                .andExpect(status().isNotFound());
        messageStatus(alarm)
                .andExpect(jsonPath("$.notifications[0].messages[0].status").value("SENT"));

        report("provider-report-token", "{\"reference\": \"" + reference + "\", \"status\": \"delivered\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DELIVERED"));
        // a repeated report changes nothing, and a late failure does not undo the delivery
        report("provider-report-token", "{\"reference\": \"" + reference + "\", \"status\": \"DELIVERED\"}")
                .andExpect(status().isOk());
        report("provider-report-token", "{\"reference\": \"" + reference + "\", \"status\": \"FAILED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DELIVERED"));
        messageStatus(alarm)
                .andExpect(jsonPath("$.notifications[0].messages[0].status").value("DELIVERED"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> CircleTestSupport.statusEntries(jdbc, alarm).equals(List.of("SENT", "DELIVERED")));
        mvc.perform(get("/api/v1/alarms/" + alarm).with(httpBasic("operator", "varde-demo")))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'RELATIVE_SMS')].data.status")
                        .value("QUEUED"))
                .andExpect(jsonPath("$.timeline[?(@.kind == 'RELATIVE_SMS')].vkpEvent")
                        .value(10));
    }

    @Test
    void aFailureReportIsShownAsFailedWithTheGatewaysReason() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 1, USED);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        grant(subject, 1);
        notify(alarm, "[1]", "alarm-fulgt-opp", null, false, null, false).andExpect(status().isCreated());
        String phone = subject.phones().getFirst();
        await().atMost(Duration.ofSeconds(15)).until(() -> !PROVIDER.to(phone).isEmpty());
        String reference = PROVIDER.to(phone).getFirst().get("reference");
        report(
                        "provider-report-token",
                        "{\"reference\": \"" + reference
                                + "\", \"status\": \"FAILED\", \"reason\": \"absent subscriber\"}")
                .andExpect(status().isOk());
        messageStatus(alarm)
                .andExpect(jsonPath("$.notifications[0].messages[0].status").value("FAILED"))
                .andExpect(jsonPath("$.notifications[0].messages[0].error").value("absent subscriber"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> CircleTestSupport.statusEntries(jdbc, alarm).contains("FAILED"));
    }

    @Test
    void anUnconfirmedMessageEscalatesToTheNextRelativeAndAConfirmationStopsTheList() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 3, USED);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        grant(subject, 1);
        grant(subject, 2);
        grant(subject, 3);
        notify(alarm, "[1, 2, 3]", "alarm-fulgt-opp", null, true, 10L, false)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.messages[0].status").value("QUEUED"))
                .andExpect(jsonPath("$.messages[1].status").value("WAITING"))
                .andExpect(jsonPath("$.messages[2].status").value("WAITING"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !PROVIDER.to(subject.phones().get(0)).isEmpty());
        assertThat(PROVIDER.to(subject.phones().get(0)).getFirst().get("text")).contains("Bekreft at du har lest");

        assertThat(notifications.escalateDue(Instant.now().plus(Duration.ofMinutes(5))))
                .as("not yet: 5 of 10 minutes")
                .isZero();
        assertThat(notifications.escalateDue(Instant.now().plus(Duration.ofMinutes(11))))
                .isOne();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !PROVIDER.to(subject.phones().get(1)).isEmpty());
        assertThat(CircleTestSupport.statusEntries(jdbc, alarm)).contains("UNCONFIRMED");
        assertThat(jdbc.sql("select actor from alarm_timeline where alarm_id = ? and kind = 'RELATIVE_SMS' order by id")
                        .param(alarm.value())
                        .query(String.class)
                        .list())
                .containsExactly("operator", "system:circle-escalation");

        // relative 2 confirms through the link: a timeline entry, and the list stops
        String link = CircleTestSupport.linkPath(
                PROVIDER.to(subject.phones().get(1)).getFirst().get("text"));
        String page = mvc.perform(get(link))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Jeg har lest meldingen")
                .doesNotContain(subject.residentId().toString());
        mvc.perform(post(link + "/confirm").with(csrf())).andExpect(status().isOk());
        mvc.perform(post(link + "/confirm").with(csrf())).andExpect(status().isOk());
        assertThat(CircleTestSupport.timelineKinds(jdbc, alarm).stream()
                        .filter("RELATIVE_CONFIRMED"::equals)
                        .count())
                .as("a second tap changes nothing")
                .isOne();
        assertThat(notifications.escalateDue(Instant.now().plus(Duration.ofMinutes(30))))
                .isZero();
        assertThat(PROVIDER.to(subject.phones().get(2))).isEmpty();
        messageStatus(alarm)
                .andExpect(jsonPath("$.notifications[0].state").value("CONFIRMED"))
                .andExpect(jsonPath("$.notifications[0].messages[1].status").value("CONFIRMED"))
                .andExpect(jsonPath("$.notifications[0].messages[2].status").value("WAITING"));
    }

    @Test
    void theEscalationSkipsARelativeWhoseConsentWasWithdrawnAndEndsExhaustedWhenNobodyConfirms() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 3, USED);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        grant(subject, 1);
        grant(subject, 2);
        grant(subject, 3);
        // ticked in any order, notified in priority order
        notify(alarm, "[3, 1, 2]", "alarm-fulgt-opp", null, true, 10L, false).andExpect(status().isCreated());
        mvc.perform(delete("/api/v1/residents/" + subject.residentId() + "/relatives/2/consent")
                        .with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());

        assertThat(notifications.escalateDue(Instant.now().plus(Duration.ofMinutes(11))))
                .isOne();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !PROVIDER.to(subject.phones().get(2)).isEmpty());
        assertThat(PROVIDER.to(subject.phones().get(1)))
                .as("consent withdrawn meanwhile")
                .isEmpty();
        assertThat(notifications.escalateDue(Instant.now().plus(Duration.ofMinutes(22))))
                .isOne();
        assertThat(CircleTestSupport.statusEntries(jdbc, alarm)).contains("UNCONFIRMED", "EXHAUSTED");
        messageStatus(alarm)
                .andExpect(jsonPath("$.notifications[0].state").value("EXHAUSTED"))
                .andExpect(jsonPath("$.notifications[0].messages[1].status").value("NOT_SENT_NO_CONSENT"));
        assertThat(jdbc.sql("select relative_name from relative_message m join relative_round r on r.id = m.round_id"
                                + " where r.alarm_id = ? order by m.position")
                        .param(alarm.value())
                        .query(String.class)
                        .list())
                .containsExactlyElementsOf(
                        jdbc.sql("select name from relative where resident_id = ? order by priority" + " limit 3")
                                .param(subject.residentId())
                                .query(String.class)
                                .list());
    }

    @Test
    void theRelativeWithdrawsConsentThroughTheLinkAndForgedLinksAreRefused() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 1, USED);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        grant(subject, 1);
        notify(alarm, "[1]", "alarm-fulgt-opp", null, false, null, false).andExpect(status().isCreated());
        String phone = subject.phones().getFirst();
        await().atMost(Duration.ofSeconds(15)).until(() -> !PROVIDER.to(phone).isEmpty());
        String link = CircleTestSupport.linkPath(PROVIDER.to(phone).getFirst().get("text"));

        String forged = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BA" : "AA");
        mvc.perform(get(forged)).andExpect(status().isForbidden());
        mvc.perform(get("/p/garbage")).andExpect(status().isForbidden());
        mvc.perform(post(link + "/confirm").with(csrf())).andExpect(status().isConflict());

        mvc.perform(post(link + "/withdraw").with(csrf())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/residents/" + subject.residentId() + "/relatives")
                        .with(httpBasic("operator", "varde-demo")))
                .andExpect(jsonPath("$.relatives[0].smsConsent").value(false))
                .andExpect(jsonPath("$.consentHistory[0].withdrawnVia").value("RELATIVE_LINK"));
        assertThat(audited(subject, "SMS consent of % withdrawn by the relative (link in SMS)"))
                .isOne();
        notify(alarm, "[1]", "alarm-fulgt-opp", null, false, null, false)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VARDE-CIRCLE-0002"));
        assertThat(PROVIDER.to(phone)).hasSize(1);
    }

    @Test
    void aContactWindowWarnsAndMustBeAcknowledgedAndTheTemplateDecidesAboutFreeText() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 1, USED);
        AlarmId alarm = CircleTestSupport.claimedAlarm(mvc, subject);
        grant(subject, 1);
        LocalTime now = LocalTime.now(ZoneId.of("Europe/Oslo"));
        mvc.perform(put("/api/v1/residents/" + subject.residentId() + "/relatives/1/contact-window")
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"notFrom\": \""
                                + now.minusHours(1).withSecond(0).withNano(0) + "\", \"notUntil\": \""
                                + now.plusHours(1).withSecond(0).withNano(0) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.relatives[0].insideDoNotContactNow").value(true));
        mvc.perform(put("/api/v1/residents/" + subject.residentId() + "/relatives/1/contact-window")
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"notFrom\": \"25:00\", \"notUntil\": \"07:00\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notFrom"));

        notify(alarm, "[1]", "alarm-fulgt-opp", null, false, null, false)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VARDE-CIRCLE-0003"));
        notify(alarm, "[1]", "alarm-fulgt-opp", "Hun har brukket hoften", false, null, true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("freeText"));
        notify(alarm, "[1]", "ring-oss", "Ring 12345678", false, null, true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("freeText"));
        notify(alarm, "[1]", "finnes-ikke", null, false, null, true)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("template"));
        assertThat(smsCount(subject)).isZero();

        notify(alarm, "[1]", "ring-oss", "Bruk hovednummeret.", false, null, true)
                .andExpect(status().isCreated());
        String phone = subject.phones().getFirst();
        await().atMost(Duration.ofSeconds(15)).until(() -> !PROVIDER.to(phone).isEmpty());
        assertThat(PROVIDER.to(phone).getFirst().get("text")).contains("Ring oss når du kan. Bruk hovednummeret.");
    }

    @Test
    void onlyTheOperatorHoldingTheAlarmNotifiesAndAnalystsSeeNoRelatives() throws Exception {
        Subject subject = CircleTestSupport.subject(jdbc, 1, USED);
        AlarmId alarm =
                no.varde.dispatch.DispatchTestSupport.postAlarm(mvc, subject.controllerId(), subject.deviceId());
        grant(subject, 1);
        notify(alarm, "[1]", "alarm-fulgt-opp", null, false, null, false)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("VARDE-CIRCLE-0001"));
        mvc.perform(get("/api/v1/residents/" + subject.residentId() + "/relatives")
                        .with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/alarms/" + alarm + "/relatives").with(httpBasic("analytiker", "varde-demo")))
                .andExpect(status().isForbidden());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void grant(Subject subject, int priority) throws Exception {
        mvc.perform(post("/api/v1/residents/" + subject.residentId() + "/relatives/" + priority + "/consent")
                        .with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());
    }

    private ResultActions notify(
            AlarmId alarm,
            String relatives,
            String template,
            String freeText,
            boolean confirm,
            Long escalate,
            boolean acknowledge)
            throws Exception {
        String body = "{\"relatives\": " + relatives + ", \"template\": \"" + template + "\", \"freeText\": "
                + (freeText == null ? "null" : "\"" + freeText + "\"") + ", \"askConfirmation\": " + confirm
                + ", \"escalateAfterMinutes\": " + escalate + ", \"acknowledgeContactWindow\": " + acknowledge + "}";
        return mvc.perform(post("/api/v1/alarms/" + alarm + "/relatives/sms")
                .with(httpBasic("operator", "varde-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private ResultActions messageStatus(AlarmId alarm) throws Exception {
        return mvc.perform(get("/api/v1/alarms/" + alarm + "/relatives").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());
    }

    private ResultActions report(String token, String body) throws Exception {
        var request = post("/api/v1/sms/delivery-reports")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return mvc.perform(request);
    }

    private long smsCount(Subject subject) {
        return jdbc.sql("select count(*) from sms_message where recipient = any(?)")
                .param(subject.phones().toArray(String[]::new))
                .query(Long.class)
                .single();
    }

    private long rounds(AlarmId alarm) {
        return jdbc.sql("select count(*) from relative_round where alarm_id = ?")
                .param(alarm.value())
                .query(Long.class)
                .single();
    }

    private long audited(Subject subject, String like) {
        return jdbc.sql("select count(*) from audit_event where resident_id = ? and what like ?")
                .params(subject.residentId(), like)
                .query(Long.class)
                .single();
    }

    static String id(String json, String path) {
        return JsonPath.read(json, path);
    }
}
