package no.varde.alarm.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmId;
import no.varde.alarm.AlarmState;
import no.varde.alarm.AlarmTypeMapping;
import no.varde.alarm.AlarmTypeMappings;
import no.varde.alarm.Alarms;
import no.varde.alarm.CallResult;
import no.varde.alarm.Outcome;
import no.varde.alarm.TimelineKind;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alarms and the operator's actions, behind the same roles, scope and audit as the console. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Alarms", description = "The alarm queue, each alarm's timeline, and the operator's actions")
class AlarmApi {

    private final Alarms alarms;
    private final AlarmTypeMappings mappings;

    AlarmApi(Alarms alarms, AlarmTypeMappings mappings) {
        this.alarms = alarms;
        this.mappings = mappings;
    }

    @GetMapping("/alarms")
    @PreAuthorize("hasAnyRole('OPERATOR', 'HOME_CARE', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Alarms you may see, open ones first by priority then age; filter by state and category")
    List<Alarm> list(
            @RequestParam(required = false) @Nullable List<AlarmState> state,
            @RequestParam(required = false) @Nullable AlarmCategory category,
            @RequestParam(defaultValue = "200") int limit) {
        // "state=" or "state= " converts to a null element: it names no state, so it filters nothing.
        List<AlarmState> named = state == null
                ? List.of()
                : state.stream().filter(java.util.Objects::nonNull).toList();
        Set<AlarmState> states =
                named.isEmpty() ? EnumSet.complementOf(EnumSet.of(AlarmState.CLOSED)) : EnumSet.copyOf(named);
        return alarms.list(CurrentUser.get(), states, category, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/alarms/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'HOME_CARE', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "One alarm with its timeline (VKP event codes on each entry)")
    Alarm get(@PathVariable AlarmId id) {
        return alarms.get(CurrentUser.get(), id);
    }

    @PostMapping("/alarms/{id}/claim")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Claim the alarm; 409 if another operator holds it")
    Alarm claim(@PathVariable AlarmId id) {
        return alarms.claim(CurrentUser.get(), id);
    }

    @PostMapping("/alarms/{id}/release")
    @PreAuthorize("hasRole('OPERATOR')")
    Alarm release(@PathVariable AlarmId id, @RequestBody(required = false) @Nullable TextBody body) {
        return alarms.release(CurrentUser.get(), id, body == null ? null : body.text());
    }

    @PostMapping("/alarms/{id}/reassign")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "Supervisor: hand an alarm another operator holds to an operator of your response centre;"
                    + " the timeline records who, to whom and why")
    Alarm reassign(@PathVariable AlarmId id, @RequestBody ReassignBody body) {
        return alarms.reassign(CurrentUser.get(), id, body.operator() == null ? "" : body.operator(), body.reason());
    }

    @PostMapping("/alarms/{id}/supervisor-release")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SYSTEM_ADMIN')")
    @Operation(summary = "Supervisor: put an alarm another operator holds back in the queue; the reason is required")
    Alarm supervisorRelease(@PathVariable AlarmId id, @RequestBody(required = false) @Nullable TextBody body) {
        return alarms.releaseAsSupervisor(CurrentUser.get(), id, body == null ? null : body.text());
    }

    @PostMapping("/alarms/{id}/calls")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Log a call and its result (VERBAL_CONTACT, NO_ANSWER, NO_VERBAL_CONTACT, BUSY, LINE_FAILED)")
    Alarm call(@PathVariable AlarmId id, @RequestBody CallBody body) {
        if (body.result() == null) {
            throw InvalidInputException.of("result", "is required: " + List.of(CallResult.values()));
        }
        return alarms.logCall(CurrentUser.get(), id, body.callee(), body.number(), body.result(), body.note());
    }

    @PostMapping("/alarms/{id}/notes")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Add a note, a cause (årsak) or a measure (tiltak)")
    Alarm note(@PathVariable AlarmId id, @RequestBody NoteBody body) {
        TimelineKind kind = body.kind() == null ? TimelineKind.NOTE : body.kind();
        return alarms.note(CurrentUser.get(), id, kind, body.text());
    }

    @PostMapping("/alarms/{id}/dispatch")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Dispatch the municipality's home-care team (utrykning)")
    Alarm dispatch(@PathVariable AlarmId id, @RequestBody(required = false) @Nullable TextBody body) {
        return alarms.dispatch(CurrentUser.get(), id, body == null ? null : body.text());
    }

    @PostMapping("/alarms/{id}/handed-to-113")
    @PreAuthorize("hasRole('OPERATOR')")
    Alarm handTo113(@PathVariable AlarmId id, @RequestBody(required = false) @Nullable TextBody body) {
        return alarms.handTo113(CurrentUser.get(), id, body == null ? null : body.text());
    }

    @PostMapping("/alarms/{id}/relatives-notified")
    @PreAuthorize("hasRole('OPERATOR')")
    Alarm relatives(@PathVariable AlarmId id, @RequestBody RelativesBody body) {
        return alarms.notifyRelatives(CurrentUser.get(), id, body.relatives(), body.note());
    }

    @PostMapping("/alarms/{id}/close")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(
            summary = "Close with an outcome; RESOLVED_BY_PHONE needs a logged call with verbal contact. While a"
                    + " call-out is active the close is refused (409, type callout-active, VARDE-ALARM-0014) unless"
                    + " confirmCalloutCancel is true: the call-out is then cancelled and the worker told by SMS")
    Alarm close(@PathVariable AlarmId id, @RequestBody CloseBody body) {
        return alarms.close(
                CurrentUser.get(),
                id,
                body.outcome(),
                body.comment(),
                Boolean.TRUE.equals(body.confirmCalloutCancel()));
    }

    @GetMapping("/alarms/bulk-close")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SYSTEM_ADMIN')")
    @Operation(summary = "How many alarms a bulk close with this code and received-before would close now")
    Map<String, Long> bulkClosePreview(
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) java.time.@Nullable Instant receivedBefore) {
        if (receivedBefore == null) {
            throw InvalidInputException.of("receivedBefore", "is required: an ISO-8601 instant");
        }
        return Map.of(
                "wouldClose", alarms.countBulkClosable(CurrentUser.get(), code == null ? "" : code, receivedBefore));
    }

    @PostMapping("/alarms/bulk-close")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "Close a flood of stale unclaimed alarms of one event code received before a time (supervisor);"
                    + " each is closed on its own timeline with the reason; alarms someone holds are left alone")
    Map<String, Integer> bulkClose(@RequestBody BulkCloseBody body) {
        if (body.receivedBefore() == null) {
            throw InvalidInputException.of("receivedBefore", "is required: an ISO-8601 instant");
        }
        int max = body.max() == null ? 1000 : body.max();
        return Map.of(
                "closed",
                alarms.closeInBulk(
                        CurrentUser.get(),
                        body.code() == null ? "" : body.code(),
                        body.receivedBefore(),
                        body.reason() == null ? "" : body.reason(),
                        max));
    }

    @GetMapping("/alarm-types")
    @Operation(summary = "The classification table: event codes, category, VKP alert code, priority, deadline")
    List<AlarmTypeMapping> types() {
        return mappings.all();
    }

    record TextBody(@Nullable String text) {}

    record CallBody(
            String callee,
            @Nullable String number,
            @Nullable CallResult result,
            @Nullable String note) {}

    record NoteBody(@Nullable TimelineKind kind, String text) {}

    record RelativesBody(String relatives, @Nullable String note) {}

    record CloseBody(
            @Nullable Outcome outcome,
            @Nullable String comment,
            @Nullable Boolean confirmCalloutCancel) {}

    record ReassignBody(@Nullable String operator, @Nullable String reason) {}

    record BulkCloseBody(
            @Nullable String code,
            java.time.@Nullable Instant receivedBefore,
            @Nullable String reason,
            @Nullable Integer max) {}
}
