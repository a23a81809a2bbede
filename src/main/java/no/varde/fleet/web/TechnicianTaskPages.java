package no.varde.fleet.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import no.varde.fleet.DeviceSwaps;
import no.varde.fleet.TaskOutcome;
import no.varde.fleet.TechnicianTask;
import no.varde.fleet.TechnicianTasks;
import no.varde.registry.AccessScopes;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceMaintenance;
import no.varde.registry.DeviceSummary;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.ConflictException;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
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
 * The technician's task pages, phone first: the list (mine, open, overdue, all active; the earliest due first, an
 * overdue banner) and one task with its device, where to go and the next step as big buttons. Municipal
 * administrators use the same pages to create, assign and cancel tasks; the device swap page is here too.
 */
@Controller
@PreAuthorize("hasAnyRole('TECHNICIAN', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
class TechnicianTaskPages {

    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private final TechnicianTasks tasks;
    private final DeviceSwaps swaps;
    private final DeviceMaintenance devices;
    private final AccessScopes scopes;
    private final Clock clock;

    TechnicianTaskPages(
            TechnicianTasks tasks, DeviceSwaps swaps, DeviceMaintenance devices, AccessScopes scopes, Clock clock) {
        this.tasks = tasks;
        this.swaps = swaps;
        this.devices = devices;
        this.scopes = scopes;
        this.clock = clock;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return ZONE;
    }

    @GetMapping("/fleet/tasks")
    String list(@RequestParam(required = false) @Nullable String view, Model model) {
        VardeUser user = CurrentUser.get();
        Instant now = clock.instant();
        TechnicianTasks.View shown = view == null || view.isBlank()
                ? (user.role() == Role.TECHNICIAN ? TechnicianTasks.View.MINE : TechnicianTasks.View.ACTIVE)
                : TechnicianTaskApi.view(view);
        List<TechnicianTask> overdue = tasks.list(user, TechnicianTasks.View.OVERDUE, now, 1000);
        model.addAttribute("view", shown.name());
        model.addAttribute(
                "views",
                user.role() == Role.TECHNICIAN
                        ? List.of("MINE", "OPEN", "OVERDUE", "ACTIVE")
                        : List.of("ACTIVE", "OPEN", "OVERDUE", "ALL"));
        model.addAttribute("tasks", tasks.list(user, shown, now, 200));
        model.addAttribute("overdueCount", overdue.size());
        model.addAttribute(
                "escalatedCount",
                overdue.stream().filter(TechnicianTask::escalated).count());
        model.addAttribute("now", now);
        model.addAttribute("admin", TechnicianTasks.isAdmin(user));
        return "fleet/tasks";
    }

    @GetMapping("/fleet/tasks/{id}")
    String show(@PathVariable long id, Model model) {
        VardeUser user = CurrentUser.get();
        TechnicianTask task = tasks.get(user, id);
        model.addAttribute("task", task);
        model.addAttribute("overdue", task.overdue(clock.instant()));
        model.addAttribute("device", tasks.device(user, task));
        model.addAttribute("visit", tasks.visit(user, task).orElse(null));
        model.addAttribute("history", tasks.history(user, id));
        model.addAttribute("outcomes", TaskOutcome.values());
        boolean admin = TechnicianTasks.isAdmin(user);
        boolean mine = user.username().equals(task.assignee());
        model.addAttribute("admin", admin);
        model.addAttribute(
                "mayTake", user.role() == Role.TECHNICIAN && task.state().name().equals("OPEN"));
        model.addAttribute("mayComplete", task.state().name().equals("ASSIGNED") && (mine || admin));
        model.addAttribute("mayCancel", admin && task.state().isActive());
        model.addAttribute("maySwap", task.state().isActive() && (admin || mine));
        model.addAttribute("technicians", admin && task.state().isActive() ? tasks.technicians(task) : List.of());
        return "fleet/task";
    }

    @PostMapping("/fleet/tasks/{id}/take")
    String take(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "fleet.task.taken", () -> tasks.assign(CurrentUser.get(), id, version, null, now()));
    }

    @PostMapping("/fleet/tasks/{id}/assign")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String assign(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String assignee,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "fleet.task.assigned",
                () -> tasks.assign(CurrentUser.get(), id, version, assignee, now()));
    }

    @PostMapping("/fleet/tasks/{id}/done")
    String done(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String newSerialNumber,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "fleet.task.done",
                () -> tasks.complete(
                        CurrentUser.get(),
                        id,
                        version,
                        new TechnicianTasks.Completion(outcome, note, null, newSerialNumber, null),
                        now()));
    }

    @PostMapping("/fleet/tasks/{id}/cancel")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String cancel(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "fleet.task.cancelled",
                () -> tasks.cancel(CurrentUser.get(), id, version, reason, now()));
    }

    @GetMapping("/fleet/tasks/new")
    String newTask(@RequestParam DeviceId device, Model model) {
        Instant due = now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return form(model, device, "", "", LocalDateTime.ofInstant(due, ZONE).toString(), List.of());
    }

    @PostMapping("/fleet/tasks")
    String create(
            @RequestParam DeviceId device,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String description,
            @RequestParam(required = false) @Nullable String due,
            Model model,
            RedirectAttributes redirect) {
        Instant dueAt = null;
        try {
            dueAt = due == null || due.isBlank()
                    ? null
                    : LocalDateTime.parse(due).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            // reported as a missing due time below
        }
        try {
            TechnicianTask task = tasks.create(
                    CurrentUser.get(),
                    new TechnicianTasks.NewTask(device.toString(), title, description, dueAt),
                    now());
            redirect.addFlashAttribute("flash", "fleet.task.created");
            return "redirect:/fleet/tasks/" + task.id();
        } catch (InvalidInputException e) {
            return form(
                    model,
                    device,
                    title == null ? "" : title,
                    description == null ? "" : description,
                    due == null ? "" : due,
                    e.problems());
        }
    }

    private String form(
            Model model, DeviceId device, String title, String description, String due, List<FieldProblem> problems) {
        model.addAttribute("device", summary(device));
        model.addAttribute("title", title);
        model.addAttribute("description", description);
        model.addAttribute("due", due);
        model.addAttribute("problems", problems);
        return "fleet/task-form";
    }

    @GetMapping("/fleet/devices/{id}/swap")
    String swapForm(@PathVariable DeviceId id, Model model) {
        model.addAttribute("device", summary(id));
        model.addAttribute("problems", List.of());
        return "fleet/swap";
    }

    @PostMapping("/fleet/devices/{id}/swap")
    String swap(
            @PathVariable DeviceId id,
            @RequestParam(required = false) @Nullable String newSerialNumber,
            @RequestParam(required = false) @Nullable String replacedStatus,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            var swapped = swaps.swap(CurrentUser.get(), id, null, newSerialNumber, replacedStatus, note);
            redirect.addFlashAttribute("flash", "fleet.swap.done");
            return CurrentUser.get().role() == Role.TECHNICIAN
                    ? "redirect:/fleet/tasks"
                    : "redirect:/devices/" + swapped.replacement();
        } catch (InvalidInputException e) {
            model.addAttribute("device", summary(id));
            model.addAttribute("problems", e.problems());
            return "fleet/swap";
        }
    }

    private DeviceSummary summary(DeviceId id) {
        return devices.summary(scopes.current(), id).orElseThrow(() -> new NotFoundException("device", id));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", done);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "problems",
                    e.problems().stream()
                            .map(p -> p.field() + ": " + p.message())
                            .toList());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("conflict", e.getMessage());
        }
        return "redirect:/fleet/tasks/" + id;
    }

    private Instant now() {
        return clock.instant();
    }
}
