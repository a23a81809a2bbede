package no.varde.economics;

import java.util.Map;
import no.varde.shared.Kommunenummer;

/**
 * Counts measured by the platform itself, per municipality, for a split driver (active devices, service
 * recipients, alarms or handling minutes over the last year). A module that owns such facts implements this;
 * when no implementation has a count for a driver, the split uses the counts imported with the survey.
 */
public interface OperationalCounts {

    /** The counts for a driver, or an empty map when the platform has no measurements for it. */
    Map<Kommunenummer, Long> countsFor(SplitDriver driver);
}
