package no.varde.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import no.varde.fleet.MaintenanceWindow;
import no.varde.fleet.MaintenanceWindowDraft;
import no.varde.fleet.MaintenanceWindows;
import no.varde.shared.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Maintenance windows: planned silence for a set of devices, which can never hide an alarm that needs a person. */
@RestController
@RequestMapping("/api/v1/fleet/maintenance-windows")
@Tag(
        name = "Fleet",
        description = "Device supervision (lost contact) and the technical-alarm rules that handle alarms without a"
                + " person")
class MaintenanceWindowApi {

    private final MaintenanceWindows windows;
    private final Clock clock;

    MaintenanceWindowApi(MaintenanceWindows windows, Clock clock) {
        this.windows = windows;
        this.clock = clock;
    }

    /** A window and where it stands now ({@code PLANNED}, {@code ACTIVE}, {@code PAST}). */
    record WindowView(MaintenanceWindow window, MaintenanceWindow.State state, Instant effectiveEnd) {
        static WindowView of(MaintenanceWindow window, Instant now) {
            return new WindowView(window, window.stateAt(now), window.effectiveEnd());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "Maintenance windows in your municipalities and the region-wide ones, the latest start first"
                    + " (at most 500), each with its state now")
    List<WindowView> list() {
        Instant now = clock.instant();
        return windows.visibleTo(CurrentUser.get()).stream()
                .map(window -> WindowView.of(window, now))
                .toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "One maintenance window")
    WindowView get(@PathVariable long id) {
        return WindowView.of(windows.get(CurrentUser.get(), id), clock.instant());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "Plan a maintenance window (audited): every selector given must match (kommunenummer, vendor,"
                    + " deviceType, deviceIds); startsAt and endsAt (ISO-8601, at most 31 days, ending in the"
                    + " future) and a reason. Technical alarms of those devices in the window are closed by the"
                    + " window's rule and lost contact is not raised; alarms that need a person reach the operator as"
                    + " always. A municipal administrator plans for their own municipalities only.")
    WindowView create(@RequestBody MaintenanceWindowDraft draft) {
        return WindowView.of(windows.create(CurrentUser.get(), draft), clock.instant());
    }

    @PostMapping("/{id}/end")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "End a current window now, or cancel a planned one (audited); a window that is over: 409."
                    + " After the window the devices' silence is evaluated afresh from its end")
    WindowView end(@PathVariable long id) {
        return WindowView.of(windows.end(CurrentUser.get(), id), clock.instant());
    }
}
