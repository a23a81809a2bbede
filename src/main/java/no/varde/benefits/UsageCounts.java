package no.varde.benefits;

import java.util.HashMap;
import java.util.Map;
import no.varde.economics.OperationalCounts;
import no.varde.economics.SplitDriver;
import no.varde.registry.Municipalities;
import no.varde.shared.Kommunenummer;
import org.springframework.stereotype.Component;

/**
 * The economics' usage-based split keys from operations: alarms (all categories but INFO) and operator handling
 * minutes per municipality over the last complete months (varde.benefits.split-months). When Varde has no
 * alarms in the period it returns nothing, and the economics uses the counts imported with the survey and says
 * so next to the numbers. Devices in service are today's count from the registry (status ACTIVE) for every
 * municipality, whenever the region has any.
 */
@Component
class UsageCounts implements OperationalCounts {

    private final OperationalFacts facts;
    private final DevicesInService devices;
    private final BenefitsProperties properties;
    private final Municipalities municipalities;

    UsageCounts(
            OperationalFacts facts,
            DevicesInService devices,
            BenefitsProperties properties,
            Municipalities municipalities) {
        this.facts = facts;
        this.devices = devices;
        this.properties = properties;
        this.municipalities = municipalities;
    }

    @Override
    public Map<Kommunenummer, Long> countsFor(SplitDriver driver) {
        if (driver == SplitDriver.ACTIVE_DEVICES) {
            Map<Kommunenummer, Long> now = devices.now();
            return now.values().stream().mapToLong(Long::longValue).sum() == 0 ? Map.of() : now;
        }
        if (driver != SplitDriver.ALARMS && driver != SplitDriver.HANDLING_MINUTES) {
            return Map.of();
        }
        var last = facts.currentMonth().minusMonths(1);
        return counts(driver, last.minusMonths(properties.splitMonths() - 1L), last);
    }

    /** The counts of the months from {@code first} to {@code last}; empty when Varde has no alarms in them. */
    Map<Kommunenummer, Long> counts(SplitDriver driver, java.time.YearMonth first, java.time.YearMonth last) {
        if (driver != SplitDriver.ALARMS && driver != SplitDriver.HANDLING_MINUTES) {
            return Map.of();
        }
        Map<Kommunenummer, Long> counts = new HashMap<>();
        // a measured zero is a zero, not a missing answer to be estimated
        municipalities.all().forEach(m -> counts.put(m.kommunenummer(), 0L));
        for (MonthFacts f : facts.facts(first, last)) {
            long value = driver == SplitDriver.ALARMS ? f.alarms() + f.technical() : Math.round(f.handlingMinutes());
            counts.merge(new Kommunenummer(f.kommunenummer()), value, Long::sum);
        }
        return counts.values().stream().mapToLong(Long::longValue).sum() == 0 ? Map.of() : counts;
    }
}
