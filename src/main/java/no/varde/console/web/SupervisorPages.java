package no.varde.console.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmActionRefused;
import no.varde.alarm.AlarmId;
import no.varde.alarm.AlarmState;
import no.varde.alarm.AlarmTypeMapping;
import no.varde.alarm.AlarmTypeMappings;
import no.varde.alarm.Alarms;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.StaffDirectory;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisor's desk (issue 11): the alarms operators hold, each with "give to another operator" and "back to
 * the queue" (both saying why, recorded on the alarm's timeline), and the bulk close of a stale flood: choose the
 * event code and "received before", see how many would be closed, then close them.
 */
@Controller
@RequestMapping("/supervisor")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'SYSTEM_ADMIN')")
class SupervisorPages {

    static final int HELD_LISTED = 200;

    private final Alarms alarms;
    private final AlarmTypeMappings mappings;
    private final StaffDirectory staff;
    private final AlarmTitles titles;
    private final Clock clock;

    SupervisorPages(Alarms alarms, AlarmTypeMappings mappings, StaffDirectory staff, AlarmTitles titles, Clock clock) {
        this.alarms = alarms;
        this.mappings = mappings;
        this.staff = staff;
        this.titles = titles;
        this.clock = clock;
    }

    @GetMapping
    String desk(
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(required = false) @Nullable String receivedBefore,
            Model model) {
        VardeUser me = CurrentUser.get();
        List<Alarm> held = alarms.list(
                me,
                EnumSet.of(AlarmState.IN_PROGRESS, AlarmState.DISPATCHED, AlarmState.DISPATCH_ACCEPTED),
                null,
                HELD_LISTED);
        List<VardeUser> operators =
                me.responseCentreId() == null ? List.of() : staff.alarmHandlers(me.responseCentreId());
        Map<String, String> names = staff.displayNames(held.stream()
                .map(Alarm::claimedBy)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        model.addAttribute("held", held);
        model.addAttribute(
                "titles", held.stream().collect(Collectors.toMap(a -> a.id().toString(), titles::of, (a, b) -> a)));
        model.addAttribute("names", names);
        model.addAttribute("operators", operators);
        model.addAttribute(
                "codes",
                mappings.all().stream()
                        .map(AlarmTypeMapping::code)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("serverNow", clock.millis());
        if (code != null && receivedBefore != null && !code.isBlank()) {
            Instant before = instant(receivedBefore);
            model.addAttribute("code", code.strip());
            model.addAttribute("receivedBefore", receivedBefore);
            model.addAttribute("wouldClose", alarms.countBulkClosable(me, code, before));
        }
        return "console/supervisor";
    }

    @PostMapping("/alarms/{id}/reassign")
    String reassign(
            @PathVariable AlarmId id,
            @RequestParam(defaultValue = "") String operator,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return act(redirect, "supervisor.done.reassigned", user -> alarms.reassign(user, id, operator, reason));
    }

    @PostMapping("/alarms/{id}/release")
    String release(
            @PathVariable AlarmId id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return act(redirect, "supervisor.done.released", user -> alarms.releaseAsSupervisor(user, id, reason));
    }

    @PostMapping("/bulk-close")
    String bulkClose(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String receivedBefore,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        try {
            int closed =
                    alarms.closeInBulk(CurrentUser.get(), code, instant(receivedBefore), reason, Alarms.BULK_CLOSE_MAX);
            redirect.addFlashAttribute("bulkClosed", closed);
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("invalid", describe(invalid));
        }
        return "redirect:/supervisor";
    }

    /** A local time on the supervisor's clock (the form's datetime-local), or an ISO-8601 instant. */
    private static Instant instant(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            throw InvalidInputException.of("receivedBefore", "is required");
        }
        try {
            return LocalDateTime.parse(text).atZone(ConsoleModelAdvice.ZONE).toInstant();
        } catch (DateTimeParseException notLocal) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("receivedBefore", "is not a time: '" + text + "'");
            }
        }
    }

    private String act(RedirectAttributes redirect, String doneKey, java.util.function.Consumer<VardeUser> action) {
        try {
            action.accept(CurrentUser.get());
            redirect.addFlashAttribute("done", doneKey);
        } catch (AlarmActionRefused refused) {
            redirect.addFlashAttribute("refused", refused.getMessage());
        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute("invalid", describe(invalid));
        }
        return "redirect:/supervisor";
    }

    private static String describe(InvalidInputException invalid) {
        return invalid.problems().stream()
                .map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; "));
    }
}
