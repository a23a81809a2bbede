package no.varde.journal.web;

import no.varde.alarm.AlarmId;
import no.varde.journal.CareInformation;
import no.varde.shared.ResidentId;
import no.varde.shared.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The care panel (visit plan, services, flags from the EPJ) that the resident card and the alarm page load. */
@Controller
@RequestMapping("/journal")
@PreAuthorize(CareApi.CARE_READERS)
class CarePages {

    private final CareInformation care;
    private final java.time.Clock clock;

    CarePages(CareInformation care, java.time.Clock clock) {
        this.care = care;
        this.clock = clock;
    }

    @GetMapping("/residents/{id}/care")
    String resident(@PathVariable ResidentId id, Model model) {
        model.addAttribute("care", care.ofResident(CurrentUser.get(), id));
        model.addAttribute("now", clock.instant());
        return "journal/care :: care";
    }

    @GetMapping("/alarms/{id}/care")
    String alarm(@PathVariable AlarmId id, Model model) {
        model.addAttribute("care", care.ofAlarm(CurrentUser.get(), id).orElse(null));
        model.addAttribute("now", clock.instant());
        return "journal/care :: care";
    }
}
