package no.varde.journal.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.audit.AuditLog;
import no.varde.journal.JournalDelivery;
import no.varde.journal.JournalDocuments;
import no.varde.journal.JournalOutbox;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What operators and admins see of the EPJ documentation: per alarm "documented in EPJ at …" or why not (a
 * fragment the console's alarm page loads), and for admins the failed and held deliveries with a retry.
 */
@Controller
@RequestMapping("/journal")
class JournalPages {

    private final JournalOutbox outbox;
    private final Alarms alarms;
    private final Clock clock;
    private final AuditLog audit;

    JournalPages(JournalOutbox outbox, Alarms alarms, Clock clock, AuditLog audit) {
        this.outbox = outbox;
        this.alarms = alarms;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The documentation status of one alarm, a fragment the alarm page loads and loads again on every re-render.
     * Audited by the audit rule (one READ per user, resident and 10 minutes), not once per load: the user opened
     * the alarm, which was audited then; a status poll is not a new look at the resident.
     */
    @GetMapping("/alarms/{id}/status")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SYSTEM_ADMIN')")
    @Transactional
    String status(@PathVariable String id, Model model) {
        AlarmId alarmId = AlarmId.of(id);
        // the same scope as the alarm itself: an alarm the user may not see answers 404
        Alarm alarm = alarms.findVisible(CurrentUser.get(), alarmId)
                .orElseThrow(() -> new NotFoundException("alarm", alarmId));
        if (alarm.residentId() != null && alarm.kommunenummer() != null) {
            audit.residentsShown(
                    Map.of(alarm.residentId().value(), alarm.kommunenummer()),
                    "alarm " + alarmId + ": EPJ documentation status");
        }
        Optional<JournalDelivery> delivery = outbox.ofAlarm(alarmId);
        model.addAttribute("delivery", delivery.orElse(null));
        model.addAttribute("documented", JournalDocuments.documented(alarm));
        model.addAttribute("open", alarm.isOpen());
        return "journal/status :: status";
    }

    @GetMapping("/failed")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String failed(Model model) {
        List<JournalDelivery> rows = new java.util.ArrayList<>(outbox.failed(200));
        rows.addAll(outbox.held(200));
        model.addAttribute("rows", rows);
        return "journal/failed";
    }

    @PostMapping("/deliveries/{id}/retry")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String retry(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("retried", outbox.retry(id, clock.instant()));
        return "redirect:/journal/failed";
    }
}
