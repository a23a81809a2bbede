package no.varde.alarm.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import no.varde.alarm.AlarmGuidance;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The guidance checklists per alarm type: a list, each subject's versions, and the system admin's edit form. */
@Controller
class GuidancePages {

    private final AlarmGuidance guidance;

    GuidancePages(AlarmGuidance guidance) {
        this.guidance = guidance;
    }

    /** The time zone the pages show times in (the region's). */
    @ModelAttribute("zone")
    ZoneId zone() {
        return ZoneId.of("Europe/Oslo");
    }

    @GetMapping("/guidance")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String list(Locale locale, Model model) {
        model.addAttribute("subjects", guidance.subjects());
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "alarm/guidance";
    }

    @GetMapping("/guidance/{subject}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String subject(@PathVariable String subject, Locale locale, Model model) {
        List<AlarmGuidance.Checklist> history = guidance.history(subject);
        AlarmGuidance.Subject named = guidance.subjects().stream()
                .filter(s -> s.subject().equals(subject))
                .findFirst()
                .orElseThrow();
        model.addAttribute("subject", named);
        model.addAttribute("history", history);
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        if (!model.containsAttribute("stepsNb")) {
            model.addAttribute(
                    "stepsNb",
                    history.isEmpty()
                            ? ""
                            : String.join("\n", history.getFirst().stepsNb()));
            model.addAttribute(
                    "stepsEn",
                    history.isEmpty()
                            ? ""
                            : String.join("\n", history.getFirst().stepsEn()));
        }
        return "alarm/guidance-subject";
    }

    @PostMapping("/guidance/{subject}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String revise(
            @PathVariable String subject,
            @RequestParam(defaultValue = "") String stepsNb,
            @RequestParam(defaultValue = "") String stepsEn,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            AlarmGuidance.Checklist saved =
                    guidance.revise(CurrentUser.get(), subject, lines(stepsNb), lines(stepsEn), note);
            redirect.addFlashAttribute("savedVersion", saved.version());
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute(
                    "invalid",
                    invalid.problems().stream()
                            .map(p -> p.field() + ": " + p.message())
                            .collect(Collectors.joining("; ")));
            redirect.addFlashAttribute("stepsNb", stepsNb);
            redirect.addFlashAttribute("stepsEn", stepsEn);
        }
        return "redirect:/guidance/" + subject;
    }

    /** One step per line; blank lines are dropped. */
    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
    }
}
