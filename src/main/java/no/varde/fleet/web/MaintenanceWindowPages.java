package no.varde.fleet.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import no.varde.fleet.MaintenanceWindow;
import no.varde.fleet.MaintenanceWindowDraft;
import no.varde.fleet.MaintenanceWindows;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceType;
import no.varde.registry.Municipalities;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.ConflictException;
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

/**
 * The maintenance page: current, planned and past windows (municipal administrators see their municipalities' and
 * the region-wide ones), a form for a new window (times in Norwegian local time) and "end now" for current and
 * planned windows.
 */
@Controller
class MaintenanceWindowPages {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private final MaintenanceWindows windows;
    private final Municipalities municipalities;
    private final AccessScopes scopes;
    private final Clock clock;

    MaintenanceWindowPages(
            MaintenanceWindows windows, Municipalities municipalities, AccessScopes scopes, Clock clock) {
        this.windows = windows;
        this.municipalities = municipalities;
        this.scopes = scopes;
        this.clock = clock;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return OSLO;
    }

    /** A window with its state now, for the page's three tables. */
    record Row(MaintenanceWindow window, MaintenanceWindow.State state) {}

    @GetMapping("/fleet/maintenance")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String list(Model model) {
        Instant now = clock.instant();
        List<Row> rows = windows.visibleTo(CurrentUser.get()).stream()
                .map(window -> new Row(window, window.stateAt(now)))
                .toList();
        model.addAttribute("current", only(rows, MaintenanceWindow.State.ACTIVE));
        model.addAttribute("planned", only(rows, MaintenanceWindow.State.PLANNED));
        model.addAttribute("past", only(rows, MaintenanceWindow.State.PAST));
        model.addAttribute("municipalities", municipalities.visibleIn(scopes.forUser(CurrentUser.get())));
        model.addAttribute("deviceTypes", DeviceType.values());
        return "fleet/maintenance";
    }

    @PostMapping("/fleet/maintenance")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String create(
            @RequestParam(defaultValue = "") String kommunenummer,
            @RequestParam(defaultValue = "") String vendor,
            @RequestParam(defaultValue = "") String deviceType,
            @RequestParam(defaultValue = "") String deviceIds,
            @RequestParam(defaultValue = "") String startsAt,
            @RequestParam(defaultValue = "") String endsAt,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            List<String> ids = Arrays.stream(deviceIds.split("[\\s,;]+"))
                    .filter(id -> !id.isBlank())
                    .toList();
            MaintenanceWindow saved = windows.create(
                    CurrentUser.get(),
                    new MaintenanceWindowDraft(
                            kommunenummer,
                            vendor,
                            deviceType,
                            ids.isEmpty() ? null : ids,
                            local("startsAt", startsAt),
                            local("endsAt", endsAt),
                            reason));
            redirect.addFlashAttribute("saved", "#" + saved.id());
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("invalid", problems(invalid));
        }
        return "redirect:/fleet/maintenance";
    }

    @PostMapping("/fleet/maintenance/{id}/end")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String end(@PathVariable long id, RedirectAttributes redirect) {
        try {
            windows.end(CurrentUser.get(), id);
            redirect.addFlashAttribute("ended", "#" + id);
        } catch (ConflictException conflict) {
            redirect.addFlashAttribute("invalid", conflict.getMessage());
        }
        return "redirect:/fleet/maintenance";
    }

    /** A form's local date and time (datetime-local, Norwegian time); empty: none. */
    private static @Nullable Instant local(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(OSLO).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be a date and time (yyyy-MM-ddTHH:mm)");
        }
    }

    private static List<Row> only(List<Row> rows, MaintenanceWindow.State state) {
        return rows.stream().filter(row -> row.state() == state).toList();
    }

    private static String problems(InvalidInputException invalid) {
        return invalid.problems().stream()
                .map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; "));
    }
}
