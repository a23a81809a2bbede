package no.varde.circle.web;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import no.varde.alarm.AlarmId;
import no.varde.circle.CircleRefused;
import no.varde.circle.ConsentRecords;
import no.varde.circle.NotifyCommand;
import no.varde.circle.RelativeNotifications;
import no.varde.circle.SmsTemplateEditor;
import no.varde.circle.SmsTemplates;
import no.varde.shared.ResidentId;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The circle's panels: relatives on the alarm page (notify by SMS, delivery status), relatives' consent and contact
 * windows on the resident card, and the template page for system administrators. The panels are fragments that
 * the alarm page and the resident card load with htmx; their forms answer with the panel again.
 */
@Controller
@RequestMapping("/circle")
class CirclePages {

    static final String STAFF = "hasAnyRole('OPERATOR', 'HOME_CARE', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";

    private final RelativeNotifications notifications;
    private final ConsentRecords consents;
    private final SmsTemplates templates;
    private final SmsTemplateEditor editor;
    private final no.varde.circle.FrequentAlarms frequent;

    CirclePages(
            RelativeNotifications notifications,
            ConsentRecords consents,
            SmsTemplates templates,
            SmsTemplateEditor editor,
            no.varde.circle.FrequentAlarms frequent) {
        this.frequent = frequent;
        this.notifications = notifications;
        this.consents = consents;
        this.templates = templates;
        this.editor = editor;
    }

    @GetMapping("/alarms/{id}/relatives")
    @PreAuthorize("hasRole('OPERATOR')")
    String alarmPanel(@PathVariable AlarmId id, Model model) {
        RelativeNotifications.Panel panel = notifications.panel(CurrentUser.get(), id);
        model.addAttribute("panel", panel);
        model.addAttribute(
                "frequent",
                panel.resident() == null
                        ? null
                        : frequent.of(CurrentUser.get(), panel.resident().id()).orElse(null));
        return "circle/alarm-relatives :: panel";
    }

    @GetMapping("/alarms/{id}/relatives/messages")
    @PreAuthorize("hasRole('OPERATOR')")
    String messages(@PathVariable AlarmId id, Model model) {
        model.addAttribute("alarmId", id);
        model.addAttribute("rounds", notifications.rounds(CurrentUser.get(), id));
        return "circle/alarm-relatives :: messages";
    }

    @PostMapping("/alarms/{id}/relatives/sms")
    @PreAuthorize("hasRole('OPERATOR')")
    String notify(
            @PathVariable AlarmId id,
            @RequestParam(name = "relative", required = false) @Nullable List<Integer> relatives,
            @RequestParam(defaultValue = "") String template,
            @RequestParam(required = false) @Nullable String freeText,
            @RequestParam(defaultValue = "false") boolean askConfirmation,
            @RequestParam(required = false) @Nullable String escalateAfter,
            @RequestParam(defaultValue = "false") boolean acknowledgeWindow,
            Model model) {
        try {
            notifications.notify(
                    CurrentUser.get(),
                    id,
                    new NotifyCommand(
                            relatives == null ? List.of() : relatives,
                            template,
                            freeText,
                            askConfirmation,
                            minutes(escalateAfter),
                            acknowledgeWindow));
            model.addAttribute("done", "circle.done.sent");
        } catch (CircleRefused refused) {
            model.addAttribute("refusedCode", refused.code());
            model.addAttribute("refused", refused.getMessage());
        } catch (InvalidInputException invalid) {
            model.addAttribute("invalid", describe(invalid));
        }
        return alarmPanel(id, model);
    }

    @GetMapping("/residents/{id}/relatives")
    @PreAuthorize(STAFF)
    String residentPanel(@PathVariable ResidentId id, Model model) {
        model.addAttribute("circle", consents.circle(CurrentUser.get(), id));
        model.addAttribute("frequent", frequent.of(CurrentUser.get(), id).orElse(null));
        return "circle/resident-relatives :: panel";
    }

    @PostMapping("/residents/{id}/relatives/{priority}/consent")
    @PreAuthorize(STAFF)
    String grant(@PathVariable ResidentId id, @PathVariable int priority, Model model) {
        return change(id, model, "circle.done.consent", () -> consents.grant(CurrentUser.get(), id, priority));
    }

    @PostMapping("/residents/{id}/relatives/{priority}/consent/withdraw")
    @PreAuthorize(STAFF)
    String withdraw(@PathVariable ResidentId id, @PathVariable int priority, Model model) {
        return change(id, model, "circle.done.withdrawn", () -> consents.withdraw(CurrentUser.get(), id, priority));
    }

    @PostMapping("/residents/{id}/relatives/{priority}/window")
    @PreAuthorize(STAFF)
    String window(
            @PathVariable ResidentId id,
            @PathVariable int priority,
            @RequestParam(required = false) @Nullable String notFrom,
            @RequestParam(required = false) @Nullable String notUntil,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        return change(
                id,
                model,
                "circle.done.window",
                () -> consents.contactWindow(
                        CurrentUser.get(), id, priority, time("notFrom", notFrom), time("notUntil", notUntil), note));
    }

    @GetMapping("/frequent")
    @PreAuthorize(STAFF)
    String frequent(@RequestParam(required = false) no.varde.shared.Kommunenummer kommune, Model model) {
        model.addAttribute("flagged", frequent.list(CurrentUser.get(), kommune));
        model.addAttribute("kommune", kommune);
        return "circle/frequent";
    }

    @GetMapping("/templates")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String templates(Model model) {
        model.addAttribute("templates", templates.all());
        return "circle/templates";
    }

    @PostMapping("/templates")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String saveTemplate(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String body,
            @RequestParam(defaultValue = "false") boolean allowFreeText,
            @RequestParam(required = false) @Nullable Integer position,
            RedirectAttributes redirect) {
        try {
            editor.save(CurrentUser.get(), code.strip(), name, body, allowFreeText, position);
            redirect.addFlashAttribute("done", "circle.done.template");
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("invalid", describe(invalid));
        }
        return "redirect:/circle/templates";
    }

    private String change(ResidentId id, Model model, String doneKey, Runnable action) {
        try {
            action.run();
            model.addAttribute("done", doneKey);
        } catch (InvalidInputException invalid) {
            model.addAttribute("invalid", describe(invalid));
        }
        return residentPanel(id, model);
    }

    static @Nullable Duration minutes(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofMinutes(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("escalateAfter", "minutes as a whole number");
        }
    }

    static @Nullable LocalTime time(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of(field, "a time of day as HH:MM");
        }
    }

    private static String describe(InvalidInputException invalid) {
        return invalid.problems().stream()
                .map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; "));
    }
}
