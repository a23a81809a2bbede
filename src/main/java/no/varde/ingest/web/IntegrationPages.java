package no.varde.ingest.web;

import java.time.ZoneId;
import no.varde.ingest.IntegrationId;
import no.varde.ingest.Integrations;
import no.varde.ingest.RejectedInputs;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Ingest's admin pages: integration credentials of HTTP senders, and the input the receivers rejected. */
@Controller
class IntegrationPages {

    static final int REJECTED_SHOWN = 100;
    private static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private final Integrations integrations;
    private final RejectedInputs rejected;

    IntegrationPages(Integrations integrations, RejectedInputs rejected) {
        this.integrations = integrations;
        this.rejected = rejected;
    }

    /** The time zone the pages show times in (the region's). */
    @ModelAttribute("zone")
    ZoneId zone() {
        return ZONE;
    }

    @GetMapping("/integrations")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String integrations(Model model) {
        model.addAttribute("integrations", integrations.all());
        return "ingest/integrations";
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
        return "ingest/integrations";
    }

    @PostMapping("/integrations/{id}/enabled")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String setEnabled(@PathVariable IntegrationId id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        integrations.setEnabled(id, enabled);
        redirect.addFlashAttribute("changed", true);
        return "redirect:/integrations";
    }

    @GetMapping("/integrations/rejected")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String rejected(Model model) {
        model.addAttribute("rejected", rejected.latest(REJECTED_SHOWN));
        return "ingest/rejected";
    }
}
