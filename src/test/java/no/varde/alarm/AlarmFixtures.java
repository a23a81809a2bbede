package no.varde.alarm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.varde.registry.DeviceId;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;

/**
 * Alarms in each state of the lifecycle for unit tests, built through the aggregate's own transitions (receive,
 * claim, dispatch, call and close), never by setting fields: a fixture cannot be in a state the rules do not
 * allow. {@link StoredAlarms} does the same through the application service and the database.
 */
public final class AlarmFixtures {

    private AlarmFixtures() {}

    public static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");
    public static final Actor OLA = new Actor("ola", "OPERATOR", null);
    public static final Actor KARI = new Actor("kari", "OPERATOR", null);
    public static final Actor WORKER = Actor.homeCare("Sykepleier Berg");
    public static final Actor SUPERVISOR = new Actor("vaktleder", "SYSTEM_ADMIN", null);
    public static final Duration ACCEPT = Duration.ofMinutes(10);

    public static Alarm receivedAlarm() {
        return received("BUTTON_PRESSED", AlarmCategory.ALARM, 2, true, true, null)
                .alarm();
    }

    public static Alarm claimedAlarm() {
        return receivedAlarm().claim(OLA, T0.plusSeconds(10)).alarm();
    }

    public static Alarm dispatchedAlarm() {
        return claimedAlarm().dispatch(OLA, null, ACCEPT, T0.plusSeconds(30)).alarm();
    }

    public static Alarm closedByPhone() {
        Alarm held = claimedAlarm();
        Alarm talked = withEntry(held, held.logCall(OLA, "x", null, CallResult.VERBAL_CONTACT, null, T0));
        return talked.close(OLA, Outcome.RESOLVED_BY_PHONE, null, T0).alarm();
    }

    /** The alarm after a transition with its entries on the timeline, as the repository would read it back. */
    public static Alarm withEntry(Alarm before, Transition transition) {
        List<TimelineEntry> timeline = new ArrayList<>(before.timeline());
        for (Transition.Entry e : transition.entries()) {
            timeline.add(new TimelineEntry(
                    timeline.size() + 1,
                    e.at(),
                    e.kind(),
                    e.kind().vkpEvent(),
                    e.actor(),
                    e.actorRole(),
                    e.text(),
                    e.detail()));
        }
        Alarm a = transition.alarm();
        return new Alarm(
                a.id(),
                a.category(),
                a.source(),
                a.sourceCode(),
                a.vkpAlertCode(),
                a.title(),
                a.priority(),
                a.state(),
                a.kommunenummer(),
                a.residentId(),
                a.deviceId(),
                a.deviceLabel(),
                a.flags(),
                a.repeatOf(),
                a.occurredAt(),
                a.receivedAt(),
                a.claimDeadline(),
                a.claimedBy(),
                a.claimedAt(),
                a.escalationLevel(),
                a.dispatchDeadline(),
                a.outcome(),
                a.closedAt(),
                a.version(),
                timeline);
    }

    public static Transition received(
            String code,
            AlarmCategory category,
            int priority,
            boolean knownCode,
            boolean knownDevice,
            AlarmId repeatOf) {
        return Alarm.receive(
                AlarmId.random(),
                type(code, category, priority, knownCode),
                knownDevice
                        ? new Alarm.Origin(
                                new Kommunenummer("1813"),
                                new ResidentId(UUID.randomUUID()),
                                new DeviceId(UUID.randomUUID()),
                                "Trygghetsalarm",
                                true)
                        : new Alarm.Origin(null, null, null, "IMEI 990000000000001", false),
                repeatOf,
                Duration.ofMinutes(30),
                new TimelineDetail.DeviceReport(Map.of("location", "stue")),
                T0,
                T0);
    }

    public static Alarm.Classification type(String code, AlarmCategory category, int priority, boolean known) {
        return new Alarm.Classification(
                category, "HTTP", code, "3", code, Priority.of(priority), Duration.ofSeconds(60), known);
    }
}
