package no.varde.fleet.web;

import java.time.ZoneId;
import no.varde.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The fleet dashboard page: one municipality or all in the user's view, with the silent and low-battery devices. */
@Controller
class FleetDashboardPages {

    private final FleetDashboardView view;

    FleetDashboardPages(FleetDashboardView view) {
        this.view = view;
    }

    @GetMapping("/fleet")
    @PreAuthorize(
            "hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN', 'REGION_ANALYST', 'TECHNICIAN')")
    String dashboard(
            @RequestParam(required = false) @Nullable String kommunenummer,
            @RequestParam(required = false) @Nullable Integer days,
            Model model) {
        model.addAttribute("overview", view.overview(CurrentUser.get(), kommunenummer, days));
        model.addAttribute("selected", kommunenummer == null ? "" : kommunenummer.strip());
        model.addAttribute("days", days == null ? FleetDashboardView.DEFAULT_DAYS : days);
        model.addAttribute("zone", ZoneId.of("Europe/Oslo"));
        return "fleet/dashboard";
    }
}
