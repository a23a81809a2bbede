package no.varde.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import no.varde.accounts.UserAccounts;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import no.varde.shared.security.VardeUser;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stored alarms in a given state for integration tests, built through the application service's real state
 * changes (receive a device event, claim as the demo operator, log a call, dispatch) in the shared test database:
 * never by writing rows, so every row, timeline entry and event is what production would have. Not a Spring bean
 * (the harness processes run with the test classes on their classpath); a test constructs it from its beans.
 */
public final class StoredAlarms {

    private final Alarms alarms;
    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final Clock clock;

    public StoredAlarms(Alarms alarms, JdbcClient jdbc, UserAccounts accounts, Clock clock) {
        this.alarms = alarms;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The demo operator, who claims and dispatches the fixtures' alarms. */
    public VardeUser operator() {
        return accounts.findByUsername("operator").orElseThrow().toVardeUser();
    }

    /** A new alarm of this code from a resident's safety alarm in the municipality (the offset-th such device). */
    public AlarmId receivedAlarm(String code, String kommunenummer, int deviceOffset) {
        Instant now = clock.instant();
        String controller = jdbc.sql("select scaip_controller_id from device where type = 'SAFETY_ALARM'"
                        + " and kommunenummer = ? and resident_id is not null"
                        + " order by scaip_controller_id offset ? limit 1")
                .params(kommunenummer, deviceOffset)
                .query(String.class)
                .single();
        return alarms.receive(new DeviceEvent(
                EventSource.HTTP,
                "test:" + UUID.randomUUID(),
                new DeviceIdentity(controller, "1", null, null, null, null),
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
                Map.of()));
    }

    /** A button press in the municipality, claimed by the demo operator (IN_PROGRESS). */
    public AlarmId claimedAlarm(String kommunenummer, int deviceOffset) {
        AlarmId id = receivedAlarm("BUTTON_PRESSED", kommunenummer, deviceOffset);
        alarms.claim(operator(), id);
        return id;
    }

    /** A claimed alarm whose resident the operator has spoken to (it may be closed as resolved by phone). */
    public AlarmId talkedToAlarm(String kommunenummer, int deviceOffset) {
        AlarmId id = claimedAlarm(kommunenummer, deviceOffset);
        alarms.logCall(operator(), id, "Tjenestemottaker", null, CallResult.VERBAL_CONTACT, null);
        return id;
    }

    /** A claimed alarm handed to the municipality's home care (DISPATCHED; the dispatch module calls out). */
    public AlarmId dispatchedAlarm(String kommunenummer, int deviceOffset) {
        AlarmId id = claimedAlarm(kommunenummer, deviceOffset);
        alarms.dispatch(operator(), id, "Svarer ikke");
        return id;
    }
}
