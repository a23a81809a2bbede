package no.varde.console.web;

import java.util.Locale;
import java.util.UUID;
import no.varde.alarm.AlarmTypeMappings;
import no.varde.ingest.Integrations;
import no.varde.ingest.RejectedInputs;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages of the alarm flow: the classification table (read-only), integration credentials, and input the
 * receivers rejected.
 */
@Controller
class AdminPages {

    static final int REJECTED_SHOWN = 100;

    private final AlarmTypeMappings mappings;
    private final Integrations integrations;
    private final RejectedInputs rejected;

    AdminPages(AlarmTypeMappings mappings, Integrations integrations, RejectedInputs rejected) {
        this.mappings = mappings;
        this.integrations = integrations;
        this.rejected = rejected;
    }

    @GetMapping("/alarm-types")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'MUNICIPAL_ADMIN')")
    String alarmTypes(Locale locale, Model model) {
        model.addAttribute("types", mappings.all());
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "console/alarm-types";
    }

    @GetMapping("/integrations")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String integrations(Model model) {
        model.addAttribute("integrations", integrations.all());
        return "console/integrations";
    }

    /**
     * Creates an integration and shows its token in this response only: no redirect, so the token is never put
     * in the session or a URL.
     */
    @PostMapping("/integrations")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(@RequestParam(defaultValue = "") String name, Model model) {
        try {
            String token = integrations.create(name, CurrentUser.get().username());
            model.addAttribute("token", token);
            model.addAttribute("createdName", name.strip());
        } catch (InvalidInputException invalid) {
            model.addAttribute("nameError", invalid.problems().getFirst().message());
            model.addAttribute("name", name);
        }
        model.addAttribute("integrations", integrations.all());
        return "console/integrations";
    }

    @PostMapping("/integrations/{id}/enabled")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        integrations.setEnabled(id, enabled);
        redirect.addFlashAttribute("changed", true);
        return "redirect:/integrations";
    }

    @GetMapping("/integrations/rejected")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String rejected(Model model) {
        model.addAttribute("rejected", rejected.latest(REJECTED_SHOWN));
        return "console/rejected";
    }
}
