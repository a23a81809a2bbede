package no.varde.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.varde.fleet.FleetDashboard;
import no.varde.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fleet dashboard as JSON: the same figures as the page {@code /fleet}. */
@RestController
@RequestMapping("/api/v1/fleet")
@Tag(name = "Fleet")
class FleetDashboardApi {

    private final FleetDashboardView view;

    FleetDashboardApi(FleetDashboardView view) {
        this.view = view;
    }

    @GetMapping("/dashboard")
    @PreAuthorize(
            "hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN', 'REGION_ANALYST', 'TECHNICIAN')")
    @Operation(
            summary =
                    "Fleet dashboard: devices by status, silent devices, low batteries, technician tasks and the share"
                            + " of technical alarms closed without a person",
            description = "Per municipality in the caller's need-to-know and their sum. Regional analysts get the"
                    + " counts of the whole region and no device lists. 403 for a municipality outside the caller's"
                    + " scope.")
    FleetDashboard.Overview dashboard(
            @Parameter(description = "Only this municipality (four digits)") @RequestParam(required = false) @Nullable
                    String kommunenummer,
            @Parameter(description = "Days of technical alarms to count, 1–366 (default 30)")
                    @RequestParam(required = false)
                    @Nullable
                    Integer days) {
        return view.overview(CurrentUser.get(), kommunenummer, days);
    }
}
