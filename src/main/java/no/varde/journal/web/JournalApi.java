package no.varde.journal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.journal.JournalDelivery;
import no.varde.journal.JournalDocuments;
import no.varde.journal.JournalOutbox;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The VKP document of an alarm as sent (or as it would be sent), its delivery, and failed deliveries. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Journal", description = "VKP documentation of alarms into the patient record (EPJ)")
class JournalApi {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final Alarms alarms;
    private final JournalDocuments documents;
    private final JournalOutbox outbox;
    private final Clock clock;

    JournalApi(Alarms alarms, JournalDocuments documents, JournalOutbox outbox, Clock clock) {
        this.alarms = alarms;
        this.documents = documents;
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping(value = "/alarms/{id}/fhir-document", produces = "application/fhir+json")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SYSTEM_ADMIN')")
    @Operation(summary = "The alarm's VKP document exactly as stored for delivery, or built as it would be sent")
    ResponseEntity<String> document(@PathVariable AlarmId id) {
        Alarm alarm = alarms.get(CurrentUser.get(), id);
        String json = outbox.ofAlarm(id)
                .map(JournalDelivery::document)
                .orElseGet(() -> documents.build(alarm.id(), author(alarm)).json());
        return ResponseEntity.ok().contentType(FHIR_JSON).body(json);
    }

    @GetMapping("/alarms/{id}/journal")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SYSTEM_ADMIN')")
    @Operation(summary = "Whether the alarm is documented in the EPJ, when, or why not")
    DeliveryView delivery(@PathVariable AlarmId id) {
        alarms.get(CurrentUser.get(), id);
        return outbox.ofAlarm(id)
                .map(DeliveryView::of)
                .orElseThrow(() -> new NotFoundException("journal delivery", id));
    }

    @GetMapping("/journal/failed")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Failed deliveries, newest first")
    List<DeliveryView> failed() {
        return outbox.failed(200).stream().map(DeliveryView::of).toList();
    }

    @PostMapping("/journal/deliveries/{id}/retry")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Send a failed delivery again")
    ResponseEntity<Void> retry(@PathVariable UUID id) {
        if (!outbox.retry(id, clock.instant())) {
            throw new NotFoundException("failed journal delivery", id);
        }
        return ResponseEntity.accepted().build();
    }

    private static String author(Alarm alarm) {
        return alarm.claimedBy() == null ? "system" : alarm.claimedBy();
    }

    record DeliveryView(
            UUID id,
            AlarmId alarmId,
            String status,
            java.time.@org.jspecify.annotations.Nullable Instant acceptedAt,
            @org.jspecify.annotations.Nullable String reasons,
            @org.jspecify.annotations.Nullable String lastError,
            int attempts) {

        static DeliveryView of(JournalDelivery d) {
            return new DeliveryView(
                    d.id(), d.alarmId(), d.status().name(), d.acceptedAt(), d.reasons(), d.lastError(), d.attempts());
        }
    }
}
