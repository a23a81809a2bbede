package no.varde.economics;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * Counts measured by the platform itself, per municipality, for a split driver (devices in service, alarms or
 * handling minutes over a usage period). A module that owns such facts implements this; when no implementation has
 * a count for a driver, the split uses the counts imported with the survey.
 */
public interface OperationalCounts {

    /**
     * The counts for a driver over the last {@code months} complete months (Europe/Oslo), or empty when the platform
     * has no measurements for it in that period.
     */
    Optional<Measured> measured(SplitDriver driver, int months);

    /**
     * Measured counts and what they rest on.
     *
     * @param period the months counted; null when the figure is the registry's count today (devices in service
     *     before any month of the period was recorded)
     * @param monthsWithData months of the period that had a figure (devices: months recorded, averaged over)
     */
    record Measured(
            Map<Kommunenummer, Long> counts, @Nullable UsagePeriod period, int monthsWithData) {

        public Measured {
            counts = Map.copyOf(counts);
        }
    }

    /** The months a usage-based split counts, first and last inclusive. */
    record UsagePeriod(YearMonth from, YearMonth to) {

        public int months() {
            return (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue() + 1);
        }
    }
}
