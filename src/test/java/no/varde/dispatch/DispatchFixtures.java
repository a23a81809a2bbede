package no.varde.dispatch;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.callout.Callout;
import no.varde.dispatch.callout.Callouts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Call-outs for integration tests, built through real state changes and never by inserting rows: a device of the
 * demo region reports an alarm through the HTTP API, the demo operator claims and dispatches it through the API,
 * and the dispatch listener (after the alarm's commit) starts the call-out, signs the first contact's link and
 * queues the SMS, which the outbox gateway then "sends". The fixture returns once that SMS is out, so the call-out,
 * its chain and its first link all exist. {@link DispatchTestSupport} holds the lower-level steps and the queries.
 */
public final class DispatchFixtures {

    private DispatchFixtures() {}

    /**
     * An alarm dispatched to the home-care team of its municipality, with its call-out notifying the first contact.
     *
     * @param sms the text of the first contact's SMS
     * @param linkPath the path {@code /u/<token>} of the signed link in that SMS
     */
    public record DispatchedCallout(AlarmId alarm, Callout callout, String sms, String linkPath) {

        public CalloutId calloutId() {
            return callout.id();
        }
    }

    /**
     * Dispatches a fresh alarm of a resident's device in {@code kommunenummer} with the operator's {@code message}
     * and waits until its call-out's first SMS has gone out. The municipality must have a team with a call-out
     * chain (every demo municipality has).
     */
    public static DispatchedCallout dispatchedAlarmWithCallout(
            MockMvc mvc, JdbcClient jdbc, Callouts callouts, String kommunenummer, String message) throws Exception {
        String[] device = DispatchTestSupport.deviceIn(jdbc, kommunenummer);
        AlarmId alarm = DispatchTestSupport.postAlarm(mvc, device[0], device[1]);
        DispatchTestSupport.claimAndDispatch(mvc, alarm, message);
        String sms = DispatchTestSupport.awaitSms(jdbc, alarm, 1, "OUTBOX");
        return new DispatchedCallout(alarm, calloutOf(callouts, alarm), sms, DispatchTestSupport.linkPath(sms));
    }

    /** The alarm's latest call-out, as stored now (waits for the dispatch listener to have created it). */
    public static Callout calloutOf(Callouts callouts, AlarmId alarm) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !callouts.ofAlarm(alarm).isEmpty());
        List<Callout> all = callouts.ofAlarm(alarm);
        return all.getLast();
    }
}
