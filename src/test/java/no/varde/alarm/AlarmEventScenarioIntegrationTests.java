package no.varde.alarm;

import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import no.varde.accounts.UserAccounts;
import no.varde.alarm.AlarmEvents.AlarmClaimed;
import no.varde.alarm.AlarmEvents.AlarmClosed;
import no.varde.alarm.AlarmEvents.AlarmDispatchAccepted;
import no.varde.alarm.AlarmEvents.AlarmDispatched;
import no.varde.alarm.AlarmEvents.AlarmReceived;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import no.varde.shared.Kommunenummer;
import no.varde.shared.Username;
import no.varde.shared.security.VardeUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * Each transition publishes its past-tense event, and the modules that care react: the dispatch module notifies
 * home care on {@link AlarmDispatched}, the journal documents an {@link AlarmClosed} alarm.
 */
@SpringBootTest
@EnableScenarios
class AlarmEventScenarioIntegrationTests {

    @Autowired
    Alarms alarms;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void receivingPublishesAlarmReceivedWithTheTypesCategoryAndPriority(Scenario scenario) {
        scenario.stimulate(() -> alarms.receive(event("FALL", "1813", 11)))
                .andWaitForEventOfType(AlarmReceived.class)
                .toArriveAndVerify((event, id) -> {
                    assertThat(event.alarmId()).isEqualTo(id);
                    assertThat(event.category()).isEqualTo(AlarmCategory.ALARM);
                    assertThat(event.priority()).isEqualTo(Priority.of(1));
                });
    }

    @Test
    void dispatchingPublishesAlarmDispatchedAndTheDispatchModuleNotifiesHomeCare(Scenario scenario) {
        VardeUser operator = operator();
        AlarmId id = alarms.receive(event("BUTTON_PRESSED", "1813", 12));
        scenario.stimulate(() -> alarms.claim(operator, id))
                .andWaitForEventOfType(AlarmClaimed.class)
                .matching(e -> e.alarmId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.operator()).isEqualTo(Username.of("operator")));
        scenario.stimulate(() -> alarms.dispatch(operator, id, "Svarer ikke"))
                .andWaitForEventOfType(AlarmDispatched.class)
                .matching(e -> e.alarmId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.kommunenummer()).isEqualTo(new Kommunenummer("1813")));
        scenario.stimulate(() -> 0)
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> count("callout", id) > 0)
                .andVerify(changed -> assertThat(count("callout", id)).isEqualTo(1));
        scenario.stimulate(() -> alarms.acceptDispatch(id, Actor.homeCare("Sykepleier")))
                .andWaitForEventOfType(AlarmDispatchAccepted.class)
                .matching(e -> e.alarmId().equals(id))
                .toArrive();
    }

    @Test
    void closingPublishesAlarmClosedAndTheJournalDocumentsIt(Scenario scenario) {
        VardeUser operator = operator();
        AlarmId id = stored().talkedToAlarm("1813", 13);
        scenario.stimulate(() -> alarms.close(operator, id, Outcome.RESOLVED_BY_PHONE, "Alt vel"))
                .andWaitForEventOfType(AlarmClosed.class)
                .matching(e -> e.alarmId().equals(id))
                .toArriveAndVerify(e -> assertThat(e.outcome()).isEqualTo(Outcome.RESOLVED_BY_PHONE));
        scenario.stimulate(() -> 0)
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> count("journal_delivery", id) > 0)
                .andVerify(changed -> assertThat(count("journal_delivery", id)).isEqualTo(1));
    }

    private long count(String table, AlarmId id) {
        return jdbc.sql("select count(*) from " + table + " where alarm_id = ?")
                .param(id.value())
                .query(Long.class)
                .single();
    }

    private StoredAlarms stored() {
        return new StoredAlarms(alarms, jdbc, accounts, clock);
    }

    private VardeUser operator() {
        return accounts.findByUsername("operator").orElseThrow().toVardeUser();
    }

    private DeviceEvent event(String code, String kommune, int offset) {
        Instant now = clock.instant();
        return new DeviceEvent(
                EventSource.HTTP,
                "test:" + UUID.randomUUID(),
                new DeviceIdentity(safetyAlarmController(jdbc, kommune, offset), "1", null, null, null, null),
                null,
                null,
                code,
                null,
                null,
                null,
                null,
                null,
                now,
                now,
                Map.of());
    }
}
