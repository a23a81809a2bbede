package no.varde.console.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.varde.alarm.AlarmStatistics;
import no.varde.console.ConsoleProperties;
import no.varde.console.live.ConsoleSound;
import no.varde.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue strip on every operator page: how many alarms wait for an operator, by priority, how many are past
 * their deadline and since when the oldest waits, with the cue settings. Counts only, no personal data, so no
 * audit entry; the page re-reads it on every live change and now and then.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class QueueStrip {

    private final AlarmStatistics statistics;
    private final ConsoleProperties properties;
    private final Clock clock;

    QueueStrip(AlarmStatistics statistics, ConsoleProperties properties, Clock clock) {
        this.statistics = statistics;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/console/strip", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Strip> strip() {
        Instant now = clock.instant();
        AlarmStatistics.Waiting waiting = statistics.waiting(CurrentUser.get(), now);
        Map<String, Long> byPriority = new LinkedHashMap<>();
        waiting.byPriority().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> byPriority.put(String.valueOf(e.getKey()), e.getValue()));
        Strip strip = new Strip(
                waiting.total(),
                byPriority,
                waiting.overdue(),
                waiting.oldestReceivedAt() == null
                        ? null
                        : waiting.oldestReceivedAt().toEpochMilli(),
                now.toEpochMilli(),
                properties.cueRepeatInterval().toMillis(),
                SOUNDS);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(strip);
    }

    /** The sound cues' tones, named as the live events name them. */
    static final Map<String, List<Integer>> SOUNDS = soundTable();

    private static Map<String, List<Integer>> soundTable() {
        Map<String, List<Integer>> sounds = new LinkedHashMap<>();
        for (ConsoleSound sound : ConsoleSound.values()) {
            sounds.put(sound.name(), sound.tones());
        }
        return Map.copyOf(sounds);
    }

    /**
     * @param waiting alarms waiting for an operator
     * @param byPriority of those, by priority ("1" first)
     * @param overdue of those, past their type's claim deadline
     * @param oldestReceivedAt epoch ms when the longest-waiting alarm came in, null when none waits
     * @param serverNow the server's clock (epoch ms), so the browser's age timer agrees with it
     * @param cueRepeatMillis how often the cue repeats while alarms wait
     * @param sounds the cues' tones (Hz)
     */
    record Strip(
            long waiting,
            Map<String, Long> byPriority,
            long overdue,
            @Nullable Long oldestReceivedAt,
            long serverNow,
            long cueRepeatMillis,
            Map<String, List<Integer>> sounds) {}
}
