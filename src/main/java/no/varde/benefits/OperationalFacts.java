package no.varde.benefits;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmFacts;
import org.springframework.stereotype.Service;

/**
 * Operational facts per municipality and month, computed on demand from the alarm record; devices in service, from
 * the registry as recorded month by month, are their own facts ({@link #devices}).
 */
@Service
public class OperationalFacts {

    private final AlarmFacts alarms;
    private final DevicesInService devices;
    private final BenefitsProperties properties;
    private final Clock clock;

    OperationalFacts(AlarmFacts alarms, DevicesInService devices, BenefitsProperties properties, Clock clock) {
        this.alarms = alarms;
        this.devices = devices;
        this.properties = properties;
        this.clock = clock;
    }

    public ZoneId zone() {
        return ZoneId.of(properties.zone());
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone()));
    }

    /** Facts of the months from {@code from} to {@code to} inclusive, per municipality with alarms, by month. */
    public List<MonthFacts> facts(YearMonth from, YearMonth to) {
        ZoneId zone = zone();
        Map<String, MonthFacts> merged = new TreeMap<>();
        for (AlarmFacts.MonthlyFacts row : alarms.monthly(
                from.atDay(1).atStartOfDay(zone).toInstant(),
                to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                zone,
                Duration.ofSeconds(properties.answerTargetSeconds()))) {
            String key = row.month() + "/" + row.kommunenummer();
            MonthFacts add = of(row);
            merged.merge(key, add, MonthFacts::plus);
        }
        return new ArrayList<>(merged.values());
    }

    /**
     * Devices in service from {@code from} to {@code to}, per municipality and month that has a figure (the current
     * month today's count, a past month as recorded at its end): a fact of its own, not an alarm count.
     */
    public List<DeviceFacts> devices(YearMonth from, YearMonth to) {
        return devices.facts(from, to);
    }

    /**
     * Alarms (every category) per municipality, month and VKP alert code, from {@code from} to {@code to}
     * inclusive; the region's are the sums ({@link #regionByType}).
     */
    public List<AlarmFacts.TypeCount> byType(YearMonth from, YearMonth to) {
        ZoneId zone = zone();
        return alarms.byType(
                from.atDay(1).atStartOfDay(zone).toInstant(),
                to.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                zone);
    }

    /** The region's alarms per month and alert code: the sum of the municipalities'. */
    public static List<AlarmFacts.TypeCount> regionByType(List<AlarmFacts.TypeCount> counts) {
        Map<String, AlarmFacts.TypeCount> sums = new TreeMap<>();
        for (AlarmFacts.TypeCount c : counts) {
            sums.merge(
                    c.month() + "/" + c.alertCode(),
                    new AlarmFacts.TypeCount("", c.month(), c.alertCode(), c.alarms()),
                    (a, b) -> new AlarmFacts.TypeCount("", a.month(), a.alertCode(), a.alarms() + b.alarms()));
        }
        return new ArrayList<>(sums.values());
    }

    /** The region's facts per month: the sum of the municipalities'. */
    public static List<MonthFacts> region(List<MonthFacts> facts) {
        Map<YearMonth, MonthFacts> byMonth = new TreeMap<>();
        for (MonthFacts f : facts) {
            byMonth.merge(f.month(), f, (a, b) -> a.plus(b));
        }
        return byMonth.values().stream()
                .map(f -> new MonthFacts(
                        "",
                        f.month(),
                        f.alarms(),
                        f.technical(),
                        f.resolvedByPhone(),
                        f.callouts(),
                        f.handlingMinutes(),
                        f.answered(),
                        f.answeredWithinTarget(),
                        f.technicalClosedByRules(),
                        f.technicalClosedByPeople()))
                .toList();
    }

    private static MonthFacts of(AlarmFacts.MonthlyFacts row) {
        boolean alarm = row.category() == AlarmCategory.ALARM;
        boolean technical = row.category() == AlarmCategory.TECHNICAL;
        return new MonthFacts(
                row.kommunenummer(),
                row.month(),
                alarm ? row.alarms() : 0,
                technical ? row.alarms() : 0,
                row.resolvedByPhone(),
                row.callouts(),
                row.handlingMinutes(),
                alarm ? row.answered() : 0,
                alarm ? row.answeredWithinTarget() : 0,
                technical ? row.closedWithoutHuman() : 0,
                technical ? row.closedByPeople() : 0);
    }
}
