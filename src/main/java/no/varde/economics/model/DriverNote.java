package no.varde.economics.model;

import java.util.List;
import no.varde.economics.OperationalCounts.UsagePeriod;
import no.varde.economics.SplitDriver;
import no.varde.shared.Kommunenummer;
import org.jspecify.annotations.Nullable;

/**
 * Where the figures of a counted split driver come from, so the analysis can say so next to its numbers.
 *
 * @param source MEASURED from operations over {@code period}, REGISTRY (devices in service in the registry today,
 *     when no month of the period was recorded), IMPORTED with the survey, or POPULATION when nobody had counts and
 *     the driver falls back to population (an assumption)
 * @param estimated municipalities without a count, estimated from their population at the region's rate (an
 *     assumption)
 * @param period the months measured (MEASURED only)
 * @param monthsWithData months of the period with a figure (devices: recorded months averaged over)
 */
public record DriverNote(
        SplitDriver driver,
        Source source,
        List<Kommunenummer> estimated,
        @Nullable UsagePeriod period,
        int monthsWithData) {

    public enum Source {
        MEASURED,
        REGISTRY,
        IMPORTED,
        POPULATION;

        /** Counted by the platform itself (from operations or the registry), so small counts are suppressed. */
        public boolean fromOperations() {
            return this == MEASURED || this == REGISTRY;
        }
    }

    public DriverNote {
        estimated = List.copyOf(estimated);
    }

    public DriverNote(SplitDriver driver, Source source, List<Kommunenummer> estimated) {
        this(driver, source, estimated, null, 0);
    }
}
