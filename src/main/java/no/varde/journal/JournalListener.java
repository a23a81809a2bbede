package no.varde.journal;

import java.time.Clock;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmEvents.AlarmClosed;
import no.varde.alarm.Alarms;
import no.varde.shared.Kommunenummer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Documents a closed alarm: builds and validates its document and puts it in the outbox, PENDING for an enabled
 * municipality, SKIPPED_DISABLED otherwise, HELD with the reasons when it is not valid. Runs after the close
 * commits; the event publication registry redelivers it if it fails, and a redelivery finds its row.
 */
@Component
class JournalListener {

    private static final Logger log = LoggerFactory.getLogger(JournalListener.class);

    private final Alarms alarms;
    private final JournalDocuments documents;
    private final JournalEndpoints endpoints;
    private final JournalOutbox outbox;
    private final Clock clock;

    JournalListener(
            Alarms alarms, JournalDocuments documents, JournalEndpoints endpoints, JournalOutbox outbox, Clock clock) {
        this.alarms = alarms;
        this.documents = documents;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AlarmClosed event) {
        Alarm alarm = alarms.findForSystem(event.alarmId()).orElseThrow();
        if (!JournalDocuments.documented(alarm) || outbox.ofAlarm(alarm.id()).isPresent()) {
            return;
        }
        JournalDocuments.Document document = documents.build(alarm, event.by());
        Kommunenummer kommune = alarm.kommunenummer();
        DeliveryStatus status;
        String reasons = null;
        if (!document.sendable()) {
            status = DeliveryStatus.HELD;
            reasons = String.join("\n", document.problems());
            log.warn("VARDE-JOURNAL-0002: document of alarm {} held: {}", alarm.id(), reasons);
        } else if (kommune == null
                || endpoints.find(kommune).filter(JournalEndpoint::enabled).isEmpty()) {
            status = DeliveryStatus.SKIPPED_DISABLED;
            reasons = "VARDE-JOURNAL-0003: documentation through VKP is switched off for municipality " + kommune;
        } else {
            status = DeliveryStatus.PENDING;
        }
        outbox.insert(
                alarm.id(),
                kommune == null ? null : kommune.value(),
                status,
                document.json(),
                reasons,
                clock.instant());
    }
}
