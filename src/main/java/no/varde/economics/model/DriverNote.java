package no.varde.economics.model;

import java.util.List;
import no.varde.economics.SplitDriver;
import no.varde.shared.Kommunenummer;

/**
 * Where the figures of a counted split driver come from, so the analysis can say so next to its numbers.
 *
 * @param source MEASURED by the platform, IMPORTED with the survey, or POPULATION when nobody had counts and
 *     the driver falls back to population
 * @param estimated municipalities without a count, estimated from their population at the region's rate
 */
public record DriverNote(SplitDriver driver, Source source, List<Kommunenummer> estimated) {

    public enum Source {
        MEASURED,
        IMPORTED,
        POPULATION
    }

    public DriverNote {
        estimated = List.copyOf(estimated);
    }
}
