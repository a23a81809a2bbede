package no.varde.benefits;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Devices in service (registry status ACTIVE) in one municipality in one month: the current month's count today,
 * a past month's count as recorded at its end. A stock, not a flow: months are never added up, a period is
 * described by its average ({@link #averages}).
 */
public record DeviceFacts(String kommunenummer, YearMonth month, long devicesInService) {

    /** The region's figure per month: the sum of the municipalities' in that month. */
    public static List<DeviceFacts> region(List<DeviceFacts> facts) {
        Map<YearMonth, Long> sums = new TreeMap<>();
        facts.forEach(f -> sums.merge(f.month(), f.devicesInService(), Long::sum));
        List<DeviceFacts> region = new ArrayList<>();
        sums.forEach((month, sum) -> region.add(new DeviceFacts("", month, sum)));
        return region;
    }

    /**
     * Each municipality's average over the months that have a figure (every recording covers every municipality,
     * so they share the months), rounded half up; empty when no month has one.
     */
    public static Map<String, Long> averages(List<DeviceFacts> facts) {
        long months = facts.stream().map(DeviceFacts::month).distinct().count();
        Map<String, Long> sums = new TreeMap<>();
        facts.forEach(f -> sums.merge(f.kommunenummer(), f.devicesInService(), Long::sum));
        Map<String, Long> averages = new TreeMap<>();
        sums.forEach((k, sum) -> averages.put(k, Math.floorDiv(2 * sum + months, 2 * months)));
        return averages;
    }
}
