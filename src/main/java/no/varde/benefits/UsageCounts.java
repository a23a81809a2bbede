package no.varde.benefits;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.varde.economics.OperationalCounts;
import no.varde.economics.SplitDriver;
import no.varde.registry.Municipalities;
import no.varde.shared.Kommunenummer;
import org.springframework.stereotype.Component;

/**
 * The economics' usage-based split keys from operations over a chosen usage period (the last complete months):
 * alarms (all categories but INFO) and operator handling minutes per municipality, summed over the period; devices
 * in service, averaged over the months of the period Varde recorded (a stock is not summed). Without alarms in the
 * period it returns nothing and the economics uses the survey's counts and says so. Devices fall back to today's
 * registry count when no month of the period was recorded yet, and say that too.
 */
@Component
class UsageCounts implements OperationalCounts {

    private final OperationalFacts facts;
    private final Municipalities municipalities;

    UsageCounts(OperationalFacts facts, Municipalities municipalities) {
        this.facts = facts;
        this.municipalities = municipalities;
    }

    @Override
    public Optional<Measured> measured(SplitDriver driver, int months) {
        YearMonth last = facts.currentMonth().minusMonths(1);
        return measured(driver, last.minusMonths(months - 1L), last);
    }

    /** The counts of the months from {@code first} to {@code last}; empty when Varde has none for the driver. */
    Optional<Measured> measured(SplitDriver driver, YearMonth first, YearMonth last) {
        UsagePeriod period = new UsagePeriod(first, last);
        return switch (driver) {
            case ALARMS, HANDLING_MINUTES -> alarms(driver, period);
            case ACTIVE_DEVICES -> devices(period);
            default -> Optional.empty();
        };
    }

    private Optional<Measured> alarms(SplitDriver driver, UsagePeriod period) {
        Map<Kommunenummer, Long> counts = zeros();
        List<MonthFacts> months = facts.facts(period.from(), period.to());
        for (MonthFacts f : months) {
            long value = driver == SplitDriver.ALARMS ? f.alarms() + f.technical() : Math.round(f.handlingMinutes());
            counts.merge(new Kommunenummer(f.kommunenummer()), value, Long::sum);
        }
        long withData = months.stream().map(MonthFacts::month).distinct().count();
        return total(counts) == 0 ? Optional.empty() : Optional.of(new Measured(counts, period, (int) withData));
    }

    private Optional<Measured> devices(UsagePeriod period) {
        List<DeviceFacts> recorded = facts.devices(period.from(), period.to());
        Map<Kommunenummer, Long> counts = zeros();
        DeviceFacts.averages(recorded).forEach((k, average) -> counts.put(new Kommunenummer(k), average));
        if (total(counts) > 0) {
            int withData =
                    (int) recorded.stream().map(DeviceFacts::month).distinct().count();
            return Optional.of(new Measured(counts, period, withData));
        }
        // no month of the period recorded (a new installation): the registry's fleet today, said so
        Map<Kommunenummer, Long> today = zeros();
        facts.devices(facts.currentMonth(), facts.currentMonth())
                .forEach(f -> today.put(new Kommunenummer(f.kommunenummer()), f.devicesInService()));
        return total(today) == 0 ? Optional.empty() : Optional.of(new Measured(today, null, 0));
    }

    /** Every municipality of the region: a measured zero is a zero, not a missing answer to be estimated. */
    private Map<Kommunenummer, Long> zeros() {
        Map<Kommunenummer, Long> counts = new HashMap<>();
        municipalities.all().forEach(m -> counts.put(m.kommunenummer(), 0L));
        return counts;
    }

    private static long total(Map<Kommunenummer, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
