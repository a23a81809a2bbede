package no.varde.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmFlag;
import no.varde.alarm.AlarmStatistics;
import no.varde.console.live.ConsolePresence;
import no.varde.registry.Municipalities;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The supervisor wallboard: it leads with the longest-waiting alarm, lists the alarms waiting for an operator by
 * age and municipality, then open alarms by state, operators on duty (a console stream open on any node) and
 * today's answer times against the 60-second target, where an alarm still waiting past its type's deadline counts
 * as a miss (the board never shows 100 % while alarms wait). The page re-reads its figures every five seconds
 * (htmx polling): simple, and correct across nodes because every figure comes from the database.
 */
@Controller
@RequestMapping("/wallboard")
@PreAuthorize("hasAnyRole('OPERATOR', 'SUPERVISOR', 'MUNICIPAL_ADMIN', 'SYSTEM_ADMIN')")
class WallboardPages {

    static final Duration ANSWER_TARGET = Duration.ofSeconds(60);
    static final ZoneId ZONE = ConsoleModelAdvice.ZONE;
    /** Waiting alarms listed on the board; more are counted, not listed. */
    static final int WAITING_LISTED = 15;

    private final AlarmStatistics statistics;
    private final AlarmTitles titles;
    private final ConsolePresence presence;
    private final Municipalities municipalities;
    private final Clock clock;

    WallboardPages(
            AlarmStatistics statistics,
            ConsolePresence presence,
            Municipalities municipalities,
            AlarmTitles titles,
            Clock clock) {
        this.titles = titles;
        this.statistics = statistics;
        this.presence = presence;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @GetMapping
    String wallboard(org.springframework.web.context.request.WebRequest request, Model model) {
        fill(model);
        // "?kiosk" with or without a value
        model.addAttribute("kiosk", request.getParameterMap().containsKey("kiosk"));
        return "console/wallboard";
    }

    /** Full screen for a wall TV: no navigation, large type, the figures re-read every five seconds. */
    @GetMapping("/kiosk")
    String kiosk(Model model) {
        fill(model);
        model.addAttribute("kiosk", true);
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
                "oldestTitle", oldest == null ? null : titles.of(oldest.source(), oldest.sourceCode(), oldest.title()));
        model.addAttribute(
                "oldestAgeSeconds",
                oldest == null ? 0 : Duration.between(oldest.receivedAt(), now).toSeconds());
        model.addAttribute("answers", statistics.answerTimes(user, today, ANSWER_TARGET, now));
        var waiting = statistics.waiting(user, now);
        var listed = statistics.waitingAlarms(user, WAITING_LISTED);
        var places = municipalities.namesByNumber();
        model.addAttribute("waiting", waiting);
        model.addAttribute(
                "waitingList",
                listed.stream()
                        .map(a -> new WaitingRow(
                                titles.of(a.source(), a.sourceCode(), a.title()),
                                a.priority().value(),
                                a.kommunenummer() == null
                                        ? null
                                        : places.getOrDefault(
                                                a.kommunenummer().value(),
                                                a.kommunenummer().value()),
                                Duration.between(a.receivedAt(), now).toSeconds(),
                                a.overdueAt(now),
                                AlarmMarker.of(a.vkpAlertCode(), a.unknownDevice() ? UNKNOWN : NONE)))
                        .toList());
        model.addAttribute("waitingNotListed", Math.max(0, waiting.total() - listed.size()));
        model.addAttribute("onDuty", presence.onDuty());
        model.addAttribute("trend", trend(statistics.receivedByHour(user, today, ZONE, now), now));
        model.addAttribute("now", now);
    }

    /** Every hour of today up to now, with the tallest bar as 100 %. */
    static List<TrendBar> trend(Map<Integer, AlarmStatistics.HourCount> hours, Instant now) {
        int current = now.atZone(ZONE).getHour();
        long max = hours.values().stream()
                .mapToLong(AlarmStatistics.HourCount::received)
                .max()
                .orElse(0);
        List<TrendBar> bars = new ArrayList<>();
        for (int hour = 0; hour <= current; hour++) {
            AlarmStatistics.HourCount count = hours.get(hour);
            long received = count == null ? 0 : count.received();
            long late = count == null ? 0 : count.late();
            bars.add(new TrendBar(
                    hour,
                    received,
                    late,
                    max == 0 ? 0 : (int) Math.round(100.0 * received / max),
                    max == 0 ? 0 : (int) Math.round(100.0 * late / max)));
        }
        return bars;
    }

    /** One bar of today's trend: the hour, alarms received and late, and heights in percent of the tallest. */
    public record TrendBar(int hour, long received, long late, int heightPercent, int lateHeightPercent) {

        public String label() {
            return String.format("%02d", hour);
        }

        /** The late part as percent of this bar. */
        public int lateShare() {
            return received == 0 ? 0 : (int) Math.round(100.0 * late / received);
        }
    }

    private static final Set<AlarmFlag> UNKNOWN = EnumSet.of(AlarmFlag.UNKNOWN_DEVICE);
    private static final Set<AlarmFlag> NONE = EnumSet.noneOf(AlarmFlag.class);

    /** One waiting alarm on the board: its type, priority, municipality and how long it has waited; no names. */
    public record WaitingRow(
            String title,
            int priority,
            @Nullable String municipality,
            long ageSeconds,
            boolean overdue,
            @Nullable String marker) {

        public String age() {
            return ageSeconds / 3600 > 0
                    ? String.format("%d:%02d:%02d", ageSeconds / 3600, ageSeconds % 3600 / 60, ageSeconds % 60)
                    : String.format("%d:%02d", ageSeconds / 60, ageSeconds % 60);
        }
    }
}
