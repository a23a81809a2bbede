package no.varde.fleet.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import no.varde.fleet.FleetSupervision;
import no.varde.fleet.RuleDraft;
import no.varde.fleet.RuleKind;
import no.varde.fleet.SupervisionClass;
import no.varde.fleet.SupervisionJob;
import no.varde.fleet.TechnicalRule;
import no.varde.fleet.TechnicalRules;
import no.varde.registry.DeviceType;
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
 * The technical-alarm rules page: every rule with its current version (system administrators edit each in place
 * and add new ones), each rule's versions, the reporting class per device type and whether supervision runs.
 */
@Controller
class FleetRulePages {

    private final TechnicalRules rules;
    private final FleetSupervision fleet;
    private final SupervisionJob supervision;
    private final Clock clock;

    FleetRulePages(TechnicalRules rules, FleetSupervision fleet, SupervisionJob supervision, Clock clock) {
        this.rules = rules;
        this.fleet = fleet;
        this.supervision = supervision;
        this.clock = clock;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return ZoneId.of("Europe/Oslo");
    }

    @GetMapping("/fleet/rules")
    @PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String list(Model model) {
        model.addAttribute("rules", rules.all());
        model.addAttribute("kinds", RuleKind.values());
        model.addAttribute("deviceTypes", DeviceType.values());
        model.addAttribute("classes", SupervisionClass.values());
        Map<DeviceType, SupervisionClass> classes = fleet.typeClasses();
        model.addAttribute(
                "typeClasses",
                Arrays.stream(DeviceType.values())
                        .map(type -> new TypeClass(type, classes.get(type)))
                        .toList());
        model.addAttribute("status", supervision.status(clock.instant()));
        return "fleet/rules";
    }

    /** A device type and its class (null when none is set) for the page's table. */
    record TypeClass(DeviceType type, @Nullable SupervisionClass supervisionClass) {}

    @GetMapping("/fleet/rules/{id}")
    @PreAuthorize("hasAnyRole('MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
    String versions(@PathVariable long id, Model model) {
        model.addAttribute("rule", rules.get(id));
        model.addAttribute("versions", rules.history(id));
        return "fleet/rule-versions";
    }

    @PostMapping("/fleet/rules")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(
            @RequestParam(defaultValue = "") String source,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String deviceType,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable Integer waitMinutes,
            @RequestParam(required = false) @Nullable Integer taskDueHours,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            TechnicalRule saved = rules.create(
                    CurrentUser.get(),
                    new RuleDraft(
                            source,
                            code,
                            deviceType,
                            kind,
                            waits(kind) ? waitMinutes : null,
                            RuleKind.TECHNICIAN_TASK.name().equals(kind) ? taskDueHours : null,
                            true,
                            note));
            redirect.addFlashAttribute("saved", saved.describe());
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("invalid", problems(invalid));
        }
        return "redirect:/fleet/rules";
    }

    @PostMapping("/fleet/rules/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String update(
            @PathVariable long id,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable Integer waitMinutes,
            @RequestParam(required = false) @Nullable Integer taskDueHours,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        TechnicalRule current = rules.get(id);
        try {
            TechnicalRule saved = rules.update(
                    CurrentUser.get(),
                    id,
                    version,
                    new RuleDraft(
                            current.source(),
                            current.code(),
                            current.deviceType() == null
                                    ? null
                                    : current.deviceType().name(),
                            kind,
                            waits(kind) ? waitMinutes : null,
                            RuleKind.TECHNICIAN_TASK.name().equals(kind) ? taskDueHours : null,
                            enabled,
                            note));
            redirect.addFlashAttribute("saved", saved.describe());
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("invalid", problems(invalid));
        } catch (ConflictException conflict) {
            redirect.addFlashAttribute("invalid", conflict.getMessage());
        }
        return "redirect:/fleet/rules";
    }

    @PostMapping("/fleet/device-types/{type}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String setTypeClass(
            @PathVariable DeviceType type, @RequestParam String supervisionClass, RedirectAttributes redirect) {
        boolean known =
                Arrays.stream(SupervisionClass.values()).anyMatch(c -> c.name().equals(supervisionClass));
        if (!known) {
            redirect.addFlashAttribute(
                    "invalid", "supervisionClass: must be one of " + Arrays.toString(SupervisionClass.values()));
        } else {
            fleet.setTypeClass(CurrentUser.get(), type, SupervisionClass.valueOf(supervisionClass));
            redirect.addFlashAttribute("saved", type + ": " + supervisionClass);
        }
        return "redirect:/fleet/rules";
    }

    private static boolean waits(String kind) {
        return RuleKind.WAIT_FOR_RESTORE.name().equals(kind)
                || RuleKind.RAISE_WHEN_SILENT.name().equals(kind);
    }

    private static String problems(InvalidInputException invalid) {
        return invalid.problems().stream()
                .map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; "));
    }
}
