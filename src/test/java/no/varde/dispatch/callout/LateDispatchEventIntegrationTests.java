package no.varde.dispatch.callout;

import static no.varde.dispatch.DispatchTestSupport.deviceIn;
import static no.varde.dispatch.DispatchTestSupport.postAlarm;
import static no.varde.dispatch.DispatchTestSupport.smsRecipients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import no.varde.alarm.AlarmEvents.AlarmDispatched;
import no.varde.alarm.AlarmId;
import no.varde.shared.Kommunenummer;
import no.varde.shared.Username;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatch listener runs after the dispatch has committed, later under load. When the operator has closed the
 * alarm or taken it back by then, no home-care worker is called out for it (before, the call-out was created and
 * its SMS sent for an alarm that was already closed).
 */
@SpringBootTest
@AutoConfigureMockMvc
class LateDispatchEventIntegrationTests {

    /** Brønnøy: its demo team has a call-out chain. */
    static final String KOMMUNE = "1813";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DispatchListener listener;

    @Autowired
    Callouts callouts;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDispatchWhoseAlarmWasClosedBeforeTheListenerRanCallsNobodyOut() throws Exception {
        String[] device = deviceIn(jdbc, KOMMUNE);
        AlarmId alarm = postAlarm(mvc, device[0], device[1]);
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/alarms/" + alarm + "/close")
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"FALSE_ALARM\"}"))
                .andExpect(status().isOk());

        deliverLate(alarm);

        assertThat(callouts.ofAlarm(alarm)).isEmpty();
        assertThat(smsRecipients(jdbc, alarm)).isEmpty();
    }

    @Test
    void aDispatchWhoseAlarmIsHeldByTheOperatorAgainCallsNobodyOut() throws Exception {
        String[] device = deviceIn(jdbc, KOMMUNE);
        AlarmId alarm = postAlarm(mvc, device[0], device[1]);
        mvc.perform(post("/api/v1/alarms/" + alarm + "/claim").with(httpBasic("operator", "varde-demo")))
                .andExpect(status().isOk());

        deliverLate(alarm);

        assertThat(callouts.ofAlarm(alarm)).isEmpty();
        assertThat(smsRecipients(jdbc, alarm)).isEmpty();
        mvc.perform(post("/api/v1/alarms/" + alarm + "/close")
                        .with(httpBasic("operator", "varde-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"FALSE_ALARM\"}"))
                .andExpect(status().isOk());
    }

    /** The dispatch event as the listener would get it, in its own transaction as the event infrastructure runs it. */
    private void deliverLate(AlarmId alarm) {
        transactions.executeWithoutResult(status -> listener.on(new AlarmDispatched(
                alarm, Kommunenummer.of(KOMMUNE), Username.of("operator"), "Beboer svarer ikke", Instant.now())));
    }
}
