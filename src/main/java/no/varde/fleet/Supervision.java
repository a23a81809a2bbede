package no.varde.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.DeviceEvent;
import no.varde.alarm.Outcome;
import no.varde.shared.EventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One supervision pass over the fleet: a device silent past its class's interval plus grace gets ONE lost-contact
 * technical alarm (source FLEET), and a device that has reported since gets it closed by the rule
 * {@value #RESTORED_RULE}. Each device is its own transaction, so one failure never stops the pass. Passes run on
 * the node holding the supervision lease ({@link SupervisionJob}); tests call {@link #check(Instant)} directly.
 */
@Service
public class Supervision {

    /** The rule (system actor) that raises lost contact. */
    public static final String SILENCE_RULE = "fleet:lost-contact";

    /** The rule (system actor) that closes lost contact when the device reports again. */
    public static final String RESTORED_RULE = "fleet:lost-contact-restored";

    static final int CHUNK = 500;

    private static final Logger log = LoggerFactory.getLogger(Supervision.class);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss").withZone(ZoneId.of("Europe/Oslo"));

    /** What a pass did. */
    public record Pass(int supervised, int raised, int cleared, int waitsExpired, long millis) {}

    private final DeviceSupervisions supervisions;
    private final TechnicalAlarmHandling rules;
    private final Incidents incidents;
    private final Protection protection;
    private final Alarms alarms;
    private final FleetProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Supervision(
            DeviceSupervisions supervisions,
            TechnicalAlarmHandling rules,
            Incidents incidents,
            Protection protection,
            Alarms alarms,
            FleetProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.supervisions = supervisions;
        this.rules = rules;
        this.incidents = incidents;
        this.protection = protection;
        this.alarms = alarms;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Checks every supervised device as of {@code now}: raises lost contact, clears it, ends expired waits. */
    public Pass check(Instant now) {
        long started = System.nanoTime();
        int supervised = supervisions.supervised(properties);
        int cleared = clearResumed();
        incidents.sweep(now); // before raising: members of a storm raise nothing of their own
        int raised = raiseSilent(now);
        int waits = rules.endExpiredWaits(now);
        return new Pass(
                supervised,
                raised,
                cleared,
                waits,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private int raiseSilent(Instant now) {
        int raised = 0;
        List<DeviceSupervisions.Silent> silent;
        java.util.Set<Object> tried = new java.util.HashSet<>();
        do {
            silent = supervisions.silent(now, properties, CHUNK).stream()
                    .filter(device -> tried.add(device.id()))
                    .toList();
            for (DeviceSupervisions.Silent device : silent) {
                try {
                    Boolean done = transactions.execute(status -> raise(device, now));
                    raised += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.error("VARDE-FLEET-0100: lost contact of device {} could not be raised", device.id(), e);
                }
            }
        } while (!silent.isEmpty());
        return raised;
    }

    private boolean raise(DeviceSupervisions.Silent candidate, Instant now) {
        Optional<DeviceSupervisions.Silent> locked = supervisions.lockIfSilent(candidate.id(), now, properties);
        if (locked.isEmpty()) {
            return false;
        }
        DeviceSupervisions.Silent device = locked.get();
        SupervisionClass supervisionClass = device.supervisionClass();
        Instant overdueAt = device.lastHeard().plus(supervisionClass.silenceAllowed());
        String text = "Ingen melding fra enheten siden " + TIME.format(device.lastHeard()) + " (forventet innen "
                + human(supervisionClass.interval()) + ", klasse " + supervisionClass.name() + ")";
        AlarmId alarm = alarms.receive(new DeviceEvent(
                EventSource.FLEET,
                SILENCE_RULE + ":" + device.id() + ":" + device.lastHeard(),
                device.identity(),
                null,
                null,
                "LOST_CONTACT",
                text,
                null,
                null,
                null,
                null,
                overdueAt,
                clock.instant(),
                Map.of(
                        "rule", SILENCE_RULE,
                        "supervisionClass", supervisionClass.name(),
                        "lastHeardAt", device.lastHeard().toString(),
                        "deviceId", device.id().toString())));
        supervisions.markLostContact(device.id(), alarm, device.lastHeard());
        alarms.recordDeviceNote(
                alarm,
                "system:" + SILENCE_RULE,
                "Reist av tilsynet: stille lenger enn intervall + margin (" + human(supervisionClass.interval()) + " + "
                        + human(supervisionClass.grace()) + ")",
                Map.of("rule", SILENCE_RULE, "decision", "RAISED", "supervisionClass", supervisionClass.name()));
        log.warn(
                "VARDE-FLEET-0101: device {} silent since {}: lost contact raised as alarm {}",
                device.id(),
                device.lastHeard(),
                alarm);
        protection.lostContactRaised(device, alarm, now);
        return true;
    }

    private int clearResumed() {
        int cleared = 0;
        List<DeviceSupervisions.Resumed> resumed;
        java.util.Set<Object> tried = new java.util.HashSet<>();
        do {
            resumed = supervisions.resumed(CHUNK).stream()
                    .filter(device -> tried.add(device.id()))
                    .toList();
            for (DeviceSupervisions.Resumed device : resumed) {
                try {
                    Boolean done = transactions.execute(status -> clear(device));
                    cleared += Boolean.TRUE.equals(done) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.error("VARDE-FLEET-0102: lost contact of device {} could not be cleared", device.id(), e);
                }
            }
        } while (!resumed.isEmpty());
        return cleared;
    }

    private boolean clear(DeviceSupervisions.Resumed device) {
        if (!supervisions.clearLostContact(device.id(), device.lostContactAlarm())) {
            return false;
        }
        // an operator may have closed it meanwhile; then only the marker goes, so the next silence raises anew
        Optional<Alarm> alarm = alarms.findHeaderForSystem(device.lostContactAlarm());
        if (alarm.isPresent() && alarm.get().isOpen()) {
            alarms.closeByRule(
                    device.lostContactAlarm(),
                    RESTORED_RULE,
                    Outcome.TECHNICAL_HANDLED,
                    "Enheten meldte seg igjen " + TIME.format(device.heardAgain()) + "; lukket av regelen "
                            + RESTORED_RULE);
        }
        return true;
    }

    static String human(Duration duration) {
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return duration.toHours() + " t";
        }
        if (duration.toMinutes() > 0 && duration.toSecondsPart() == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() + " s";
    }
}
