package no.varde.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmActionRefused;
import no.varde.alarm.AlarmGuidance;
import no.varde.alarm.AlarmGuidance.AlarmChecklist;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The guidance checklist beside an alarm's actions, loaded and ticked in place (htmx): a tick is a timeline
 * entry, so the page's timeline is told to refresh ({@code HX-Trigger: varde:timeline}).
 */
@Controller
@RequestMapping("/console/alarms/{id}/guidance")
@PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'SYSTEM_ADMIN', 'MUNICIPAL_ADMIN', 'HOME_CARE')")
class GuidancePanel {

    private final AlarmGuidance guidance;
    private final Alarms alarms;

    GuidancePanel(AlarmGuidance guidance, Alarms alarms) {
        this.guidance = guidance;
        this.alarms = alarms;
    }

    @GetMapping
    String panel(@PathVariable AlarmId id, Model model) {
        return render(CurrentUser.get(), id, guidance.forAlarm(CurrentUser.get(), id), model);
    }

    @PostMapping
    @PreAuthorize("hasRole('OPERATOR')")
    String tick(
            @PathVariable AlarmId id,
            @RequestParam String subject,
            @RequestParam int version,
            @RequestParam int step,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        VardeUser user = CurrentUser.get();
        try {
            List<AlarmChecklist> lists = guidance.tick(user, id, subject, version, step, locale);
            if (htmx == null) {
                return "redirect:/console/alarms/" + id; // a plain form post (no script): back to the alarm page
            }
            response.setHeader("HX-Trigger", "varde:timeline");
            return render(user, id, lists, model);
        } catch (AlarmActionRefused refused) {
            model.addAttribute("refusedCode", refused.code());
            model.addAttribute(
                    "holder", alarms.findForSystem(id).map(Alarm::claimedBy).orElse("?"));
        } catch (InvalidInputException invalid) {
            // the guidance changed under the operator (a new version) or the step is unknown: show it again
            model.addAttribute(
                    "invalid",
                    invalid.problems().stream()
                            .map(p -> p.field() + ": " + p.message())
                            .collect(Collectors.joining("; ")));
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return render(user, id, guidance.forAlarm(user, id), model);
    }

    private String render(VardeUser user, AlarmId id, List<AlarmChecklist> lists, Model model) {
        Alarm alarm = alarms.findVisible(user, id).orElseThrow();
        model.addAttribute("alarmId", id);
        model.addAttribute("checklists", lists);
        model.addAttribute(
                "canTick",
                user.role().handlesAlarms() && alarm.isOpen() && user.username().equals(alarm.claimedBy()));
        return "console/guidance :: panel";
    }
}
