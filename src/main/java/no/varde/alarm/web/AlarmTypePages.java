package no.varde.alarm.web;

import java.util.Locale;
import no.varde.alarm.AlarmTypeMappings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The classification table of device event codes (read-only): category, priority, VKP code, claim deadline. */
@Controller
class AlarmTypePages {

    private final AlarmTypeMappings mappings;

    AlarmTypePages(AlarmTypeMappings mappings) {
        this.mappings = mappings;
    }

    @GetMapping("/alarm-types")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'MUNICIPAL_ADMIN')")
    String alarmTypes(Locale locale, Model model) {
        model.addAttribute("types", mappings.all());
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "alarm/alarm-types";
    }
}
