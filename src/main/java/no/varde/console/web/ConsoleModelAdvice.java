package no.varde.console.web;

import java.time.ZoneId;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The time zone the console shows times in (the region's), for the console's own pages. */
@ControllerAdvice(assignableTypes = {ConsolePages.class, AlarmPages.class, WallboardPages.class, SupervisorPages.class})
class ConsoleModelAdvice {

    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    @ModelAttribute("zone")
    ZoneId zone() {
        return ZONE;
    }
}
