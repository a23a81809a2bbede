package no.varde.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import no.varde.fleet.FleetIncidents;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Storms and correlated outages grouped into incidents, within the user's municipalities. */
@RestController
@RequestMapping("/api/v1/fleet/incidents")
@Tag(name = "Fleet")
class FleetIncidentApi {

    private final FleetIncidents incidents;

    FleetIncidentApi(FleetIncidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "Incidents with devices in the user's municipalities (open first), counted within them: devices,"
                    + " still affected, residents left without a working device")
    List<FleetIncidents.Incident> list(
            @Parameter(description = "only incidents that have not ended") @RequestParam(defaultValue = "false")
                    boolean open,
            @Parameter(description = "1 to 500") @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw InvalidInputException.of("limit", "must be 1 to 500");
        }
        return incidents.list(CurrentUser.get(), open, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "One incident within the user's municipalities: its devices (at most 1,000 listed), the residents"
                    + " left without a working device (names; audited) and when each municipality was told")
    FleetIncidents.Details get(@PathVariable long id) {
        if (id < 1) {
            throw InvalidInputException.of("id", "must be a positive incident number");
        }
        return incidents.get(CurrentUser.get(), id);
    }
}
