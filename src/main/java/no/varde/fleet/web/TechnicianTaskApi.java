package no.varde.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import no.varde.fleet.DeviceSwaps;
import no.varde.fleet.TaskEvent;
import no.varde.fleet.TechnicianTask;
import no.varde.fleet.TechnicianTasks;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceSummary;
import no.varde.registry.DeviceSwapped;
import no.varde.registry.DeviceVisit;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Technician tasks (work orders): list, read, create, take or assign, mark done, cancel; and the device swap. Every
 * change names the task's {@code version}; a stale version or a change the task's state does not allow is a 409.
 */
@RestController
@RequestMapping("/api/v1/fleet")
@Tag(name = "Fleet")
class TechnicianTaskApi {

    private static final String READERS = "hasAnyRole('OPERATOR', 'TECHNICIAN', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";
    private static final String WORKERS = "hasAnyRole('TECHNICIAN', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')";

    private final TechnicianTasks tasks;
    private final DeviceSwaps swaps;
    private final Clock clock;

    TechnicianTaskApi(TechnicianTasks tasks, DeviceSwaps swaps, Clock clock) {
        this.tasks = tasks;
        this.swaps = swaps;
        this.clock = clock;
    }

    @GetMapping("/tasks")
    @PreAuthorize(READERS)
    @Operation(
            summary = "Technician tasks in your municipalities: view ACTIVE (default), MINE, OPEN, OVERDUE or ALL;"
                    + " the earliest due first")
    List<TechnicianTask> list(
            @RequestParam(defaultValue = "ACTIVE") String view, @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw InvalidInputException.of("limit", "must be 1 to 1000");
        }
        return tasks.list(CurrentUser.get(), view(view), clock.instant(), limit);
    }

    /** A task with its device, its history, and for the technician who has it the visit (audited). */
    record TaskDetail(
            TechnicianTask task,
            boolean overdue,
            DeviceSummary device,
            @Nullable DeviceVisit visit,
            List<TaskEvent> history) {}

    @GetMapping("/tasks/{id}")
    @PreAuthorize(READERS)
    @Operation(
            summary = "One task: its device (no resident), its history, and the resident's name, address and entry"
                    + " only for the technician who has the task or an administrator (audited as a read)")
    TaskDetail get(@PathVariable long id) {
        VardeUser user = CurrentUser.get();
        TechnicianTask task = tasks.get(user, id);
        return new TaskDetail(
                task,
                task.overdue(clock.instant()),
                tasks.device(user, task),
                tasks.visit(user, task).orElse(null),
                tasks.history(user, id));
    }

    record NewTaskBody(
            @Nullable String deviceId,
            @Nullable String title,
            @Nullable String description,
            @Nullable String dueAt) {}

    @PostMapping("/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(WORKERS)
    @Operation(summary = "Create a task for a device of your municipalities (title, ISO-8601 due time, description)")
    TechnicianTask create(@RequestBody NewTaskBody body) {
        return tasks.create(
                CurrentUser.get(),
                new TechnicianTasks.NewTask(body.deviceId(), body.title(), body.description(), instant(body.dueAt())),
                clock.instant());
    }

    record AssignBody(@Nullable Integer version, @Nullable String assignee) {}

    @PostMapping("/tasks/{id}/assign")
    @PreAuthorize(WORKERS)
    @Operation(
            summary = "Take the task (a technician; assignee empty) or assign it to a technician of its municipality"
                    + " (an administrator)")
    TechnicianTask assign(@PathVariable long id, @RequestBody AssignBody body) {
        return tasks.assign(CurrentUser.get(), id, version(body.version()), body.assignee(), clock.instant());
    }

    record CompleteBody(
            @Nullable Integer version,
            @Nullable String outcome,
            @Nullable String note,
            @Nullable String newDeviceId,
            @Nullable String newSerialNumber,
            @Nullable String replacedStatus) {}

    @PostMapping("/tasks/{id}/complete")
    @PreAuthorize(WORKERS)
    @Operation(
            summary = "Mark the task done: outcome (BATTERY_CHANGED, DEVICE_SWAPPED, REPAIRED, NO_FAULT_FOUND, OTHER)"
                    + " and a note; DEVICE_SWAPPED names the new device (newSerialNumber or newDeviceId) and swaps it")
    TechnicianTask complete(@PathVariable long id, @RequestBody CompleteBody body) {
        return tasks.complete(
                CurrentUser.get(),
                id,
                version(body.version()),
                new TechnicianTasks.Completion(
                        body.outcome(), body.note(), body.newDeviceId(), body.newSerialNumber(), body.replacedStatus()),
                clock.instant());
    }

    record CancelBody(@Nullable Integer version, @Nullable String reason) {}

    @PostMapping("/tasks/{id}/cancel")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Cancel an open or assigned task with a reason")
    TechnicianTask cancel(@PathVariable long id, @RequestBody CancelBody body) {
        return tasks.cancel(CurrentUser.get(), id, version(body.version()), body.reason(), clock.instant());
    }

    record SwapBody(
            @Nullable String newDeviceId,
            @Nullable String newSerialNumber,
            @Nullable String replacedStatus,
            @Nullable String note) {}

    @PostMapping("/devices/{id}/swap")
    @PreAuthorize(WORKERS)
    @Operation(
            summary = "Replace a device: the new one (in stock, same municipality and type) takes over its resident,"
                    + " placement and supervision class; the old one leaves service (SERVICE or RETIRED)")
    DeviceSwapped swap(@PathVariable DeviceId id, @RequestBody SwapBody body) {
        return swaps.swap(
                CurrentUser.get(), id, body.newDeviceId(), body.newSerialNumber(), body.replacedStatus(), body.note());
    }

    static TechnicianTasks.View view(String value) {
        try {
            return TechnicianTasks.View.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("view", "must be one of " + List.of(TechnicianTasks.View.values()));
        }
    }

    private static int version(@Nullable Integer version) {
        if (version == null) {
            throw InvalidInputException.of("version", "must be the version of the task you read");
        }
        return version;
    }

    private static @Nullable Instant instant(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException again) {
                throw InvalidInputException.of("dueAt", "must be an ISO-8601 time, e.g. 2026-12-05T12:00:00Z");
            }
        }
    }
}
