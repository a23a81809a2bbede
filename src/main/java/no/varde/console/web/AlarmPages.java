package no.varde.console.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmActionRefused;
import no.varde.alarm.AlarmFlag;
import no.varde.alarm.AlarmHistory;
import no.varde.alarm.AlarmId;
import no.varde.alarm.Alarms;
import no.varde.alarm.CallResult;
import no.varde.alarm.FirstShown;
import no.varde.alarm.Outcome;
import no.varde.alarm.TimelineEntry;
import no.varde.alarm.TimelineKind;
import no.varde.console.ConsoleProperties;
import no.varde.registry.AccessScope;
import no.varde.registry.AccessScopes;
import no.varde.registry.Devices;
import no.varde.registry.HomeCareTeam;
import no.varde.registry.HomeCareTeams;
import no.varde.registry.Municipalities;
import no.varde.registry.Resident;
import no.varde.registry.Residents;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One alarm in the console: claim, the resident card, the timeline, and the operator's actions as plain forms
 * (post, then redirect back with a message). A refused action is explained in the operator's language; a
 * refused "resolved by phone" proposes dispatch right there.
 */
@Controller
@RequestMapping("/console/alarms/{id}")
@PreAuthorize("hasRole('OPERATOR')")
class AlarmPages {

    static final int RECENT_ALARMS = 10;

    private final Alarms alarms;
    private final AlarmHistory history;
    private final Residents residents;
    private final Devices devices;
    private final HomeCareTeams teams;
    private final AccessScopes scopes;
    private final Municipalities municipalities;
    private final AlarmTitles titles;
    private final no.varde.shared.security.StaffDirectory staff;
    private final ConsoleProperties properties;
    private final Clock clock;
    private final FirstShown firstShown;

    AlarmPages(
            Alarms alarms,
            AlarmHistory history,
            Residents residents,
            Devices devices,
            HomeCareTeams teams,
            AccessScopes scopes,
            Municipalities municipalities,
            AlarmTitles titles,
            no.varde.shared.security.StaffDirectory staff,
            ConsoleProperties properties,
            Clock clock,
            FirstShown firstShown) {
        this.firstShown = firstShown;
        this.alarms = alarms;
        this.history = history;
        this.residents = residents;
        this.devices = devices;
        this.teams = teams;
        this.scopes = scopes;
        this.municipalities = municipalities;
        this.titles = titles;
        this.staff = staff;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The page. Opening it is audited as a read of the resident; re-rendering it in place (htmx: an action answered
     * where the operator is, the live refresh, the timeline after a guidance tick) follows the audit rule instead.
     * The live refresh reads {@code /live}, the same page under another path, so that it never takes the message
     * an action left for the page it redirects to (a flash attribute is bound to its target path).
     */
    @GetMapping({"", "/live"})
    String show(
            @PathVariable AlarmId id,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        VardeUser user = CurrentUser.get();
        boolean rerender = htmx != null;
        Alarm alarm = rerender ? alarms.getShown(user, id) : alarms.get(user, id);
        AccessScope scope = scopes.forUser(user);
        firstShown.shown(user, List.of(alarm));
        model.addAttribute("alarm", alarm);
        model.addAttribute("title", titles.of(alarm));
        // Staff are named by their names, not usernames, in the head, the timeline and the change banners.
        java.util.Set<String> usernames = new java.util.TreeSet<>();
        alarm.timeline().forEach(entry -> usernames.add(entry.actor()));
        if (alarm.claimedBy() != null) {
            usernames.add(alarm.claimedBy());
        }
        Map<String, String> actorNames = staff.displayNames(usernames);
        model.addAttribute("actorNames", actorNames);
        model.addAttribute("claimedByName", alarm.claimedBy() == null ? null : actorNames.get(alarm.claimedBy()));
        model.addAttribute("report", DeviceReport.of(alarm));
        model.addAttribute("mapConfig", properties.map());
        model.addAttribute(
                "lastEntryId",
                alarm.timeline().stream().mapToLong(TimelineEntry::id).max().orElse(0));
        model.addAttribute("serverNow", clock.millis());
        model.addAttribute("escalated", alarm.flags().contains(AlarmFlag.ESCALATED));
        model.addAttribute("marker", AlarmMarker.of(alarm.vkpAlertCode(), alarm.flags()));
        model.addAttribute("unknownDevice", alarm.flags().contains(AlarmFlag.UNKNOWN_DEVICE));
        model.addAttribute("noResident", alarm.flags().contains(AlarmFlag.NO_RESIDENT));
        model.addAttribute("mine", user.username().equals(alarm.claimedBy()) && alarm.isOpen());
        model.addAttribute(
                "municipality",
                alarm.kommunenummer() == null
                        ? null
                        : municipalities
                                .find(alarm.kommunenummer())
                                .map(no.varde.registry.Municipality::name)
                                .orElse(null));
        if (alarm.residentId() != null) {
            String purpose = "alarm " + id + ": resident card";
            Resident resident = rerender
                    ? residents.getShown(scope, alarm.residentId(), purpose)
                    : residents.get(scope, alarm.residentId(), purpose);
            model.addAttribute("resident", resident);
            model.addAttribute("callTargets", CallTarget.of(resident));
            model.addAttribute("age", resident.age(clock));
            model.addAttribute("devices", devices.ofResident(scope, alarm.residentId()));
            model.addAttribute(
                    "recent",
                    history.recentOfResident(user, alarm.residentId(), RECENT_ALARMS + 1).stream()
                            .filter(other -> !other.id().equals(alarm.id()))
                            .limit(RECENT_ALARMS)
                            .toList());
        }
        if (resident(model) == null) {
            model.addAttribute("callTargets", List.of());
        }
        List<HomeCareTeam> homeCare =
                alarm.kommunenummer() == null ? List.of() : teams.ofMunicipality(alarm.kommunenummer());
        model.addAttribute("teams", homeCare);
        model.addAttribute(
                "outcomes",
                List.of(
                        Outcome.RESOLVED_BY_PHONE,
                        Outcome.CALLOUT_COMPLETED,
                        Outcome.FALSE_ALARM,
                        Outcome.HANDED_TO_113,
                        Outcome.INFORMED_ABOUT_PLANNED_VISIT,
                        Outcome.OTHER));
        model.addAttribute("callResults", CallResult.values());
        model.addAttribute("noteKinds", List.of(TimelineKind.NOTE, TimelineKind.CAUSE, TimelineKind.MEASURE));
        return "console/alarm";
    }

    @PostMapping("/claim")
    String claim(@PathVariable AlarmId id, RedirectAttributes redirect) {
        return act(id, redirect, "console.done.claimed", user -> alarms.claim(user, id));
    }

    @PostMapping("/release")
    String release(@PathVariable AlarmId id, RedirectAttributes redirect) {
        return act(id, redirect, "console.done.released", user -> alarms.release(user, id, null));
    }

    @PostMapping("/call")
    String call(
            @PathVariable AlarmId id,
            @RequestParam(defaultValue = "") String callee,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable CallResult result,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return act(id, redirect, "console.done.call", user -> {
            if (result == null) {
                throw InvalidInputException.of("result", "is required");
            }
            alarms.logCall(user, id, callee, blankToNull(number), result, blankToNull(note));
        });
    }

    @PostMapping("/note")
    String note(
            @PathVariable AlarmId id,
            @RequestParam(defaultValue = "NOTE") TimelineKind kind,
            @RequestParam(defaultValue = "") String text,
            RedirectAttributes redirect) {
        return act(id, redirect, "console.done.note", user -> alarms.note(user, id, kind, text));
    }

    @PostMapping("/dispatch")
    String dispatch(
            @PathVariable AlarmId id,
            @RequestParam(required = false) @Nullable String message,
            RedirectAttributes redirect) {
        return act(id, redirect, "console.done.dispatched", user -> alarms.dispatch(user, id, blankToNull(message)));
    }

    @PostMapping("/handed-to-113")
    String handTo113(
            @PathVariable AlarmId id,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return act(id, redirect, "console.done.handedTo113", user -> alarms.handTo113(user, id, blankToNull(note)));
    }

    @PostMapping("/relatives")
    String relatives(
            @PathVariable AlarmId id,
            @RequestParam(defaultValue = "") String who,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "console.done.relatives",
                user -> alarms.notifyRelatives(user, id, who, blankToNull(note)));
    }

    @PostMapping("/close")
    String close(
            @PathVariable AlarmId id,
            @RequestParam(required = false) @Nullable Outcome outcome,
            @RequestParam(required = false) @Nullable String comment,
            @RequestParam(defaultValue = "false") boolean confirmCalloutCancel,
            RedirectAttributes redirect) {
        return act(id, redirect, "console.done.closed", user -> {
            try {
                alarms.close(user, id, outcome, blankToNull(comment), confirmCalloutCancel);
            } catch (no.varde.alarm.CalloutActiveRefusal active) {
                // asked back with what was chosen, so one more press confirms the cancellation of the call-out
                redirect.addFlashAttribute("confirmCallout", new CloseRequest(outcome, blankToNull(comment)));
                throw active;
            }
        });
    }

    /** The close the operator asked for, kept for the confirmation step when a call-out is active. */
    public record CloseRequest(
            @Nullable Outcome outcome, @Nullable String comment) {}

    private String act(AlarmId id, RedirectAttributes redirect, String doneKey, Action action) {
        try {
            action.run(CurrentUser.get());
            redirect.addFlashAttribute("done", doneKey);
        } catch (AlarmActionRefused refused) {
            redirect.addFlashAttribute("refusedCode", refused.code());
            String holder = alarms.findForSystem(id).map(Alarm::claimedBy).orElse("?");
            redirect.addFlashAttribute(
                    "holder", staff.displayNames(List.of(holder)).getOrDefault(holder, holder));
            if ("VARDE-ALARM-0005".equals(refused.code())) {
                redirect.addFlashAttribute("proposeDispatch", true);
            }

        } catch (InvalidInputException invalid) {
            redirect.addFlashAttribute(
                    "invalid",
                    invalid.problems().stream()
                            .map(p -> p.field() + ": " + p.message())
                            .collect(Collectors.joining("; ")));
        }
        return "redirect:/console/alarms/" + id;
    }

    private static @Nullable Object resident(Model model) {
        return model.getAttribute("resident");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @FunctionalInterface
    private interface Action {
        void run(VardeUser user);
    }
}
