package no.varde.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmStatistics;
import no.varde.console.live.ConsolePresence;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The supervisor wallboard: open alarms by state, the oldest unclaimed alarm, operators on duty (a console
 * stream open on any node) and today's answer times against the 60-second target. The page re-reads its figures
 * every five seconds (htmx polling): simple, and correct across nodes because every figure comes from the
 * database.
 */
@Controller
@RequestMapping("/wallboard")
@PreAuthorize("hasAnyRole('OPERATOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
class WallboardPages {

    static final Duration ANSWER_TARGET = Duration.ofSeconds(60);
    static final ZoneId ZONE = ConsoleModelAdvice.ZONE;

    private final AlarmStatistics statistics;
    private final ConsolePresence presence;
    private final Clock clock;

    WallboardPages(AlarmStatistics statistics, ConsolePresence presence, Clock clock) {
        this.statistics = statistics;
        this.presence = presence;
        this.clock = clock;
    }

    @GetMapping
    String wallboard(Model model) {
        fill(model);
        return "console/wallboard";
    }

    @GetMapping("/figures")
    String figures(Model model) {
        fill(model);
        return "console/wallboard :: figures";
    }

    private void fill(Model model) {
        VardeUser user = CurrentUser.get();
        Instant now = clock.instant();
        Instant today = LocalDate.ofInstant(now, ZONE).atStartOfDay(ZONE).toInstant();
        model.addAttribute("byState", statistics.openByState(user, AlarmCategory.ALARM));
        model.addAttribute("technicalByState", statistics.openByState(user, AlarmCategory.TECHNICAL));
        model.addAttribute("closedToday", statistics.closedSince(user, AlarmCategory.ALARM, today));
        var oldest = statistics.oldestUnclaimed(user);
        model.addAttribute("oldest", oldest);
        model.addAttribute(
                "oldestAgeSeconds",
                oldest == null ? 0 : Duration.between(oldest.receivedAt(), now).toSeconds());
        model.addAttribute("answers", statistics.answerTimes(user, today, ANSWER_TARGET));
        model.addAttribute("onDuty", presence.onDuty());
        model.addAttribute("now", now);
    }
}
