package no.varde.fleet.web;

import java.time.ZoneId;
import no.varde.fleet.FleetIncidents;
import no.varde.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The incident pages: every incident in the user's municipalities, and one incident with its devices and residents. */
@Controller
class FleetIncidentPages {

    private final FleetIncidents incidents;

    FleetIncidentPages(FleetIncidents incidents) {
        this.incidents = incidents;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return ZoneId.of("Europe/Oslo");
    }

    @GetMapping("/fleet/incidents")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String list(Model model) {
        model.addAttribute("incidents", incidents.list(CurrentUser.get(), false, 100));
        return "fleet/incidents";
    }

    @GetMapping("/fleet/incidents/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("details", incidents.get(CurrentUser.get(), id));
        model.addAttribute("shownMax", FleetIncidents.DEVICES_SHOWN);
        return "fleet/incident";
    }
}
