package no.varde.alarm.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import no.varde.alarm.AlarmGuidance;
import no.varde.alarm.AlarmGuidance.AlarmChecklist;
import no.varde.alarm.AlarmGuidance.Checklist;
import no.varde.alarm.AlarmGuidance.Subject;
import no.varde.alarm.AlarmId;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Guidance per alarm type: read by staff, versioned edits by system administrators, ticks by the holder. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Guidance", description = "Checklists per alarm type (VKP alert code) shown beside the operator's actions")
class GuidanceApi {

    private final AlarmGuidance guidance;

    GuidanceApi(AlarmGuidance guidance) {
        this.guidance = guidance;
    }

    @GetMapping("/guidance")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Every subject (VKP alert code or UNKNOWN_DEVICE) with its current checklist, if any")
    List<Subject> subjects() {
        return guidance.subjects();
    }

    @GetMapping("/guidance/{subject}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Every version of a subject's checklist, newest first")
    List<Checklist> history(@PathVariable String subject) {
        return guidance.history(subject);
    }

    @PutMapping("/guidance/{subject}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Save a new version of a subject's checklist (steps in bokmål and English, same count)")
    Checklist revise(@PathVariable String subject, @RequestBody GuidanceBody body) {
        return guidance.revise(CurrentUser.get(), subject, body.stepsNb(), body.stepsEn(), body.note());
    }

    @GetMapping("/alarms/{id}/guidance")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'HOME_CARE', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "The checklists that apply to an alarm, with the steps its timeline has ticked")
    List<AlarmChecklist> forAlarm(@PathVariable AlarmId id) {
        return guidance.forAlarm(CurrentUser.get(), id);
    }

    @PostMapping("/alarms/{id}/guidance")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Tick a step (0-based) of a checklist version; recorded on the alarm's timeline once")
    List<AlarmChecklist> tick(@PathVariable AlarmId id, @RequestBody TickBody body, Locale locale) {
        if (body.subject() == null || body.subject().isBlank()) {
            throw InvalidInputException.of("subject", "must name the checklist (VKP alert code or UNKNOWN_DEVICE)");
        }
        if (body.version() == null) {
            throw InvalidInputException.of("version", "must name the checklist version shown");
        }
        if (body.step() == null) {
            throw InvalidInputException.of("step", "must name the step (0-based)");
        }
        return guidance.tick(CurrentUser.get(), id, body.subject(), body.version(), body.step(), locale);
    }

    record GuidanceBody(
            List<String> stepsNb,
            List<String> stepsEn,
            @Nullable String note) {}

    record TickBody(
            @Nullable String subject,
            @Nullable Integer version,
            @Nullable Integer step) {}
}
