package no.varde.fleet.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.varde.fleet.DeviceSupervision;
import no.varde.fleet.FleetSupervision;
import no.varde.fleet.RuleDraft;
import no.varde.fleet.SupervisionClass;
import no.varde.fleet.SupervisionJob;
import no.varde.fleet.SupervisionStatus;
import no.varde.fleet.TechnicalRule;
import no.varde.fleet.TechnicalRules;
import no.varde.registry.DeviceId;
import no.varde.registry.DeviceType;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Fleet supervision: reporting classes per device and device type, supervision's own state, technical-alarm rules. */
@RestController
@RequestMapping("/api/v1/fleet")
@Tag(
        name = "Fleet",
        description = "Device supervision (lost contact) and the technical-alarm rules that handle alarms without a"
                + " person")
class FleetApi {

    private final FleetSupervision fleet;
    private final TechnicalRules rules;
    private final SupervisionJob supervision;
    private final Clock clock;

    FleetApi(FleetSupervision fleet, TechnicalRules rules, SupervisionJob supervision, Clock clock) {
        this.fleet = fleet;
        this.rules = rules;
        this.supervision = supervision;
        this.clock = clock;
    }

    record ClassView(SupervisionClass name, long intervalSeconds, long graceSeconds) {}

    @GetMapping("/supervision-classes")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "The reporting-time classes (EN 50136-1 style): interval and grace before lost contact")
    List<ClassView> classes() {
        return Arrays.stream(SupervisionClass.values())
                .map(c -> new ClassView(c, c.interval().toSeconds(), c.grace().toSeconds()))
                .toList();
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Whether supervision runs: the node holding the lease and the last completed pass")
    SupervisionStatus status() {
        return supervision.status(clock.instant());
    }

    @GetMapping("/devices/{id}/supervision")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(
            summary = "A device's supervision: effective class and its source, last heard, last test, last alarm,"
                    + " when silence becomes lost contact, the open lost-contact alarm")
    DeviceSupervision device(@PathVariable DeviceId id) {
        return fleet.status(CurrentUser.get(), id);
    }

    record ClassBody(@Nullable String supervisionClass) {}

    @PutMapping("/devices/{id}/supervision")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Set the device's own class; an empty or null class returns it to its protocol's or type's")
    DeviceSupervision setDevice(@PathVariable DeviceId id, @RequestBody ClassBody body) {
        return fleet.setDeviceClass(CurrentUser.get(), id, classOrNull(body.supervisionClass()));
    }

    @GetMapping("/device-types")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "The class per device type (the fallback when neither the device nor its protocol has one)")
    Map<DeviceType, SupervisionClass> types() {
        return fleet.typeClasses();
    }

    @PutMapping("/device-types/{type}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Set a device type's class")
    Map<DeviceType, SupervisionClass> setType(@PathVariable DeviceType type, @RequestBody ClassBody body) {
        SupervisionClass supervisionClass = classOrNull(body.supervisionClass());
        if (supervisionClass == null) {
            throw InvalidInputException.of("supervisionClass", "a device type needs a class: " + choices());
        }
        return fleet.setTypeClass(CurrentUser.get(), type, supervisionClass);
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "The technical-alarm rules: per code and device type, wait-for-restore, auto-close or raise")
    List<TechnicalRule> rules() {
        return rules.all();
    }

    @GetMapping("/rules/{id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "One rule's current version")
    TechnicalRule rule(@PathVariable long id) {
        return rules.get(id);
    }

    @GetMapping("/rules/{id}/versions")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    @Operation(summary = "Every version of a rule, newest first, with who saved it and when")
    List<TechnicalRule> versions(@PathVariable long id) {
        return rules.history(id);
    }

    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Add a rule (audited; version 1)")
    TechnicalRule create(@RequestBody RuleDraft draft) {
        return rules.create(CurrentUser.get(), draft);
    }

    record RuleUpdate(
            @Nullable Integer version,
            @Nullable String source,
            @Nullable String code,
            @Nullable String deviceType,
            @Nullable String kind,
            @Nullable Integer waitMinutes,
            @Nullable Integer taskDueHours,
            @Nullable Boolean enabled,
            @Nullable String note) {}

    @PutMapping("/rules/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Save a new version of a rule (audited); `version` must be the version you read, else 409")
    TechnicalRule update(@PathVariable long id, @RequestBody RuleUpdate body) {
        if (body.version() == null) {
            throw InvalidInputException.of("version", "must be the version of the rule you changed");
        }
        return rules.update(
                CurrentUser.get(),
                id,
                body.version(),
                new RuleDraft(
                        body.source(),
                        body.code(),
                        body.deviceType(),
                        body.kind(),
                        body.waitMinutes(),
                        body.taskDueHours(),
                        body.enabled(),
                        body.note()));
    }

    private static @Nullable SupervisionClass classOrNull(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SupervisionClass.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("supervisionClass", "must be one of " + choices());
        }
    }

    private static List<String> choices() {
        return Arrays.stream(SupervisionClass.values())
                .map(c -> c.name() + " (" + Duration.ofSeconds(c.interval().toSeconds()) + ")")
                .toList();
    }
}
